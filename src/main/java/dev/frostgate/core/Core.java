package dev.frostgate.core;

import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.LoginOptions;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenRepository;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.exec.StatementExecutor;
import java.time.Clock;

/**
 * The one facade the doors receive: logins, sessions and bearers, statements and their registry,
 * programmatic access tokens (for the leaked-token report), and the change feed. Built by
 * {@link CoreAssembly}; the doors never see the store.
 */
public record Core(String accountName, LoginPipeline logins, LoginOptions loginOptions, SessionManager sessions,
                   BearerAuthentication bearers, StatementExecutor statements, QueryRegistry queries,
                   ProgrammaticAccessTokenCatalog tokens, ChangeFeed changes, Clock clock, Jobs jobs)
        implements AutoCloseable {
    /** The user created on an empty store, with role ACCOUNTADMIN. */
    public static final String ADMIN_USER = "ADMIN";

    /** What the background jobs work on. */
    public record Jobs(ProgrammaticAccessTokenRepository tokenStore, ProgrammaticAccessTokenUsage tokenUsage) {}

    /** Stops what the core runs on its own threads (statements in flight); the store is closed by its opener. */
    @Override
    public void close() {
        queries.close();
    }
}
