package dev.frostgate.protocol.v1;

import dev.frostgate.core.Core;
import dev.frostgate.protocol.Door;
import dev.frostgate.protocol.Routes;
import java.time.Duration;

/** Snowflake's driver protocol (JDBC, Node, …): login, sessions, queries and their results. */
public final class DriverDoor implements Door {
    private final Duration resultWait;
    private final String serverVersion;

    /** {@code resultWait}: how long a query request waits before answering "in progress". */
    public DriverDoor(Duration resultWait, String serverVersion) {
        this.resultWait = resultWait;
        this.serverVersion = serverVersion;
    }

    @Override
    public void install(Core core, Routes routes) {
        QueryEndpoints queries = new QueryEndpoints(core.sessions(), core.statements(), core.queries(), resultWait);
        SessionEndpoints sessions = new SessionEndpoints(core.sessions());
        routes.route("POST", "/session/v1/login-request", new LoginEndpoint(core.logins(),
                        core.sessions().settings(), serverVersion))
                .route("POST", "/session/v1/login-options", new LoginOptionsEndpoint(core.loginOptions()))
                .route("POST", "/queries/v1/query-request", queries.queryRequest())
                .route("GET", QueryEndpoints::isResultPath, queries.result())
                .route("POST", "/queries/v1/abort-request", sessions.abortRequest())
                .route("POST", "/session/token-request", sessions.tokenRequest())
                .route("POST", "/session", sessions.session())
                .route("POST", "/session/heartbeat", sessions.heartbeat())
                .route("POST", "/telemetry/send", sessions.telemetry());
    }
}
