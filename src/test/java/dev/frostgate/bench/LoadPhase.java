package dev.frostgate.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs an operation in a loop on platform threads: a warm-up, then a measured window whose completions
 * are counted. A failed operation is counted as an error (and makes the run invalid); a {@link StopRun}
 * ends the phase and the run. A {@link #runBounded bounded} phase is for operations that may outlast a
 * phase: its warm-up and its window each last until one operation completed in them, and an
 * {@link OperationTimedOut} ends it as timed out.
 */
final class LoadPhase {
    @FunctionalInterface
    interface Operation {
        void run(int worker) throws Exception;
    }

    private final double warmupSeconds;
    private final double measureSeconds;
    private final RequestErrors errors;

    LoadPhase(double warmupSeconds, double measureSeconds, RequestErrors errors) {
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.errors = errors;
    }

    /** Runs the phase against {@code server} (whose CPU is reported) and prints its row. */
    PhaseResult run(String name, int threads, ProcessHandle server, Operation operation) throws Exception {
        return run(name, threads, server, operation, false);
    }

    /**
     * Like {@link #run}, for operations that may take longer than the configured seconds: the warm-up lasts its
     * seconds and until one operation has completed, the measured window its seconds and until one more has
     * completed in it, so that the mean latency is always of whole operations. The operation bounds itself: one
     * that throws {@link OperationTimedOut} ends the phase, whose result is then {@code timedOut}, and no further
     * operation is started (the one that timed out may still be running on the server). A failed operation ends
     * the waiting for completions (not the configured seconds).
     */
    PhaseResult runBounded(String name, int threads, ProcessHandle server, Operation operation) throws Exception {
        return run(name, threads, server, operation, true);
    }

    private PhaseResult run(String name, int threads, ProcessHandle server, Operation operation, boolean bounded)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean timedOut = new AtomicBoolean();
        LongAdder completed = new LongAdder();
        LongAdder latencyNanos = new LongAdder();
        long errorsBefore = errors.total();
        ConcurrentLinkedQueue<StopRun> stopped = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name("bench-" + i).start(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    try {
                        operation.run(worker);
                        latencyNanos.add(System.nanoTime() - started);
                        completed.increment();
                    } catch (StopRun fatal) {
                        stopped.add(fatal);
                        stop.set(true);
                    } catch (OperationTimedOut late) {
                        timedOut.set(true);
                        stop.set(true);
                    } catch (InterruptedException interrupted) {
                        return;
                    } catch (Exception failure) {
                        errors.record(name, failure);
                        pause();
                    }
                }
            }));
        }
        try {
            sleepUnlessStopped(warmupSeconds, stop);
            if (bounded) {
                awaitCompletions(completed, 1, stop, errorsBefore);
            }
            long count0 = completed.sum();
            long latency0 = latencyNanos.sum();
            Duration serverCpu0 = cpu(server);
            Duration clientCpu0 = cpu(ProcessHandle.current());
            long time0 = System.nanoTime();
            sleepUnlessStopped(measureSeconds, stop);
            if (bounded) {
                awaitCompletions(completed, count0 + 1, stop, errorsBefore);
            }
            long count1 = completed.sum();
            long latency1 = latencyNanos.sum();
            long time1 = System.nanoTime();
            Duration serverCpu1 = cpu(server);
            Duration clientCpu1 = cpu(ProcessHandle.current());
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(60));
            }
            if (!stopped.isEmpty()) {
                throw new BenchmarkAborted("phase '" + name + "' stopped: " + stopped.peek().getMessage());
            }
            double seconds = (time1 - time0) / 1e9;
            long operations = count1 - count0;
            PhaseResult result = new PhaseResult(name, operations, seconds, operations / seconds,
                    operations == 0 ? Double.NaN : (latency1 - latency0) / 1e6 / operations,
                    serverCpu1.minus(serverCpu0).toNanos() / 1e9 / seconds,
                    clientCpu1.minus(clientCpu0).toNanos() / 1e9 / seconds, errors.total() - errorsBefore,
                    timedOut.get());
            System.out.println(result.row());
            return result;
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(60));
            }
        }
    }

    private static void sleepUnlessStopped(double seconds, AtomicBoolean stop) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long left;
        while (!stop.get() && (left = end - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
        }
    }

    /**
     * Waits until {@code count} operations have completed in all, the phase stops, or an operation of it failed
     * (the run is then invalid anyway, and a failing operation might never complete).
     */
    private void awaitCompletions(LongAdder completed, long count, AtomicBoolean stop, long errorsBefore)
            throws InterruptedException {
        while (!stop.get() && completed.sum() < count && errors.total() == errorsBefore) {
            Thread.sleep(5);
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
