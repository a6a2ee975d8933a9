package dev.frostgate.bench;

import static dev.frostgate.bench.BenchmarkReport.round;
import static dev.frostgate.bench.BenchmarkReport.shortCount;
import static dev.frostgate.bench.BenchmarkReport.trim;

import dev.frostgate.crypto.PasswordHasher;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The foundation benchmark: one run against one {@code frostgate serve} child process (restarted on
 * the same data directory for phase g), printing its goals.
 *
 * <ol>
 *   <li>(a) {@code SELECT 1} query-request throughput with a session token, as a ratio to the
 *       {@code GET /healthz} throughput of the same server (goal ≥ 0.5);</li>
 *   <li>(b) password login-request throughput as a ratio to the raw Argon2id verification rate at the
 *       same parameters ({@link PasswordHasher#OWASP}), measured in this JVM with the same number of
 *       threads as the logins (goal ≥ 0.8);</li>
 *   <li>(c) the child's peak RSS (VmHWM, read after the phases a and b; goal &lt; 250 MB) and its start-up
 *       time from process start to the first successful login (goal &lt; 2 s);</li>
 *   <li>(d) password logins with a 10,000-entry network policy and an authentication policy attached, as
 *       a ratio to (b)'s logins (goal ≥ 0.9);</li>
 *   <li>(e) programmatic access token login-request throughput (reported, with its ratio to /healthz;
 *       valid when it had no errors);</li>
 *   <li>(f) SQL API {@code SELECT 1} throughput with a PAT bearer, as a ratio to /healthz (goal ≥ 0.5);</li>
 *   <li>(g) PAT logins with {@code bench.tokens} tokens in the store, as a ratio to the same with 1,000
 *       (goal ≥ 0.8); filler rows go straight into the stopped server's H2 file, then it restarts.</li>
 * </ol>
 *
 * <p>Not a unit test: run it with {@code bench/run}, whose header lists the settings
 * ({@link BenchmarkSettings}). Exit status: 0 when the measurement is valid and every goal is met, 1
 * when a goal is missed, 2 when the run is not a valid measurement (any request failed) or could not
 * be carried out.
 */
public final class FoundationBenchmark {
    private static final double QUERY_RATIO_GOAL = 0.5;
    private static final double LOGIN_RATIO_GOAL = 0.8;
    private static final double POLICY_RATIO_GOAL = 0.9;
    private static final double SQL_API_RATIO_GOAL = 0.5;
    private static final double TOKEN_STORE_RATIO_GOAL = 0.8;
    private static final int POLICY_ENTRIES = 10_000;
    private static final double RSS_GOAL_MB = 250;
    private static final double STARTUP_GOAL_SECONDS = 2;
    private static final String TOKEN_NAME = "BENCH_TOKEN";

    private final BenchmarkSettings settings;
    private final RequestErrors errors = new RequestErrors();
    private final LoadPhase phases;
    private final String password = "Bench-" + UUID.randomUUID() + "-Pw1!";
    private FrostgateClient client;
    private ServerProcess server;

    private FoundationBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.phases = new LoadPhase(settings.warmupSeconds(), settings.measureSeconds(), errors);
    }

    public static void main(String[] arguments) {
        BenchmarkReport.exitWith(() -> new FoundationBenchmark(BenchmarkSettings.fromSystemProperties()).run());
    }

    private int run() throws Exception {
        server = ServerProcess.inFreshDirectory(settings, password);
        client = new FrostgateClient(server.base(), password);

        System.out.println("Frostgate foundation benchmark");
        System.out.printf(Locale.ROOT, "  server:  %s%n", String.join(" ", server.command()));
        System.out.printf(Locale.ROOT, "           (FROSTGATE_ADMIN_PASSWORD set; Java %s; %d CPUs; log %s)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), server.log());
        System.out.printf(Locale.ROOT, "  phases:  %s s warm-up + %s s measured each; %d HTTP client threads "
                        + "(/healthz, query, PAT logins, SQL API); %d threads for password logins and for raw "
                        + "Argon2id; %,d tokens for (g)%n",
                trim(settings.warmupSeconds()), trim(settings.measureSeconds()), settings.clients(),
                settings.loginThreads(), settings.tokens());
        System.out.println();

        boolean keepLog = true;
        try {
            double startupSeconds = server.startFor(client, settings.startupTimeoutSeconds());
            System.out.printf(Locale.ROOT, "start-up: first successful login %.3f s after process start (pid %d)%n%n",
                    startupSeconds, server.handle().pid());
            System.out.println(PhaseResult.HEADER);

            PhaseResult healthz = measure("GET /healthz", settings.clients(), worker -> client.healthz());

            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                sessions.add(client.passwordLogin());
            }
            PhaseResult query = measure("query-request SELECT 1", settings.clients(),
                    worker -> client.selectOne(sessions.get(worker)));

            PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP, new SecureRandom());
            String storedHash = hasher.hash(password);
            PhaseResult argon2 = measure("Argon2id verify (bench JVM)", settings.loginThreads(), worker -> {
                if (!hasher.verify(password, storedHash)) {
                    throw new RequestFailed("argon2", "verify returned false");
                }
            });
            PhaseResult logins = measure("login-request (password)", settings.loginThreads(),
                    worker -> client.passwordLogin());

            Map<String, Long> memory = server.memory();

            // Issue 3: the same logins with a 10,000-entry network policy and an authentication
            // policy attached to the account (evaluation must not scan the list per login).
            attachLargePolicies(sessions.get(0));
            PhaseResult policyLogins = measure("login-request with policies", settings.loginThreads(),
                    worker -> client.passwordLogin());

            // Issue 4: tokens need a network policy (NETWORK_POLICY_EVALUATION = ENFORCED_REQUIRED) and
            // an authentication policy that allows them, which (d)'s does not.
            client.allowTokens(sessions.get(0));
            String secret = client.addProgrammaticAccessToken(sessions.get(0), TOKEN_NAME);
            byte[] tokenLogin = FrostgateClient.tokenLoginBody(secret);
            PhaseResult tokenLogins = measure("login-request (PAT)", settings.clients(),
                    worker -> client.login(tokenLogin));
            PhaseResult sqlApi = measure("SQL API SELECT 1 (PAT bearer)", settings.clients(),
                    worker -> client.sqlApiSelectOne(secret));

            // (g): both stores pay the same stop, insert, restart and warm-up. The real token is one of them.
            TokenStoreFiller filler = new TokenStoreFiller(server.dataDirectory(), 1);
            PhaseResult fewTokens = measureWithTokens(filler, BenchmarkSettings.FEW_TOKENS, tokenLogin);
            PhaseResult manyTokens = measureWithTokens(filler, settings.tokens(), tokenLogin);
            System.out.println();

            double queryRatio = query.rate() / healthz.rate();
            double loginRatio = logins.rate() / argon2.rate();
            double policyRatio = policyLogins.rate() / logins.rate();
            double tokenLoginRatio = tokenLogins.rate() / healthz.rate();
            double sqlApiRatio = sqlApi.rate() / healthz.rate();
            double tokenStoreRatio = manyTokens.rate() / fewTokens.rate();
            double peakRssMb = memory.getOrDefault("VmHWM", -1L) / 1024.0;
            double rssNowMb = memory.getOrDefault("VmRSS", -1L) / 1024.0;

            List<Goal> goals = List.of(
                    Goal.atLeast("a", "queryToHealthzRatio", "query-request / healthz throughput", queryRatio,
                            QUERY_RATIO_GOAL),
                    Goal.atLeast("b", "loginToArgon2Ratio", "login-request / raw Argon2id throughput", loginRatio,
                            LOGIN_RATIO_GOAL),
                    Goal.below("c", "peakRssMb", "peak RSS (VmHWM after the load phases)", peakRssMb, RSS_GOAL_MB,
                            "%.1f MB", "%.0f MB"),
                    Goal.below("c", "startupSeconds", "start-up to first successful login", startupSeconds,
                            STARTUP_GOAL_SECONDS, "%.3f s", "%.0f s"),
                    Goal.atLeast("d", "policyLoginRatio", "logins with 10k-entry policies / without", policyRatio,
                            POLICY_RATIO_GOAL),
                    Goal.validPhase("e", "patLoginPerSecond", String.format(Locale.ROOT,
                            "PAT login-request/s (%.3f of healthz)", tokenLoginRatio), tokenLogins),
                    Goal.atLeast("f", "sqlApiToHealthzRatio", "SQL API SELECT 1 (PAT) / healthz", sqlApiRatio,
                            SQL_API_RATIO_GOAL),
                    Goal.atLeast("g", "patLoginMillionToThousandRatio", String.format(Locale.ROOT,
                            "PAT logins, %s / 1k tokens in store", shortCount(settings.tokens())), tokenStoreRatio,
                            TOKEN_STORE_RATIO_GOAL));
            BenchmarkReport.printGoals(goals);
            System.out.printf(Locale.ROOT, "      (current RSS %.1f MB)%n", rssNowMb);
            boolean valid = BenchmarkReport.printErrors(errors);

            Map<String, Object> summary = BenchmarkReport.summary(valid, goals, errors);
            summary.put("queryToHealthzRatio", round(queryRatio, 4));
            summary.put("loginToArgon2Ratio", round(loginRatio, 4));
            summary.put("peakRssMb", round(peakRssMb, 1));
            summary.put("startupSeconds", round(startupSeconds, 3));
            summary.put("healthzPerSecond", round(healthz.rate(), 1));
            summary.put("queryPerSecond", round(query.rate(), 1));
            summary.put("argon2PerSecond", round(argon2.rate(), 2));
            summary.put("loginPerSecond", round(logins.rate(), 2));
            summary.put("policyLoginRatio", round(policyRatio, 4));
            summary.put("patLoginPerSecond", round(tokenLogins.rate(), 1));
            summary.put("patLoginToHealthzRatio", round(tokenLoginRatio, 4));
            summary.put("sqlApiPerSecond", round(sqlApi.rate(), 1));
            summary.put("sqlApiToHealthzRatio", round(sqlApiRatio, 4));
            summary.put("patLoginThousandTokensPerSecond", round(fewTokens.rate(), 1));
            summary.put("patLoginManyTokensPerSecond", round(manyTokens.rate(), 1));
            summary.put("patLoginMillionToThousandRatio", round(tokenStoreRatio, 4));
            summary.put("tokens", settings.tokens());
            summary.put("tokenInsertSeconds", round(filler.insertSeconds(), 1));
            keepLog = !valid;
            return BenchmarkReport.printSummary(summary, goals, settings);
        } finally {
            server.discard(keepLog);
        }
    }

    private PhaseResult measure(String name, int threads, LoadPhase.Operation operation) throws Exception {
        return phases.run(name, threads, server.handle(), operation);
    }

    /**
     * Stops the server, fills the token store up to {@code total} tokens (the real one included),
     * starts it again on the same data directory and measures PAT logins.
     */
    private PhaseResult measureWithTokens(TokenStoreFiller filler, int total, byte[] tokenLogin) throws Exception {
        server.stop();
        double insertSeconds = filler.fillTo(total);
        server.start();
        double restartSeconds = server.awaitFirstLogin(client, settings.startupTimeoutSeconds());
        System.out.printf(Locale.ROOT, "  (store now %,d tokens: rows inserted in %.1f s; restarted, first login "
                + "after %.3f s)%n", total, insertSeconds, restartSeconds);
        return measure("login-request (PAT), " + shortCount(total) + " tok", settings.clients(),
                worker -> client.login(tokenLogin));
    }

    /** A network policy allowing 10,000 addresses (the client's among them) and an authentication policy. */
    private void attachLargePolicies(String session) throws Exception {
        StringBuilder entries = new StringBuilder("'127.0.0.1'");
        for (int index = 1; index < POLICY_ENTRIES; index++) {
            entries.append(", '10.").append(index / 65_536 % 256).append('.').append(index / 256 % 256).append('.')
                    .append(index % 256).append("'");
        }
        for (String sql : List.of("CREATE OR REPLACE NETWORK POLICY bench_policy ALLOWED_IP_LIST = (" + entries + ")",
                "CREATE OR REPLACE AUTHENTICATION POLICY bench_authentication AUTHENTICATION_METHODS = ('PASSWORD') "
                        + "CLIENT_TYPES = ('DRIVERS')",
                "ALTER ACCOUNT SET NETWORK_POLICY = bench_policy",
                "ALTER ACCOUNT SET AUTHENTICATION POLICY bench_authentication")) {
            client.execute(session, sql);
        }
    }

}
