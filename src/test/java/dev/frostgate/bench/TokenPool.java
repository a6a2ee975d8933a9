package dev.frostgate.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Distinct signed tokens made before a phase's clock starts (signing with RSA costs far more than verifying),
 * handed out once each: a login that finds the pool empty fails with "token pool exhausted", which makes its
 * phase (and the run) invalid instead of sending a token twice.
 */
final class TokenPool {
    /** One login with one token; a wrong answer throws. */
    @FunctionalInterface
    interface Use {
        void login(String token) throws Exception;
    }

    /** What an RS256 verifier works on: the signing input (header.payload, ASCII) and the decoded signature. */
    record SignedInput(byte[] signingInput, byte[] signature) {}

    private final String name;
    private final String[] tokens;
    private final double generationSeconds;
    private final AtomicInteger next = new AtomicInteger();

    private TokenPool(String name, String[] tokens, double generationSeconds) {
        this.name = name;
        this.tokens = tokens;
        this.generationSeconds = generationSeconds;
    }

    /** {@code size} tokens made on {@code threads} threads, each by one call of {@code factory}. */
    static TokenPool generate(String name, int size, int threads, Supplier<String> factory) throws Exception {
        String[] tokens = new String[size];
        AtomicInteger nextIndex = new AtomicInteger();
        long started = System.nanoTime();
        inParallel("bench-sign-", threads, () -> {
            for (int index; (index = nextIndex.getAndIncrement()) < size; ) {
                tokens[index] = factory.get();
            }
        }, "making the tokens of '" + name + "'");
        return new TokenPool(name, tokens, (System.nanoTime() - started) / 1e9);
    }

    /** The next unused token. */
    String take() throws RequestFailed {
        int index = next.getAndIncrement();
        if (index >= tokens.length) {
            next.set(tokens.length);
            throw new RequestFailed("token pool exhausted", "all " + tokens.length + " tokens of '" + name
                    + "' were used: set -Dbench.jwtRateEstimate higher, or shorten the phase");
        }
        return tokens[index];
    }

    /**
     * Logs in with every token of this pool on {@code threads} threads; the logins per second of the second
     * half (the first warms up). Any failed login ends the run: the set-up is wrong.
     */
    double drain(int threads, Use use) throws Exception {
        int half = tokens.length / 2;
        AtomicInteger completed = new AtomicInteger();
        AtomicLong halfway = new AtomicLong();
        AtomicLong last = new AtomicLong();
        inParallel("bench-probe-", threads, () -> {
            while (next.get() < tokens.length) {
                String token;
                try {
                    token = take();
                } catch (RequestFailed empty) {
                    return;
                }
                try {
                    use.login(token);
                } catch (Exception failure) {
                    throw new IllegalStateException(failure.getMessage(), failure);
                }
                long now = System.nanoTime();
                int done = completed.incrementAndGet();
                if (done == half) {
                    halfway.set(now);
                }
                last.accumulateAndGet(now, Math::max);
            }
        }, "the probe '" + name + "'");
        return (tokens.length - half) / ((last.get() - halfway.get()) / 1e9);
    }

    int size() {
        return tokens.length;
    }

    int used() {
        return Math.min(next.get(), tokens.length);
    }

    double generationSeconds() {
        return generationSeconds;
    }

    /** The verifier's inputs of the first {@code limit} tokens. */
    List<SignedInput> signedInputs(int limit) {
        List<SignedInput> inputs = new ArrayList<>();
        Base64.Decoder base64Url = Base64.getUrlDecoder();
        for (int index = 0; index < Math.min(limit, tokens.length); index++) {
            int dot = tokens[index].lastIndexOf('.');
            inputs.add(new SignedInput(tokens[index].substring(0, dot).getBytes(StandardCharsets.US_ASCII),
                    base64Url.decode(tokens[index].substring(dot + 1))));
        }
        return inputs;
    }

    /** Runs {@code work} on {@code threads} platform threads and waits; a failure ends the run. */
    private static void inParallel(String threadName, int threads, Runnable work, String what)
            throws InterruptedException {
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name(threadName + i).start(() -> {
                try {
                    work.run();
                } catch (RuntimeException | Error failure) {
                    failures.add(failure);
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new BenchmarkAborted(what + " failed: " + failures.get(0).getMessage());
        }
    }
}
