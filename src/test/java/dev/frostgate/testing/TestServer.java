package dev.frostgate.testing;

import dev.frostgate.server.ServerConfig;
import java.sql.Connection;
import java.time.Clock;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh server for every test, with a JDBC connection of the administrator:
 * {@code @RegisterExtension final TestServer running = new TestServer();}. It starts before the
 * test class's {@code @BeforeEach} methods and stops after its {@code @AfterEach} methods.
 */
public final class TestServer implements BeforeEachCallback, AfterEachCallback {
    private final UnaryOperator<ServerConfig> customize;
    private final Clock clock;
    private RunningServer server;
    private Connection admin;

    public TestServer() {
        this(UnaryOperator.identity(), Clock.systemUTC());
    }

    public TestServer(UnaryOperator<ServerConfig> customize, Clock clock) {
        this.customize = customize;
        this.clock = clock;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = RunningServer.start(customize, clock);
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            admin.close();
        } finally {
            server.close();
        }
    }

    public RunningServer server() {
        return server;
    }

    public Connection admin() {
        return admin;
    }
}
