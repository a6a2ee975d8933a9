package dev.frostgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frostgate.crypto.PasswordHasher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The foundation benchmark: one run against one {@code java -jar frostgate.jar serve} child process,
 * printing three goals.
 *
 * <ol>
 *   <li>(a) {@code SELECT 1} query-request throughput with a session token, as a ratio to the
 *       {@code GET /healthz} throughput of the same server (goal ≥ 0.5);</li>
 *   <li>(b) password login-request throughput as a ratio to the raw Argon2id verification rate at the
 *       same parameters ({@link PasswordHasher#OWASP}), measured in this JVM with the same number of
 *       threads as the logins (goal ≥ 0.8);</li>
 *   <li>(c) the child's peak RSS (VmHWM, read after the load phases; goal &lt; 250 MB) and its start-up
 *       time from process start to the first successful login (goal &lt; 2 s).</li>
 * </ol>
 *
 * <p>Not a unit test: run it with {@code bench/run}. Settings (system properties, all optional):
 * {@code bench.warmupSeconds} (5), {@code bench.measureSeconds} (10), {@code bench.clients} (HTTP
 * client threads for the /healthz and query phases, 8), {@code bench.loginThreads} (client threads
 * for logins and hashing threads for the raw Argon2id rate, 2), {@code bench.jar}
 * (target/frostgate.jar), {@code bench.serverJavaOptions} (extra JVM options for the child, space
 * separated, none by default), {@code bench.startupTimeoutSeconds} (60).
 *
 * <p>Exit status: 0 when the measurement is valid and every goal is met, 1 when a goal is missed,
 * 2 when the run is not a valid measurement (any request failed) or could not be carried out.
 */
public final class FoundationBenchmark {
    private static final String ACCOUNT = "frostgate";
    private static final String ADMIN = "ADMIN";
    private static final double QUERY_RATIO_GOAL = 0.5;
    private static final double LOGIN_RATIO_GOAL = 0.8;
    private static final double POLICY_RATIO_GOAL = 0.9;
    private static final int POLICY_ENTRIES = 10_000;
    private static final double RSS_GOAL_MB = 250;
    private static final double STARTUP_GOAL_SECONDS = 2;
    /** Login answers after which no further login may be sent: a wrong password (lockout risk) or a lock. */
    private static final List<String> STOP_LOGIN_CODES = List.of("390100", "390102");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final Errors errors = new Errors();
    private final HttpClient http;
    private final String password;
    private final byte[] loginBody;
    private final byte[] queryBody;
    private URI base;

    private FoundationBenchmark(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.password = "Bench-" + UUID.randomUUID() + "-Pw1!";
        ObjectNode data = JSON.createObjectNode();
        data.put("ACCOUNT_NAME", ACCOUNT);
        data.put("LOGIN_NAME", ADMIN);
        data.put("PASSWORD", password);
        data.put("CLIENT_APP_ID", "JDBC");
        data.put("CLIENT_APP_VERSION", "3.28.0");
        ObjectNode login = JSON.createObjectNode();
        login.set("data", data);
        this.loginBody = bytes(login);
        ObjectNode query = JSON.createObjectNode();
        query.put("sqlText", "SELECT 1");
        query.put("sequenceId", 0);
        this.queryBody = bytes(query);
    }

    record Settings(double warmupSeconds, double measureSeconds, int clients, int loginThreads, Path jar,
                    List<String> serverJavaOptions, double startupTimeoutSeconds) {
        static Settings fromSystemProperties() {
            String options = System.getProperty("bench.serverJavaOptions", "").trim();
            return new Settings(
                    Double.parseDouble(System.getProperty("bench.warmupSeconds", "5")),
                    Double.parseDouble(System.getProperty("bench.measureSeconds", "10")),
                    Integer.parseInt(System.getProperty("bench.clients", "8")),
                    Integer.parseInt(System.getProperty("bench.loginThreads", "2")),
                    Path.of(System.getProperty("bench.jar", "target/frostgate.jar")),
                    options.isEmpty() ? List.of() : List.of(options.split("\\s+")),
                    Double.parseDouble(System.getProperty("bench.startupTimeoutSeconds", "60")));
        }
    }

    public static void main(String[] arguments) {
        int status;
        try {
            status = new FoundationBenchmark(Settings.fromSystemProperties()).run();
        } catch (BenchmarkAborted aborted) {
            System.out.println();
            System.out.println("ABORTED: " + aborted.getMessage());
            System.out.println("BENCH-SUMMARY {\"valid\":false,\"aborted\":" + JSON.valueToTree(aborted.getMessage())
                    + "}");
            status = 2;
        } catch (Exception failure) {
            System.out.println();
            System.out.println("ABORTED: " + failure);
            failure.printStackTrace(System.out);
            System.out.println("BENCH-SUMMARY {\"valid\":false,\"aborted\":" + JSON.valueToTree(failure.toString())
                    + "}");
            status = 2;
        }
        System.exit(status);
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
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int port = freePort();
        base = URI.create("http://127.0.0.1:" + port);
        Path dataDirectory = Files.createTempDirectory("frostgate-bench-data-");
        Path serverLog = Files.createTempFile("frostgate-bench-server-", ".log");

        // By default the server starts exactly as the README says (./frostgate serve, which execs the
        // JVM with its tuned options, so the child's pid is the JVM's); bench.launcher=java measures a
        // bare "java [bench.serverJavaOptions] -jar" instead.
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty("bench.launcher", "./frostgate");
        if (launcher.equals("java")) {
            command.add(java.toString());
            command.addAll(settings.serverJavaOptions());
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            command.add(launcher);
        }
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--data-dir", dataDirectory.toString()));

        System.out.println("Frostgate foundation benchmark");
        System.out.printf(Locale.ROOT, "  server:  %s%n", String.join(" ", command));
        System.out.printf(Locale.ROOT, "           (FROSTGATE_ADMIN_PASSWORD set; Java %s; %d CPUs; log %s)%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), serverLog);
        System.out.printf(Locale.ROOT, "  phases:  %s s warm-up + %s s measured each; %d HTTP client threads "
                        + "(/healthz, query); %d threads for logins and for raw Argon2id%n",
                trim(settings.warmupSeconds()), trim(settings.measureSeconds()), settings.clients(),
                settings.loginThreads());
        System.out.println();

        warmUpClient();
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(serverLog.toFile());
        builder.environment().put("FROSTGATE_ADMIN_PASSWORD", password);
        builder.environment().put("FROSTGATE_SKIP_BUILD", "1");
        builder.environment().remove("FROSTGATE_DB_URL");
        builder.environment().remove("FROSTGATE_SERVER_KEY");

        long processStart = System.nanoTime();
        Process server = builder.start();
        Thread killer = new Thread(server::destroyForcibly, "bench-kill-server");
        Runtime.getRuntime().addShutdownHook(killer);
        boolean keepLog = true;
        try {
            double startupSeconds = awaitFirstLogin(server, processStart, serverLog);
            System.out.printf(Locale.ROOT, "start-up: first successful login %.3f s after process start (pid %d)%n%n",
                    startupSeconds, server.pid());

            ProcessHandle serverHandle = server.toHandle();
            List<PhaseResult> phases = new ArrayList<>();
            System.out.println(PhaseResult.HEADER);

            PhaseResult healthz = runPhase("GET /healthz", settings.clients(), serverHandle, this::healthz);
            phases.add(healthz);

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < settings.clients(); i++) {
                tokens.add(login().orElseThrow(() -> new BenchmarkAborted("a login for the query phase failed: "
                        + errors.firstMessages())));
            }
            PhaseResult query = runPhase("query-request SELECT 1", settings.clients(), serverHandle,
                    worker -> selectOne(tokens.get(worker)));
            phases.add(query);

            PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP, new SecureRandom());
            String storedHash = hasher.hash(password);
            PhaseResult argon2 = runPhase("Argon2id verify (bench JVM)", settings.loginThreads(), serverHandle,
                    worker -> {
                        if (!hasher.verify(password, storedHash)) {
                            throw new RequestFailed("argon2", "verify returned false");
                        }
                    });
            phases.add(argon2);

            PhaseResult logins = runPhase("login-request (password)", settings.loginThreads(), serverHandle,
                    worker -> {
                        if (login().isEmpty()) {
                            throw new RequestFailed("login", "no token");
                        }
                    });
            phases.add(logins);

            Map<String, Long> memory = readProcStatus(server.pid());

            // Issue 3: the same logins with a 10,000-entry network policy and an authentication
            // policy attached to the account (evaluation must not scan the list per login).
            attachLargePolicies(tokens.get(0));
            PhaseResult policyLogins = runPhase("login-request with policies", settings.loginThreads(), serverHandle,
                    worker -> {
                        if (login().isEmpty()) {
                            throw new RequestFailed("login", "no token");
                        }
                    });
            phases.add(policyLogins);
            double policyRatio = policyLogins.rate() / logins.rate();
            System.out.println();

            double queryRatio = query.rate() / healthz.rate();
            double loginRatio = logins.rate() / argon2.rate();
            double peakRssMb = memory.getOrDefault("VmHWM", -1L) / 1024.0;
            double rssNowMb = memory.getOrDefault("VmRSS", -1L) / 1024.0;
            boolean valid = errors.total() == 0;

            List<Goal> goals = List.of(
                    new Goal("a", "query-request / healthz throughput", queryRatio, ">=", QUERY_RATIO_GOAL,
                            String.format(Locale.ROOT, "%.3f", queryRatio), String.format(Locale.ROOT, "%.2f",
                                    QUERY_RATIO_GOAL)),
                    new Goal("b", "login-request / raw Argon2id throughput", loginRatio, ">=", LOGIN_RATIO_GOAL,
                            String.format(Locale.ROOT, "%.3f", loginRatio), String.format(Locale.ROOT, "%.2f",
                                    LOGIN_RATIO_GOAL)),
                    new Goal("c", "peak RSS (VmHWM after the load phases)", peakRssMb, "<", RSS_GOAL_MB,
                            String.format(Locale.ROOT, "%.1f MB", peakRssMb), String.format(Locale.ROOT, "%.0f MB",
                                    RSS_GOAL_MB)),
                    new Goal("c", "start-up to first successful login", startupSeconds, "<", STARTUP_GOAL_SECONDS,
                            String.format(Locale.ROOT, "%.3f s", startupSeconds), String.format(Locale.ROOT,
                                    "%.0f s", STARTUP_GOAL_SECONDS)),
                    new Goal("d", "logins with 10k-entry policies / without", policyRatio, ">=",
                            POLICY_RATIO_GOAL, String.format(Locale.ROOT, "%.3f", policyRatio),
                            String.format(Locale.ROOT, "%.2f", POLICY_RATIO_GOAL)));
            System.out.println("Goals");
            for (Goal goal : goals) {
                System.out.printf(Locale.ROOT, "  (%s) %-42s %12s   goal %s %-7s %s%n", goal.label(), goal.name(),
                        goal.shown(), goal.comparison(), goal.goalShown(), goal.met() ? "PASS" : "MISS");
            }
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
            Map<String, String> verdicts = new LinkedHashMap<>();
            verdicts.put("queryToHealthzRatio", goals.get(0).met() ? "PASS" : "MISS");
            verdicts.put("loginToArgon2Ratio", goals.get(1).met() ? "PASS" : "MISS");
            verdicts.put("peakRssMb", goals.get(2).met() ? "PASS" : "MISS");
            verdicts.put("startupSeconds", goals.get(3).met() ? "PASS" : "MISS");
            verdicts.put("policyLoginRatio", goals.get(4).met() ? "PASS" : "MISS");
            summary.put("policyLoginRatio", round(policyRatio, 4));
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
            stop(server);
            try {
                Runtime.getRuntime().removeShutdownHook(killer);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway.
            }
            deleteRecursively(dataDirectory);
            if (keepLog) {
                System.out.println("(server log kept: " + serverLog + ")");
            } else {
                Files.deleteIfExists(serverLog);
            }
        }
    }

    // ---------------------------------------------------------------- start-up

    /** Loads the HTTP client's classes before the clock starts, so that they are not charged to the server. */
    private void warmUpClient() throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException expected) {
            // Nothing listens yet.
        }
        try {
            JSON.readTree(loginBody);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /** Polls login-request until it succeeds; a refusal (as opposed to no answer) ends the run at once. */
    private double awaitFirstLogin(Process server, long processStart, Path serverLog) throws Exception {
        long deadline = processStart + (long) (settings.startupTimeoutSeconds() * 1e9);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new BenchmarkAborted("the server exited with status " + server.exitValue() + " before its first"
                        + " login; log:\n" + tail(serverLog));
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(loginRequest(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (ConnectException notYetListening) {
                Thread.sleep(10);
                continue;
            } catch (IOException notYetAnswering) {
                Thread.sleep(10);
                continue;
            }
            long answered = System.nanoTime();
            JsonNode body = parse(response);
            if (response.statusCode() == 200 && body != null && body.path("success").asBoolean(false)
                    && body.path("data").path("token").isTextual()) {
                return (answered - processStart) / 1e9;
            }
            throw new BenchmarkAborted("the first login was refused (HTTP " + response.statusCode() + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        throw new BenchmarkAborted("no successful login within " + settings.startupTimeoutSeconds() + " s; log:\n"
                + tail(serverLog));
    }

    // ---------------------------------------------------------------- requests

    private void healthz(int worker) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("/healthz"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || body == null || !"ok".equals(body.path("status").asText())) {
            throw new RequestFailed("healthz HTTP " + response.statusCode(), abbreviate(response.body()));
        }
    }

    /** A network policy allowing 10,000 addresses (the client's among them) and an authentication policy. */
    private void attachLargePolicies(String token) throws Exception {
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
            ObjectNode statement = JSON.createObjectNode();
            statement.put("sqlText", sql);
            HttpRequest request = HttpRequest.newBuilder(
                            base.resolve("/queries/v1/query-request?requestId=" + UUID.randomUUID()))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Snowflake Token=\"" + token + "\"")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(statement))).build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = parse(response);
            if (body == null || !body.path("success").asBoolean(false)) {
                throw new BenchmarkAborted("policy setup failed: " + abbreviate(response.body()));
            }
        }
    }

    private void selectOne(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        base.resolve("/queries/v1/query-request?requestId=" + UUID.randomUUID()))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Snowflake Token=\"" + token + "\"")
                .header("Accept", "application/snowflake")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(queryBody))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || body == null || !body.path("success").asBoolean(false)) {
            throw new RequestFailed("query HTTP " + response.statusCode() + " code "
                    + (body == null ? "-" : body.path("code").asText("-")), abbreviate(response.body()));
        }
        if (!"1".equals(body.path("data").path("rowset").path(0).path(0).asText(null))) {
            throw new RequestFailed("query unexpected result", abbreviate(response.body()));
        }
    }

    private HttpRequest loginRequest() {
        return HttpRequest.newBuilder(base.resolve("/session/v1/login-request?requestId=" + UUID.randomUUID()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(loginBody))
                .build();
    }

    /** One password login; the session token, or empty after recording the error. */
    private Optional<String> login() throws Exception {
        HttpResponse<byte[]> response = http.send(loginRequest(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() == 200 && body != null && body.path("success").asBoolean(false)
                && body.path("data").path("token").isTextual()) {
            return Optional.of(body.path("data").path("token").asText());
        }
        String code = body == null ? "-" : body.path("code").asText("-");
        if (STOP_LOGIN_CODES.contains(code)) {
            // Never risk (or prolong) a lockout of the administrator: stop the run.
            throw new StopRun("login refused with " + code + ": " + abbreviate(response.body()));
        }
        throw new RequestFailed("login HTTP " + response.statusCode() + " code " + code, abbreviate(response.body()));
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            return null;
        }
    }

    // ---------------------------------------------------------------- load phases

    @FunctionalInterface
    interface Operation {
        void run(int worker) throws Exception;
    }

    record PhaseResult(String name, long operations, double seconds, double rate, double meanMillis,
                       double serverCores, double clientCores, long errors) {
        static final String HEADER = String.format(Locale.ROOT, "%-30s %12s %9s %8s %12s %12s %7s", "phase",
                "ops/s", "mean ms", "ops", "server CPU", "bench CPU", "errors");

        String row() {
            return String.format(Locale.ROOT, "%-30s %12.2f %9.3f %8d %10.2f c %10.2f c %7d", name, rate,
                    meanMillis, operations, serverCores, clientCores, errors);
        }
    }

    /**
     * Runs {@code operation} in a loop on {@code threads} platform threads: a warm-up, then a measured
     * window whose completions are counted. A failed operation is counted as an error (and makes the run
     * invalid); a {@link StopRun} ends the phase and the run.
     */
    private PhaseResult runPhase(String name, int threads, ProcessHandle server, Operation operation)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder completed = new LongAdder();
        LongAdder latencyNanos = new LongAdder();
        long errorsBefore = errors.total();
        ConcurrentLinkedQueue<StopRun> stopped = new ConcurrentLinkedQueue<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int worker = i;
            workers.add(Thread.ofPlatform().name("bench-" + i).start(() -> {
                while (!stop.get()) {
                    long started = System.nanoTime();
                    try {
                        operation.run(worker);
                        latencyNanos.add(System.nanoTime() - started);
                        completed.increment();
                    } catch (StopRun fatal) {
                        stopped.add(fatal);
                        stop.set(true);
                    } catch (InterruptedException interrupted) {
                        return;
                    } catch (Exception failure) {
                        errors.record(name, failure);
                        pause();
                    }
                }
            }));
        }
        try {
            sleepUnlessStopped(settings.warmupSeconds(), stop);
            long count0 = completed.sum();
            long latency0 = latencyNanos.sum();
            Duration serverCpu0 = cpu(server);
            Duration clientCpu0 = cpu(ProcessHandle.current());
            long time0 = System.nanoTime();
            sleepUnlessStopped(settings.measureSeconds(), stop);
            long count1 = completed.sum();
            long latency1 = latencyNanos.sum();
            long time1 = System.nanoTime();
            Duration serverCpu1 = cpu(server);
            Duration clientCpu1 = cpu(ProcessHandle.current());
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(60));
            }
            if (!stopped.isEmpty()) {
                throw new BenchmarkAborted("phase '" + name + "' stopped: " + stopped.peek().getMessage());
            }
            double seconds = (time1 - time0) / 1e9;
            long operations = count1 - count0;
            PhaseResult result = new PhaseResult(name, operations, seconds, operations / seconds,
                    operations == 0 ? Double.NaN : (latency1 - latency0) / 1e6 / operations,
                    serverCpu1.minus(serverCpu0).toNanos() / 1e9 / seconds,
                    clientCpu1.minus(clientCpu0).toNanos() / 1e9 / seconds, errors.total() - errorsBefore);
            System.out.println(result.row());
            return result;
        } finally {
            stop.set(true);
            for (Thread worker : workers) {
                worker.join(Duration.ofSeconds(60));
            }
        }
    }

    private static void sleepUnlessStopped(double seconds, AtomicBoolean stop) throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long left;
        while (!stop.get() && (left = end - System.nanoTime()) > 0) {
            Thread.sleep(Math.min(50, Math.max(1, left / 1_000_000)));
        }
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- process and files

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The kB figures of /proc/&lt;pid&gt;/status (VmHWM is the peak resident set size). */
    private static Map<String, Long> readProcStatus(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.endsWith(" kB")) {
                int colon = line.indexOf(':');
                values.put(line.substring(0, colon),
                        Long.parseLong(line.substring(colon + 1, line.length() - 3).trim()));
            }
        }
        if (!values.containsKey("VmHWM")) {
            throw new BenchmarkAborted("/proc/" + pid + "/status has no VmHWM");
        }
        return values;
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
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

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }

    // ---------------------------------------------------------------- small things

    record Goal(String label, String name, double value, String comparison, double goal, String shown,
                String goalShown) {
        boolean met() {
            return comparison.equals(">=") ? value >= goal : value < goal && value >= 0;
        }
    }

    /** Errors by kind, with the first few messages kept for the report. */
    static final class Errors {
        private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> examples = new ConcurrentLinkedQueue<>();
        private final LongAdder total = new LongAdder();

        void record(String phase, Exception failure) {
            String kind = phase + ": " + (failure instanceof RequestFailed failed ? failed.kind()
                    : failure.getClass().getSimpleName());
            byKind.computeIfAbsent(kind, key -> new LongAdder()).increment();
            total.increment();
            if (examples.size() < 10) {
                examples.add(phase + ": " + failure.getMessage());
            }
        }

        long total() {
            return total.sum();
        }

        Map<String, Long> byKind() {
            Map<String, Long> copy = new LinkedHashMap<>();
            byKind.forEach((kind, count) -> copy.put(kind, count.sum()));
            return copy;
        }

        List<String> firstMessages() {
            return List.copyOf(examples);
        }
    }

    /** A request that was answered wrongly (or not at all). */
    static final class RequestFailed extends Exception {
        private final String kind;

        RequestFailed(String kind, String detail) {
            super(kind + ": " + detail, null, false, false);
            this.kind = kind;
        }

        String kind() {
            return kind;
        }
    }

    /** A failure after which no further requests may be sent. */
    static final class StopRun extends RuntimeException {
        StopRun(String message) {
            super(message, null, false, false);
        }
    }

    static final class BenchmarkAborted extends RuntimeException {
        BenchmarkAborted(String message) {
            super(message);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    private static String abbreviate(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }

    private static String trim(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
