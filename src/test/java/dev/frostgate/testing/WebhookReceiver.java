package dev.frostgate.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback (the JDK's HTTP server): records every request body, answers the scripted
 * statuses in turn (then 200), or never answers while {@link #hang()} is in effect.
 */
public final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<String> accepted = new LinkedBlockingQueue<>();
    private final Deque<Integer> statuses = new ArrayDeque<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean hanging;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream input = exchange.getRequestBody()) {
                body = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.incrementAndGet();
            if (hanging) {
                try {
                    released.await();
                } catch (InterruptedException stopping) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            int status;
            synchronized (statuses) {
                status = statuses.isEmpty() ? 200 : statuses.poll();
            }
            if (status / 100 == 2) {
                accepted.add(body);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public static WebhookReceiver start() throws IOException {
        return new WebhookReceiver();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    /** The next answers, in order; after them every request gets 200. */
    public WebhookReceiver answering(Integer... scripted) {
        synchronized (statuses) {
            statuses.addAll(List.of(scripted));
        }
        return this;
    }

    /** From now on, requests are read and never answered (until close). */
    public WebhookReceiver hang() {
        hanging = true;
        return this;
    }

    /** Every request received, answered or not. */
    public int requests() {
        return requests.get();
    }

    /** The next accepted body, waiting at most the timeout; null if none came. */
    public String next(Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Bodies accepted and not yet taken by {@link #next}. */
    public List<String> remaining() {
        List<String> bodies = new ArrayList<>();
        accepted.drainTo(bodies);
        return bodies;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
