package dev.frostgate.jobs;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background jobs one after the other on a single daemon thread, first at start and then every
 * interval (none when the interval is zero: tests and embedders call {@link #runOnce()} themselves).
 */
public final class JobScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final List<BackgroundJob> jobs;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "frostgate-jobs");
        thread.setDaemon(true);
        return thread;
    });

    public JobScheduler(List<BackgroundJob> jobs, Duration interval) {
        this.jobs = List.copyOf(jobs);
        this.interval = interval;
    }

    public void start() {
        if (!interval.isZero()) {
            executor.scheduleWithFixedDelay(this::runOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Runs every job once. Synchronized so that a scheduled run and a test's run never interleave; a job
     * that fails is logged and the others still run (and it runs again next time).
     */
    public synchronized void runOnce() {
        for (BackgroundJob job : jobs) {
            try {
                job.runOnce();
            } catch (RuntimeException failure) {
                LOG.warn("background job {} failed; it runs again at the next interval", job.name(), failure);
            }
        }
    }

    /** Stops the schedule, giving a run in progress a few seconds to end before the store closes. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a background job was still running when the server stopped");
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
