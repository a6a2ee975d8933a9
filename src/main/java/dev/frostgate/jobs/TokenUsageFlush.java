package dev.frostgate.jobs;

import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;

/** Writes the token-use times gathered in memory since the last run (and once more at shutdown). */
public final class TokenUsageFlush implements BackgroundJob {
    private final ProgrammaticAccessTokenUsage usage;

    public TokenUsageFlush(ProgrammaticAccessTokenUsage usage) {
        this.usage = usage;
    }

    @Override
    public String name() {
        return "token-usage-flush";
    }

    @Override
    public void runOnce() {
        usage.flush();
    }
}
