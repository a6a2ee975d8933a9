package dev.frostgate.testing;

import dev.frostgate.auth.ChallengeStage;
import dev.frostgate.auth.LoginOutcome;
import dev.frostgate.auth.LoginRequest;
import dev.frostgate.auth.Session;
import dev.frostgate.core.Core;
import dev.frostgate.core.CoreAssembly;
import dev.frostgate.core.CoreSettings;
import dev.frostgate.exec.Column;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.policy.HostAllowList;
import dev.frostgate.store.Database;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real core ({@link CoreAssembly#build}) on an in-memory H2 store, without Jetty, drivers or HTTP: for rule
 * tests of the login stages and the catalogs. Time is a {@link MutableClock} the test moves. Statements run as
 * ADMIN through the executor, as a door would run them. One fixture per test class ({@code @BeforeAll}), closed
 * with it; tests keep apart by their own object names.
 */
public final class CoreFixture implements AutoCloseable {
    public static final String ACCOUNT = "FROSTGATE";
    public static final String ADMIN_PASSWORD = "Core-Fixture-Admin-1";
    /** Where the fixture's own requests come from, unless a test says otherwise. */
    public static final String DEFAULT_ADDRESS = "10.0.0.1";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Database database;
    private final boolean ownsDatabase;
    private final Core core;
    private final MutableClock clock;
    private final Session admin;

    private CoreFixture(Database database, boolean ownsDatabase, Core core, MutableClock clock) {
        this.database = database;
        this.ownsDatabase = ownsDatabase;
        this.core = core;
        this.clock = clock;
        this.admin = admitted(login(password(Core.ADMIN_USER, ADMIN_PASSWORD))).issued().session();
    }

    /** The core as the server builds it. */
    public static CoreFixture start() {
        return start(List.of());
    }

    /** The core with these challenge stages in its login flow. */
    public static CoreFixture start(List<ChallengeStage> challengeStages) {
        Database database = Database.open(new Database.Settings(
                Optional.of("jdbc:h2:mem:core-fixture-" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1"),
                Optional.empty(), Optional.empty(), Path.of(System.getProperty("java.io.tmpdir")), 4));
        return build(database, true, challengeStages);
    }

    /**
     * The core on a store the caller opened and closes (an empty one: the core bootstraps ADMIN in it), for
     * tests of what the catalogs make of each backend.
     */
    public static CoreFixture on(Database database) {
        return build(database, false, List.of());
    }

    private static CoreFixture build(Database database, boolean ownsDatabase, List<ChallengeStage> challengeStages) {
        SecureRandom random = new SecureRandom();
        byte[] serverKey = new byte[32];
        random.nextBytes(serverKey);
        MutableClock clock = MutableClock.startingNow();
        CoreSettings settings = new CoreSettings(ACCOUNT, Optional.of(Base64.getEncoder().encodeToString(serverKey)),
                Path.of(System.getProperty("java.io.tmpdir")), Optional.of(ADMIN_PASSWORD), 4,
                HostAllowList.EVERY_HOST);
        Core core = CoreAssembly.build(database, settings, clock, random,
                new PrintStream(OutputStream.nullOutputStream()), challengeStages);
        return new CoreFixture(database, ownsDatabase, core, clock);
    }

    public Core core() {
        return core;
    }

    public MutableClock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Runs statements as ADMIN (ACCOUNTADMIN); the last one's result. */
    public ResultTable sql(String... statements) {
        ResultTable result = null;
        SessionContext context = new SessionContext(admin);
        for (String statement : statements) {
            result = core.statements().execute(context, statement);
        }
        return result;
    }

    /** A session of the user, by password login; statements then run in it with {@link #sql(SessionContext, String...)}. */
    public SessionContext sessionOf(String loginName, String password) {
        return new SessionContext(admitted(login(password(loginName, password))).issued().session());
    }

    /** Runs statements in the given session (USE ROLE carries on to the next); the last one's result. */
    public ResultTable sql(SessionContext context, String... statements) {
        ResultTable result = null;
        for (String statement : statements) {
            result = core.statements().execute(context, statement);
        }
        return result;
    }

    /** A query's rows as column name → value. */
    public List<Map<String, Object>> rows(String query) {
        ResultTable table = sql(query);
        List<String> names = table.columns().stream().map(Column::name).toList();
        return table.rows().stream().map(row -> {
            Map<String, Object> named = new LinkedHashMap<>();
            for (int index = 0; index < names.size(); index++) {
                named.put(names.get(index), row.get(index));
            }
            return named;
        }).toList();
    }

    /** The login history of one user (as LOGIN_HISTORY names it: upper case), as IS_SUCCESS/ERROR_MESSAGE pairs. */
    public List<String> loginHistory(String userName) {
        return rows("SELECT is_success, error_message FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = '"
                + userName.toUpperCase(Locale.ROOT) + "' ORDER BY event_id").stream()
                .map(row -> row.get("IS_SUCCESS") + (row.get("ERROR_MESSAGE") == null ? "" : " " + row.get("ERROR_MESSAGE")))
                .toList();
    }

    public LoginOutcome login(LoginRequest request) {
        return core.logins().login(request);
    }

    /** The outcome, which must be an admission. */
    public static LoginOutcome.Admitted admitted(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.Admitted admitted) {
            return admitted;
        }
        throw new AssertionError("expected the login to be admitted, but it was " + describe(outcome));
    }

    /** The outcome, which must be a refusal: the failure as the client sees it. */
    public static LoginOutcome.Refused refused(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.Refused refused) {
            return refused;
        }
        throw new AssertionError("expected the login to be refused, but it was " + describe(outcome));
    }

    /** The outcome, which must be a challenge. */
    public static LoginOutcome.Challenged challenged(LoginOutcome outcome) {
        if (outcome instanceof LoginOutcome.Challenged challenged) {
            return challenged;
        }
        throw new AssertionError("expected the login to be challenged, but it was " + describe(outcome));
    }

    private static String describe(LoginOutcome outcome) {
        return switch (outcome) {
            case LoginOutcome.Refused refused -> "refused with " + refused.failure().errorCode().code() + " "
                    + refused.failure().getMessage();
            case LoginOutcome.Admitted admitted -> "admitted as " + admitted.issued().session().primaryRole();
            case LoginOutcome.Challenged challenged -> "challenged: " + challenged.challenge();
        };
    }

    public static LoginRequest password(String loginName, String password) {
        return login(loginName).password(password).request();
    }

    /** A driver login (JDBC 3.28.0 from {@link #DEFAULT_ADDRESS} unless changed), built field by field. */
    public static Login login(String loginName) {
        return new Login(Optional.ofNullable(loginName));
    }

    /** The fields of a login request as a driver fills them. */
    public static final class Login {
        private final Optional<String> loginName;
        private Optional<String> authenticator = Optional.empty();
        private Optional<String> password = Optional.empty();
        private Optional<String> token = Optional.empty();
        private Optional<String> role = Optional.empty();
        private String address = DEFAULT_ADDRESS;
        private String applicationId = "JDBC";

        private Login(Optional<String> loginName) {
            this.loginName = loginName;
        }

        public Login password(String value) {
            password = Optional.of(value);
            return this;
        }

        /** AUTHENTICATOR and TOKEN (SNOWFLAKE_JWT, PROGRAMMATIC_ACCESS_TOKEN, OAUTH). */
        public Login token(String authenticatorName, String value) {
            authenticator = Optional.of(authenticatorName);
            token = Optional.of(value);
            return this;
        }

        public Login role(String value) {
            role = Optional.of(value);
            return this;
        }

        public Login from(String clientAddress) {
            address = clientAddress;
            return this;
        }

        /** CLIENT_APP_ID, which decides the client type (JDBC, JAVASCRIPT, SNOWSQL, …). */
        public Login application(String id) {
            applicationId = id;
            return this;
        }

        public LoginRequest request() {
            return new LoginRequest(ACCOUNT, loginName, authenticator, password, token, role, client(address,
                    applicationId), Optional.empty(), Session.Context.NONE);
        }
    }

    public static LoginRequest.ClientInfo client(String address) {
        return client(address, "JDBC");
    }

    private static LoginRequest.ClientInfo client(String address, String applicationId) {
        return new LoginRequest.ClientInfo(address, Optional.of(applicationId), Optional.of("3.28.0"));
    }

    @Override
    public void close() {
        core.close();
        if (!ownsDatabase) {
            return;
        }
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // The database is dropped with the pool either way; SHUTDOWN only frees it sooner.
        } finally {
            database.close();
        }
    }
}
