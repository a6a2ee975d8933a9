package dev.frostgate.jobs;

/** A periodic task of the server. {@link #runOnce()} is what the scheduler calls, and what tests call. */
public interface BackgroundJob {
    String name();

    void runOnce();
}
