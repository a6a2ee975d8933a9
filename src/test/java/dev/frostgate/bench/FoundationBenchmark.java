package dev.frostgate.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.crypto.PasswordHasher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The foundation benchmark: one run against one {@code frostgate serve} child process, printing its goals.
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
 *       a ratio to (b)'s logins (goal ≥ 0.9).</li>
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
    private static final int POLICY_ENTRIES = 10_000;
    private static final double RSS_GOAL_MB = 250;
    private static final double STARTUP_GOAL_SECONDS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        // Jetty closes a connection idle for 30 s, the JDK client keeps one for 30 s: a request sent on
        // a connection the server is closing fails. The client lets go of idle connections first.
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "10");
        }
        int status;
        try {
            status = new FoundationBenchmark(BenchmarkSettings.fromSystemProperties()).run();
        } catch (BenchmarkAborted aborted) {
            status = aborted(aborted.getMessage(), null);
        } catch (Exception failure) {
            status = aborted(failure.toString(), failure);
        }
        System.exit(status);
    }

    private static int aborted(String message, Exception failure) {
        System.out.println();
        System.out.println("ABORTED: " + message);
        if (failure != null) {
            failure.printStackTrace(System.out);
        }
        System.out.println("BENCH-SUMMARY {\"valid\":false,\"aborted\":" + JSON.valueToTree(message) + "}");
        return 2;
    }

    private int run() throws Exception {
        if (Runtime.version().feature() < 21) {
            throw new BenchmarkAborted("the benchmark JVM is Java " + Runtime.version() + "; Java 21 or newer is needed"
                    + " (it also runs the server)");
        }
        Path jar = settings.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkAborted(jar + " does not exist; build with ./mvnw -q -B package -DskipTests");
        }
        int port = ServerProcess.freePort();
        Path dataDirectory = Files.createTempDirectory("frostgate-bench-data-");
        Path serverLog = Files.createTempFile("frostgate-bench-server-", ".log");
        client = new FrostgateClient(URI.create("http://127.0.0.1:" + port), password);
        server = new ServerProcess(settings, port, dataDirectory, password, serverLog);

        System.out.println("Frostgate foundation benchmark");
        System.out.printf(Locale.ROOT, "  server:  %s%n", String.join(" ", server.command()));
        System.out.printf(Locale.ROOT, "           (FROSTGATE_ADMIN_PASSWORD set; Java %s; %d CPUs; log %s)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), serverLog);
        System.out.printf(Locale.ROOT, "  phases:  %s s warm-up + %s s measured each; %d HTTP client threads "
                        + "(/healthz, query); %d threads for password logins and for raw Argon2id%n",
                trim(settings.warmupSeconds()), trim(settings.measureSeconds()), settings.clients(),
                settings.loginThreads());
        System.out.println();

        client.warmUp();
        server.start();
        boolean keepLog = true;
        try {
            double startupSeconds = server.awaitFirstLogin(client, settings.startupTimeoutSeconds());
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
            System.out.println();

            double queryRatio = query.rate() / healthz.rate();
            double loginRatio = logins.rate() / argon2.rate();
            double policyRatio = policyLogins.rate() / logins.rate();
            double peakRssMb = memory.getOrDefault("VmHWM", -1L) / 1024.0;
            double rssNowMb = memory.getOrDefault("VmRSS", -1L) / 1024.0;
            boolean valid = errors.total() == 0;

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
                            POLICY_RATIO_GOAL));
            System.out.println("Goals");
            goals.forEach(goal -> System.out.println(goal.row()));
            System.out.printf(Locale.ROOT, "      (current RSS %.1f MB)%n", rssNowMb);
            System.out.println();
            if (valid) {
                System.out.println("Errors: none; this is a valid measurement.");
            } else {
                System.out.println("Errors: " + errors.total() + " -- NOT A VALID MEASUREMENT");
                errors.byKind().forEach((kind, count) -> System.out.printf(Locale.ROOT, "  %6d  %s%n", count, kind));
                errors.firstMessages().forEach(message -> System.out.println("  e.g. " + message));
            }
            boolean allMet = goals.stream().allMatch(Goal::met);

            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("valid", valid);
            summary.put("allGoalsMet", allMet);
            summary.put("errors", errors.total());
            summary.put("queryToHealthzRatio", round(queryRatio, 4));
            summary.put("loginToArgon2Ratio", round(loginRatio, 4));
            summary.put("peakRssMb", round(peakRssMb, 1));
            summary.put("startupSeconds", round(startupSeconds, 3));
            summary.put("healthzPerSecond", round(healthz.rate(), 1));
            summary.put("queryPerSecond", round(query.rate(), 1));
            summary.put("argon2PerSecond", round(argon2.rate(), 2));
            summary.put("loginPerSecond", round(logins.rate(), 2));
            summary.put("policyLoginRatio", round(policyRatio, 4));
            Map<String, String> verdicts = new LinkedHashMap<>();
            goals.forEach(goal -> verdicts.put(goal.key(), goal.verdict()));
            summary.put("goals", verdicts);
            summary.put("clients", settings.clients());
            summary.put("loginThreads", settings.loginThreads());
            summary.put("warmupSeconds", settings.warmupSeconds());
            summary.put("measureSeconds", settings.measureSeconds());
            summary.put("java", Runtime.version().toString());
            summary.put("cpus", Runtime.getRuntime().availableProcessors());
            System.out.println("BENCH-SUMMARY " + JSON.writeValueAsString(summary));
            keepLog = !valid;
            return !valid ? 2 : allMet ? 0 : 1;
        } finally {
            server.stop();
            deleteRecursively(dataDirectory);
            if (keepLog) {
                System.out.println("(server log kept: " + serverLog + ")");
            } else {
                Files.deleteIfExists(serverLog);
            }
        }
    }

    private PhaseResult measure(String name, int threads, LoadPhase.Operation operation) throws Exception {
        return phases.run(name, threads, server.handle(), operation);
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

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
