package dev.frostgate.testing;

import dev.frostgate.server.ServerConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server with a JDBC connection of the administrator, in one of two lifecycles:
 *
 * <ul>
 *   <li>{@code @RegisterExtension final TestServer running = new TestServer();} — a fresh server for
 *       every test. It starts before the test class's {@code @BeforeEach} methods and stops after its
 *       {@code @AfterEach} methods.
 *   <li>{@code @RegisterExtension static final TestServer running = TestServer.perClass();} — one server
 *       for the test class, with a new administrator session for every test and, after each test, the
 *       objects that test created dropped again (see {@link #cleanUp}), so every test starts from the
 *       objects the class started with. For tests that depend on nothing else of a fresh server: the
 *       login history, the credentials' history, grants made on the built-in roles and changes to
 *       account parameters are not undone (nor anything a test does on another server it starts).
 * </ul>
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** Object kinds a test may create: what SHOW lists them, in its {@code name} column, and how to drop one. */
    private static final Map<String, String> KINDS = kinds();
    private static final List<String> POLICY_KINDS = List.of("SHOW NETWORK POLICIES",
            "SHOW AUTHENTICATION POLICIES IN ACCOUNT", "SHOW PASSWORD POLICIES IN ACCOUNT",
            "SHOW SESSION POLICIES IN ACCOUNT");

    private final UnaryOperator<ServerConfig> customize;
    private final Clock clock;
    private final boolean perClass;
    private RunningServer server;
    private Connection admin;
    /** Per class: an administrator session of the extension's own, for the clean-up. */
    private Connection cleaner;
    private Map<String, Set<String>> startingObjects;

    public TestServer() {
        this(UnaryOperator.identity(), Clock.systemUTC());
    }

    public TestServer(UnaryOperator<ServerConfig> customize, Clock clock) {
        this(customize, clock, false);
    }

    private TestServer(UnaryOperator<ServerConfig> customize, Clock clock, boolean perClass) {
        this.customize = customize;
        this.clock = clock;
        this.perClass = perClass;
    }

    /** One server for the whole class, cleaned up after each test; register it in a static field. */
    public static TestServer perClass() {
        return perClass(UnaryOperator.identity(), Clock.systemUTC());
    }

    public static TestServer perClass(UnaryOperator<ServerConfig> customize, Clock clock) {
        return new TestServer(customize, clock, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (perClass) {
            startServer();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            startServer();
        } else if (server == null) {
            throw new ExtensionConfigurationException("TestServer.perClass() must be registered in a static field");
        }
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            try {
                admin.close();
            } finally {
                server.close();
            }
            return;
        }
        admin.close();
        List<String> leftovers;
        try {
            try {
                leftovers = cleanUp();
            } catch (SQLException sessionEnded) {
                // The test may have ended the clean-up's session (a session policy, a moved clock): once more in a new one.
                cleaner.close();
                cleaner = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
                leftovers = cleanUp();
            }
        } catch (SQLException | RuntimeException failure) {
            restart();
            throw new AssertionError("TestServer could not clean up after the test (the server was restarted for the "
                    + "next test): " + failure, failure);
        }
        if (!leftovers.isEmpty()) {
            restart();
            throw new AssertionError("TestServer could not put back what the test changed (the server was restarted "
                    + "for the next test): " + leftovers);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (perClass && server != null) {
            stopServer();
        }
    }

    public RunningServer server() {
        return server;
    }

    public Connection admin() {
        return admin;
    }

    private void startServer() throws Exception {
        server = RunningServer.start(customize, clock);
        if (perClass) {
            cleaner = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
            startingObjects = objects(cleaner);
        }
    }

    private void stopServer() throws Exception {
        try {
            cleaner.close();
        } finally {
            server.close();
            server = null;
        }
    }

    private void restart() throws Exception {
        stopServer();
        startServer();
    }

    /**
     * Undoes what a test did to the account's objects: when any policy exists, detaches the policies set
     * on the account or on ADMIN (an attachment needs a policy); then drops every user, integration, role,
     * policy, network rule and database that was not there when the class's server started (a user's
     * tokens, grants and attachments go with it). Returns what could not be put back, if anything: an
     * object the class started with that the test dropped.
     */
    private List<String> cleanUp() throws SQLException {
        Connection connection = cleaner;
        Map<String, Set<String>> now = objects(connection);
        if (POLICY_KINDS.stream().anyMatch(kind -> !now.get(kind).isEmpty())) {
            for (String attachment : List.of("NETWORK_POLICY", "AUTHENTICATION POLICY",
                    "AUTHENTICATION POLICY FOR ALL PERSON USERS", "AUTHENTICATION POLICY FOR ALL SERVICE USERS",
                    "PASSWORD POLICY", "SESSION POLICY")) {
                Sql.execute(connection, "ALTER ACCOUNT UNSET " + attachment);
            }
            Sql.execute(connection, "ALTER USER ADMIN UNSET NETWORK_POLICY",
                    "ALTER USER ADMIN UNSET AUTHENTICATION POLICY", "ALTER USER ADMIN UNSET PASSWORD POLICY",
                    "ALTER USER ADMIN UNSET SESSION POLICY");
        }
        List<String> leftovers = new ArrayList<>();
        for (Map.Entry<String, String> kind : KINDS.entrySet()) {
            for (String name : created(now, kind.getKey())) {
                Sql.execute(connection, kind.getValue() + " \"" + name.replace("\"", "\"\"") + "\"");
            }
            Set<String> missing = new TreeSet<>(startingObjects.get(kind.getKey()));
            missing.removeAll(now.get(kind.getKey()));
            if (!missing.isEmpty()) {
                leftovers.add(kind.getKey() + " no longer lists " + missing);
            }
        }
        return leftovers;
    }

    private Set<String> created(Map<String, Set<String>> now, String kind) {
        Set<String> created = new TreeSet<>(now.get(kind));
        created.removeAll(startingObjects.get(kind));
        return created;
    }

    private static Map<String, Set<String>> objects(Connection connection) throws SQLException {
        Map<String, Set<String>> objects = new LinkedHashMap<>();
        for (String show : KINDS.keySet()) {
            Set<String> names = new TreeSet<>();
            Sql.rows(connection, show).forEach(row -> names.add(row.get("name")));
            objects.put(show, names);
        }
        return objects;
    }

    /** In dropping order: users and integrations before the policies they may name, roles, then containers. */
    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("SHOW USERS", "DROP USER");
        kinds.put("SHOW SECURITY INTEGRATIONS", "DROP SECURITY INTEGRATION");
        kinds.put("SHOW ROLES", "DROP ROLE");
        kinds.put("SHOW NETWORK POLICIES", "DROP NETWORK POLICY");
        kinds.put("SHOW AUTHENTICATION POLICIES IN ACCOUNT", "DROP AUTHENTICATION POLICY");
        kinds.put("SHOW PASSWORD POLICIES IN ACCOUNT", "DROP PASSWORD POLICY");
        kinds.put("SHOW SESSION POLICIES IN ACCOUNT", "DROP SESSION POLICY");
        kinds.put("SHOW NETWORK RULES IN ACCOUNT", "DROP NETWORK RULE");
        kinds.put("SHOW DATABASES", "DROP DATABASE");
        return kinds;
    }
}
