package dev.frostgate.protocol.v2;

import dev.frostgate.core.Core;
import dev.frostgate.protocol.Door;
import dev.frostgate.protocol.Routes;
import java.time.Duration;

/** Snowflake's SQL API v2 (statements with bearer tokens), and Frostgate's leaked-token report. */
public final class SqlApiDoor implements Door {
    private final Duration resultWait;

    /** {@code resultWait}: how long a synchronous request waits before answering 202. */
    public SqlApiDoor(Duration resultWait) {
        this.resultWait = resultWait;
    }

    @Override
    public void install(Core core, Routes routes) {
        StatementEndpoints statements = new StatementEndpoints(core.bearers(), core.statements(), core.queries(),
                resultWait);
        routes.route("POST", "/api/v2/statements", statements.submit())
                .route("GET", StatementEndpoints::isStatusPath, statements.status())
                .route("POST", StatementEndpoints::isCancelPath, statements.cancel())
                .route("POST", "/api/v2/leaked-tokens", new LeakedTokenEndpoint(core.bearers(), core.tokens()));
    }
}
