package dev.frostgate.testing;

import java.sql.Connection;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Frostgate server and one identity provider for a test class, with the administrator's JDBC connection:
 * {@code @RegisterExtension static final OAuthTestEnvironment oauth = new OAuthTestEnvironment();}. They start
 * before the class's {@code @BeforeAll} methods (which create the integrations and users) and stop after its
 * {@code @AfterAll} methods.
 */
public final class OAuthTestEnvironment implements BeforeAllCallback, AfterAllCallback {
    private OAuthIdentityProvider idp;
    private RunningServer server;
    private Connection admin;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        idp = OAuthIdentityProvider.start();
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try (OAuthIdentityProvider provider = idp; RunningServer running = server; Connection connection = admin) {
            // closed in reverse order: the connection, the server, then the identity provider
        }
    }

    public OAuthIdentityProvider idp() {
        return idp;
    }

    public RunningServer server() {
        return server;
    }

    public Connection admin() {
        return admin;
    }
}
