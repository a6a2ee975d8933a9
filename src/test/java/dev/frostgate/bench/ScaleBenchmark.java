package dev.frostgate.bench;

import static dev.frostgate.bench.BenchmarkReport.round;
import static dev.frostgate.bench.BenchmarkReport.shortCount;
import static dev.frostgate.bench.BenchmarkReport.trim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The scale benchmark: the same statements and logins against a store of {@code bench.scaleSmallUsers} (100) users
 * and one of {@code bench.scaleUsers} (100,000), each user granted a role, plus as many privilege grants
 * ({@link UserStoreFiller}), on one {@code frostgate serve} child restarted on the same data directory, each measure
 * as a ratio of the large store to the small one (goal ≥ 0.8 each):
 *
 * <ol>
 *   <li>(a) {@code SELECT 1} latency;</li>
 *   <li>(b) {@code SHOW GRANTS TO USER} latency, of the actor itself;</li>
 *   <li>(c) {@code SHOW USERS} latency;</li>
 *   <li>(d) programmatic access token login-request throughput.</li>
 * </ol>
 *
 * <p>The actor is a non-admin user whose role owns three users and holds no MONITOR or MANAGE GRANTS on the
 * account, so that SHOW USERS decides per user what it may see; its statements run one at a time in its own
 * session (a latency ratio is the small store's mean latency over the large one's: below 1 is slower with more
 * users) and its PAT logs in on {@code bench.clients} threads. A statement phase is {@link LoadPhase#runBounded
 * bounded}: it measures for the configured seconds but at least one whole statement, and a statement without an
 * answer after {@code bench.scaleStatementTimeoutSeconds} (120) ends it: the ratio is then reported as an upper
 * bound (that timeout over the small store's latency) and missed. SHOW USERS comes last on each store because a
 * timed-out statement goes on running in the server until it is stopped.
 *
 * <p>The server is stopped before each store, the filler rows go straight into its H2 file, and it is restarted on
 * the same data directory: both stores pay the same restart and warm-up. Run it with {@code bench/run scale};
 * exit status as the foundation benchmark's.
 */
public final class ScaleBenchmark {
    private static final double RATIO_GOAL = 0.8;
    private static final String OWNER_ROLE = "BENCH_SCALE_OWNER";
    private static final String ACTOR = "BENCH_SCALE_ACTOR";
    private static final List<String> OWNED = List.of("BENCH_SCALE_OWNED_1", "BENCH_SCALE_OWNED_2",
            "BENCH_SCALE_OWNED_3");
    /** What SHOW USERS shows the actor, in its order (by name): itself and the users its role owns. */
    private static final List<String> VISIBLE = Stream.concat(Stream.of(ACTOR), OWNED.stream()).sorted().toList();
    /** ADMIN, the actor and the users it owns: the store's users before any filler. */
    private static final int REAL_USERS = 2 + OWNED.size();
    private static final String TOKEN_NAME = "BENCH_TOKEN";
    private static final byte[] SELECT_ONE = FrostgateClient.queryBody("SELECT 1");
    private static final byte[] SHOW_GRANTS = FrostgateClient.queryBody("SHOW GRANTS TO USER " + ACTOR);
    private static final byte[] SHOW_USERS = FrostgateClient.queryBody("SHOW USERS");

    private final BenchmarkSettings settings;
    private final RequestErrors errors = new RequestErrors();
    private final LoadPhase phases;
    private final String password = "Bench-" + UUID.randomUUID() + "-Pw1!";
    private final String actorPassword = "Bench-" + UUID.randomUUID() + "-Pw2!";
    private FrostgateClient client;
    private ServerProcess server;

    private ScaleBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.phases = new LoadPhase(settings.warmupSeconds(), settings.measureSeconds(), errors);
    }

    public static void main(String[] arguments) {
        BenchmarkReport.exitWith(() -> new ScaleBenchmark(BenchmarkSettings.fromSystemProperties()).run());
    }

    /** One store's measures, and what it took to get there. */
    private record StoreResult(int users, double insertSeconds, double restartSeconds, PhaseResult selectOne,
                               PhaseResult showGrants, PhaseResult patLogins, PhaseResult showUsers) {}

    private int run() throws Exception {
        if (settings.scaleSmallUsers() < REAL_USERS) {
            throw new BenchmarkAborted("bench.scaleSmallUsers must be at least " + REAL_USERS + " (the benchmark's "
                    + "own users; got " + settings.scaleSmallUsers() + ")");
        }
        server = ServerProcess.inFreshDirectory(settings, password);
        client = new FrostgateClient(server.base(), password);

        System.out.printf(Locale.ROOT, "Frostgate scale benchmark: %,d and %,d users, each granted a role, plus as "
                + "many privilege grants%n", settings.scaleSmallUsers(), settings.scaleUsers());
        System.out.printf(Locale.ROOT, "  server:  %s%n", String.join(" ", server.command()));
        System.out.printf(Locale.ROOT, "           (FROSTGATE_ADMIN_PASSWORD set; Java %s; %d CPUs; log %s)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), server.log());
        System.out.printf(Locale.ROOT, "  actor:   %s, not an administrator: its role %s owns %d users; no "
                + "account-wide MONITOR or MANAGE GRANTS%n", ACTOR, OWNER_ROLE, OWNED.size());
        System.out.printf(Locale.ROOT, "  phases:  %s s warm-up + %s s measured each; statements one at a time in the "
                        + "actor's session, at least one per window, each within %s s; its PAT logins on %d HTTP "
                        + "client threads%n", trim(settings.warmupSeconds()), trim(settings.measureSeconds()),
                trim(settings.scaleStatementTimeoutSeconds()), settings.clients());
        System.out.println();

        boolean keepLog = true;
        try {
            double startupSeconds = server.startFor(client, settings.startupTimeoutSeconds());
            System.out.printf(Locale.ROOT, "start-up: first successful login %.3f s after process start (pid %d)%n",
                    startupSeconds, server.handle().pid());
            String admin = client.passwordLogin();
            // Tokens need a network policy; no authentication policy allows every method.
            client.allowTokens(admin);
            byte[] tokenLogin = FrostgateClient.tokenLoginBody("PROGRAMMATIC_ACCESS_TOKEN", ACTOR, setUpActor(admin));
            byte[] actorLogin = FrostgateClient.passwordLoginBody(ACTOR, actorPassword);
            warmUpBenchJvm(actorLogin, tokenLogin);
            System.out.println();
            System.out.println(PhaseResult.HEADER);

            UserStoreFiller filler = new UserStoreFiller(server.dataDirectory(), REAL_USERS);
            StoreResult small = measureStore(filler, settings.scaleSmallUsers(), actorLogin, tokenLogin);
            StoreResult large = measureStore(filler, settings.scaleUsers(), actorLogin, tokenLogin);
            System.out.println();

            String sizes = shortCount(small.users()) + " / " + shortCount(large.users());
            List<Goal> goals = List.of(
                    latencyGoal("a", "scaleSelectOneRatio", "SELECT 1 latency, " + sizes + " users",
                            small.selectOne(), large.selectOne()),
                    latencyGoal("b", "scaleShowGrantsToUserRatio", "SHOW GRANTS TO USER latency, " + sizes,
                            small.showGrants(), large.showGrants()),
                    latencyGoal("c", "scaleShowUsersRatio", "SHOW USERS (non-admin) latency, " + sizes,
                            small.showUsers(), large.showUsers()),
                    Goal.atLeast("d", "scalePatLoginRatio", "PAT login-request/s, " + shortCount(large.users())
                                    + " / " + shortCount(small.users()) + " users",
                            large.patLogins().rate() / small.patLogins().rate(), RATIO_GOAL));
            BenchmarkReport.printGoals(goals);
            System.out.printf(Locale.ROOT, "      (latency ratios: %s-user mean / %s-user mean, below 1 is slower "
                    + "with more users)%n", shortCount(small.users()), shortCount(large.users()));
            for (StoreResult store : List.of(small, large)) {
                for (PhaseResult phase : List.of(store.selectOne(), store.showGrants(), store.showUsers())) {
                    if (phase.timedOut()) {
                        System.out.printf(Locale.ROOT, "      (%s: no answer within %s s, so its ratio is an upper "
                                + "bound)%n", phase.name(), trim(settings.scaleStatementTimeoutSeconds()));
                    }
                }
            }
            boolean valid = BenchmarkReport.printErrors(errors);

            Map<String, Object> summary = BenchmarkReport.summary(valid, goals, errors);
            goals.forEach(goal -> summary.put(goal.key(), Double.isNaN(goal.value()) ? null : round(goal.value(), 4)));
            summary.put("scaleShowUsersTimedOut", large.showUsers().timedOut() || small.showUsers().timedOut());
            summary.put("startupSeconds", round(startupSeconds, 3));
            summary.put("smallStore", storeSummary(small));
            summary.put("largeStore", storeSummary(large));
            UserStoreFiller.Rows rows = filler.inserted();
            Map<String, Object> filled = new LinkedHashMap<>();
            filled.put("users", rows.users());
            filled.put("roles", rows.roles());
            filled.put("roleGrants", rows.roleGrants());
            filled.put("privilegeGrants", rows.privilegeGrants());
            summary.put("fillerRows", filled);
            summary.put("userInsertSeconds", round(filler.insertSeconds(), 1));
            summary.put("statementTimeoutSeconds", settings.scaleStatementTimeoutSeconds());
            keepLog = !valid;
            return BenchmarkReport.printSummary(summary, goals, settings);
        } finally {
            server.discard(keepLog);
        }
    }

    /**
     * The actor and its role, the users the role owns, and the actor's PAT (restricted to that role, as Snowflake
     * asks of PERSON users' tokens); the token's secret.
     */
    private String setUpActor(String admin) throws Exception {
        List<String> statements = new ArrayList<>(List.of("CREATE ROLE " + OWNER_ROLE,
                "CREATE USER " + ACTOR + " PASSWORD = '" + actorPassword + "' DEFAULT_ROLE = " + OWNER_ROLE,
                "GRANT ROLE " + OWNER_ROLE + " TO USER " + ACTOR));
        for (String owned : OWNED) {
            statements.add("CREATE USER " + owned);
            statements.add("GRANT OWNERSHIP ON USER " + owned + " TO ROLE " + OWNER_ROLE);
        }
        for (String sql : statements) {
            client.execute(admin, sql);
        }
        return client.addProgrammaticAccessTokenWith(admin, "ALTER USER " + ACTOR + " ADD PAT " + TOKEN_NAME
                + " ROLE_RESTRICTION = '" + OWNER_ROLE + "'");
    }

    /**
     * Sends each measured request for {@code bench.warmupSeconds}, unmeasured, to the server before its first fill:
     * meanwhile the bench JVM compiles its own HTTP and JSON code, on the cores the server runs on, which the
     * small store's phases would otherwise pay for (its SELECT 1 came out about twice as slow as the large
     * store's). A failure ends the run.
     */
    private void warmUpBenchJvm(byte[] actorLogin, byte[] tokenLogin) throws Exception {
        String session = client.login(actorLogin);
        double timeout = settings.scaleStatementTimeoutSeconds();
        List<LoadPhase.Operation> requests = List.of(
                worker -> expectOne(client.query(session, SELECT_ONE, timeout)),
                worker -> expectActorGrants(client.query(session, SHOW_GRANTS, timeout)),
                worker -> client.login(tokenLogin),
                worker -> expectVisibleUsers(client.query(session, SHOW_USERS, timeout)));
        for (LoadPhase.Operation request : requests) {
            long end = System.nanoTime() + (long) (settings.warmupSeconds() * 1e9);
            do {
                request.run(0);
            } while (System.nanoTime() < end);
        }
        System.out.printf(Locale.ROOT, "bench JVM warmed up: each measured request for %s s, unmeasured%n",
                trim(settings.warmupSeconds()));
    }

    /**
     * Stops the server, fills the store up to {@code users} users (the real ones included), starts it again on the
     * same data directory, logs the actor in and measures: SELECT 1, SHOW GRANTS TO USER, PAT logins, SHOW USERS.
     */
    private StoreResult measureStore(UserStoreFiller filler, int users, byte[] actorLogin, byte[] tokenLogin)
            throws Exception {
        server.stop();
        double insertSeconds = filler.fillTo(users);
        server.start();
        double restartSeconds = server.awaitFirstLogin(client, settings.startupTimeoutSeconds());
        System.out.printf(Locale.ROOT, "  (store now %,d users; filler rows so far: %s; this fill inserted in %.1f s; "
                + "restarted, first login after %.3f s)%n", users, filler.inserted(), insertSeconds, restartSeconds);
        String session = client.login(actorLogin);
        double timeout = settings.scaleStatementTimeoutSeconds();
        String size = ", " + shortCount(users) + " users";
        PhaseResult selectOne = phases.runBounded("SELECT 1" + size, 1, server.handle(),
                worker -> expectOne(client.query(session, SELECT_ONE, timeout)));
        PhaseResult showGrants = phases.runBounded("SHOW GRANTS TO USER" + size, 1, server.handle(),
                worker -> expectActorGrants(client.query(session, SHOW_GRANTS, timeout)));
        PhaseResult patLogins = phases.run("login-request (PAT)" + size, settings.clients(), server.handle(),
                worker -> client.login(tokenLogin));
        // Last: a SHOW USERS that outlasts its timeout keeps running in the server, which the next store restarts.
        PhaseResult showUsers = phases.runBounded("SHOW USERS" + size, 1, server.handle(),
                worker -> expectVisibleUsers(client.query(session, SHOW_USERS, timeout)));
        return new StoreResult(users, insertSeconds, restartSeconds, selectOne, showGrants, patLogins, showUsers);
    }

    /**
     * "small latency / large latency" with goal ≥ 0.8; when the large store's phase timed out, at most the small
     * latency over the timeout.
     */
    private Goal latencyGoal(String label, String key, String name, PhaseResult small, PhaseResult large) {
        if (large.timedOut() && large.operations() == 0) {
            return Goal.atLeastWithUpperBound(label, key, name,
                    small.meanMillis() / (settings.scaleStatementTimeoutSeconds() * 1000), RATIO_GOAL);
        }
        return Goal.atLeast(label, key, name, small.meanMillis() / large.meanMillis(), RATIO_GOAL);
    }

    private static Map<String, Object> storeSummary(StoreResult store) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("users", store.users());
        summary.put("insertSeconds", round(store.insertSeconds(), 1));
        summary.put("restartSeconds", round(store.restartSeconds(), 3));
        summary.put("selectOneMillis", millis(store.selectOne()));
        summary.put("showGrantsToUserMillis", millis(store.showGrants()));
        summary.put("showUsersMillis", millis(store.showUsers()));
        summary.put("showUsersTimedOut", store.showUsers().timedOut());
        summary.put("patLoginPerSecond", round(store.patLogins().rate(), 1));
        return summary;
    }

    /** A phase's mean latency in ms; null when no statement completed in its window. */
    private static Double millis(PhaseResult phase) {
        return Double.isNaN(phase.meanMillis()) ? null : round(phase.meanMillis(), 3);
    }

    private static void expectOne(JsonNode data) throws RequestFailed {
        if (!"1".equals(data.path("rowset").path(0).path(0).asText(null))) {
            throw new RequestFailed("SELECT 1 unexpected result", data.path("rowset").toString());
        }
    }

    /** The actor's one role grant (PUBLIC is implicit, not listed). */
    private static void expectActorGrants(JsonNode data) throws RequestFailed {
        JsonNode rows = data.path("rowset");
        if (rows.size() != 1 || !OWNER_ROLE.equals(rows.path(0).path(1).asText(null))) {
            throw new RequestFailed("SHOW GRANTS TO USER unexpected result", abbreviate(rows));
        }
    }

    /** Exactly the actor and the users its role owns: none of the filler users. */
    private static void expectVisibleUsers(JsonNode data) throws RequestFailed {
        List<String> names = new ArrayList<>();
        data.path("rowset").forEach(row -> names.add(row.path(0).asText()));
        if (!names.equals(VISIBLE)) {
            throw new RequestFailed("SHOW USERS unexpected users", abbreviate(data.path("rowset")));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
