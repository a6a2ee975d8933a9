package dev.frostgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The real Snowflake Node.js driver ({@code snowflake-sdk}, pinned in {@code node-tests/package.json}),
 * run by one long-lived {@code node node-tests/run-scenario.js --serve} process per JVM that takes
 * scenarios as JSON lines on stdin and answers each with a JSON line on stdout. The first use installs
 * the package from the committed lock file with {@code npm ci} when it is missing or stale, so a fresh
 * machine needs only node and npm on the PATH.
 *
 * <p>A scenario that crashes the driver, hangs (run-scenario.js gives up after the scenario's
 * {@code timeoutMs}, 30 s by default; this class after {@link #SCENARIO_TIMEOUT}) or is malformed fails
 * its test with the reason; the process it ran in is then stopped, and the next scenario gets a new one.
 */
public final class NodeDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** Starting node and loading snowflake-sdk. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** run-scenario.js gives up on a scenario by itself after 30 s; this is only the backstop. */
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(45);
    private static NodeDriver prepared;

    private final Path directory;
    private volatile ScenarioProcess process;
    private long requests;

    private NodeDriver(Path directory) {
        this.directory = directory;
    }

    /** The node-tests directory, with snowflake-sdk installed (once per JVM). */
    public static synchronized NodeDriver prepare() {
        if (prepared == null) {
            Path directory = locate();
            installIfNeeded(directory);
            prepared = new NodeDriver(directory);
            NodeDriver driver = prepared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                ScenarioProcess running = driver.process;
                if (running != null) {
                    running.node.destroy();
                }
            }, "node-scenario-runner-stop"));
        }
        return prepared;
    }

    public Path directory() {
        return directory;
    }

    /** Connection options for {@code snowflake.createConnection}, as a mutable map to add to. */
    public static Map<String, Object> connection(RunningServer server, String account, String username,
            String password) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("accessUrl", server.baseUrl());
        options.put("account", account);
        options.put("username", username);
        options.put("password", password);
        return options;
    }

    public static Map<String, Object> connection(RunningServer server, String username, String password) {
        return connection(server, "frostgate", username, password);
    }

    /** Options for an External OAuth login: {@code authenticator: 'OAUTH'} with the token, no user or password. */
    public static Map<String, Object> oauthConnection(RunningServer server, String accessToken) {
        Map<String, Object> options = connection(server, null, null);
        options.remove("username");
        options.remove("password");
        options.put("authenticator", "OAUTH");
        options.put("token", accessToken);
        return options;
    }

    public Outcome run(Map<String, Object> connection, String... statements) {
        Map<String, Object> scenario = new LinkedHashMap<>();
        scenario.put("connection", connection);
        scenario.put("statements", Arrays.asList(statements));
        return run(scenario);
    }

    /** Runs one scenario; fails unless the scenario ran to its end (whatever the server answered). */
    public synchronized Outcome run(Map<String, Object> scenario) {
        String described = describe(scenario);
        ScenarioProcess runner = null;
        JsonNode answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            runner = process == null || !process.isAlive() ? startProcess() : process;
            process = runner;
            try {
                answer = runner.exchange(++requests, scenario, SCENARIO_TIMEOUT);
            } catch (ScenarioProcess.Failure failure) {
                stop();
                // A process that had ended (unnoticed) before it took the scenario: it never ran; once more.
                if (!failure.scenarioStarted && attempt == 1) {
                    continue;
                }
                throw new AssertionError("run-scenario.js " + failure.getMessage() + " for scenario " + described
                        + "\nstderr (last lines): " + runner.stderrTail());
            }
        }
        JsonNode outcome = answer.path("outcome");
        String log = answer.path("log").asText("");
        if (outcome.hasNonNull("error")) {
            // run-scenario.js ends its process after such an answer; do not wait for it to do so.
            stop();
            throw new AssertionError("run-scenario.js could not run the scenario: " + outcome.path("error").asText()
                    + " (at " + outcome.path("stage").asText("?") + ") for scenario " + described + "\noutcome: "
                    + outcome + "\ndriver log: " + log + "\nstderr (last lines): " + runner.stderrTail());
        }
        return Outcome.parse(outcome, log);
    }

    /** The pid of the node process running scenarios now, if one is (for the tests of this runner). */
    public synchronized java.util.OptionalLong processId() {
        ScenarioProcess running = process;
        return running != null && running.isAlive() ? java.util.OptionalLong.of(running.node.pid())
                : java.util.OptionalLong.empty();
    }

    private ScenarioProcess startProcess() {
        ProcessBuilder builder = new ProcessBuilder("node", "run-scenario.js", "--serve").directory(directory.toFile());
        builder.environment().put("SNOWFLAKE_DISABLE_PLATFORM_DETECTION", "true");
        try {
            return ScenarioProcess.start(start(builder), START_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the node process, if one runs; the next scenario starts another. */
    private synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    private static String describe(Map<String, Object> scenario) {
        try {
            return JSON.writeValueAsString(redacted(scenario));
        } catch (IOException e) {
            return String.valueOf(redacted(scenario));
        }
    }

    /**
     * One {@code run-scenario.js --serve} process: requests go to its stdin, answers are read from its
     * stdout by a daemon thread, and the last lines of its stderr are kept for failure messages.
     */
    private static final class ScenarioProcess {
        private static final int STDERR_LINES = 40;
        private static final JsonNode END = JSON.createObjectNode().put("end", true);

        private final Process node;
        private final Writer input;
        private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
        private final Deque<String> stderr = new ArrayDeque<>();

        private ScenarioProcess(Process node) {
            this.node = node;
            this.input = new BufferedWriter(new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8));
            daemon("node-scenario-stdout", this::readAnswers);
            daemon("node-scenario-stderr", this::readStderr);
        }

        static ScenarioProcess start(Process node, Duration timeout) {
            ScenarioProcess started = new ScenarioProcess(node);
            try {
                JsonNode ready = started.answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (ready == null || !ready.path("ready").asBoolean(false)) {
                    String reason = ready == null ? "was not ready within " + timeout : "ended before it was ready";
                    started.stop();
                    throw new IllegalStateException("node run-scenario.js --serve " + reason + " (exit "
                            + started.exitCode() + ")\nstderr: " + started.stderrTail());
                }
            } catch (InterruptedException e) {
                started.stop();
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting node", e);
            }
            return started;
        }

        boolean isAlive() {
            return node.isAlive();
        }

        /** Sends the scenario and waits for its answer. */
        JsonNode exchange(long id, Map<String, Object> scenario, Duration timeout) throws Failure {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("id", id);
            request.put("scenario", scenario);
            try {
                input.write(JSON.writeValueAsString(request));
                input.write('\n');
                input.flush();
            } catch (IOException e) {
                throw new Failure("could not be sent the scenario (" + e.getMessage() + "; exit " + exitCode() + ")",
                        false);
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            boolean started = false;
            try {
                while (true) {
                    JsonNode answer = answers.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (answer == null) {
                        throw new Failure("did not answer within " + timeout + " (the node process was stopped)", true);
                    }
                    if (answer == END) {
                        throw new Failure("ended (exit " + exitCode() + ") without answering", started);
                    }
                    if (answer.path("id").asLong(-1) == id) {
                        if (!answer.path("started").asBoolean(false)) {
                            return answer;
                        }
                        started = true;
                    }
                    // Otherwise an answer to an earlier request that was given up on; not this scenario's.
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure("was interrupted while waiting for the answer", true);
            }
        }

        void stop() {
            try {
                input.close();
            } catch (IOException ignored) {
                // the process is being stopped anyway
            }
            node.destroyForcibly();
            try {
                node.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String stderrTail() {
            synchronized (stderr) {
                return String.join("\n", stderr);
            }
        }

        private String exitCode() {
            try {
                return node.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(node.exitValue()) : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        private void readAnswers() {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    JsonNode answer = parse(line);
                    if (answer != null) {
                        answers.add(answer);
                    } else {
                        keepStderr("(stdout) " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                answers.add(END);
            }
        }

        private void readStderr() {
            try (BufferedReader errors = new BufferedReader(
                    new InputStreamReader(node.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = errors.readLine(); line != null; line = errors.readLine()) {
                    keepStderr(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }

        private void keepStderr(String line) {
            synchronized (stderr) {
                stderr.addLast(line);
                while (stderr.size() > STDERR_LINES) {
                    stderr.removeFirst();
                }
            }
        }

        private static JsonNode parse(String line) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("{")) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(trimmed);
                return node.isObject() && (node.has("id") || node.has("ready")) ? node : null;
            } catch (IOException e) {
                return null;
            }
        }

        private static void daemon(String name, Runnable task) {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** The process did not answer the scenario: it hung, ended or could not be written to. */
        static final class Failure extends Exception {
            /** False when the process never took the scenario (it had ended before), so it did not run. */
            final boolean scenarioStarted;

            Failure(String message, boolean scenarioStarted) {
                super(message);
                this.scenarioStarted = scenarioStarted;
            }
        }
    }

    /** What one scenario printed. */
    public record Outcome(Login login, List<Result> results, String stderr, JsonNode json) {
        static Outcome parse(JsonNode json, String stderr) {
            JsonNode login = json.path("login");
            List<Result> results = new ArrayList<>();
            for (JsonNode result : json.path("results")) {
                results.add(Result.parse(result));
            }
            return new Outcome(new Login(login.path("ok").asBoolean(false), text(login, "code"),
                    text(login, "message")), List.copyOf(results), stderr, json);
        }

        public Result result(int index) {
            return results.get(index);
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }

    public record Login(boolean ok, String code, String message) {
    }

    /** One statement's result: columns and rows when ok, otherwise the driver's code, SQLState and message. */
    public record Result(boolean ok, List<String> columns, List<List<Object>> rows, String code, String sqlState,
            String message) {
        static Result parse(JsonNode node) {
            List<String> columns = new ArrayList<>();
            node.path("columns").forEach(column -> columns.add(column.asText()));
            List<List<Object>> rows = new ArrayList<>();
            for (JsonNode row : node.path("rows")) {
                List<Object> values = new ArrayList<>();
                row.forEach(value -> values.add(value.isNull() ? null : JSON.convertValue(value, Object.class)));
                rows.add(values);
            }
            return new Result(node.path("ok").asBoolean(false), List.copyOf(columns), rows, text(node, "code"),
                    text(node, "sqlState"), text(node, "message"));
        }

        /** The values of one column, by its name as the driver reports it. */
        public List<Object> column(String name) {
            int index = columns.indexOf(name);
            if (index < 0) {
                throw new AssertionError("no column " + name + " in " + columns);
            }
            return rows.stream().map(row -> row.get(index)).toList();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, Object> redacted(Map<String, Object> scenario) {
        Map<String, Object> copy = new LinkedHashMap<>(scenario);
        if (copy.get("connection") instanceof Map<?, ?> connection) {
            Map<Object, Object> options = new LinkedHashMap<>(connection);
            options.computeIfPresent("password", (key, value) -> "***");
            options.computeIfPresent("token", (key, value) -> "***");
            copy.put("connection", options);
        }
        return copy;
    }

    private static Path locate() {
        String configured = System.getProperty("frostgate.project.dir");
        Path project = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("").toAbsolutePath();
        Path directory = project.resolve("node-tests").toAbsolutePath().normalize();
        if (!Files.isRegularFile(directory.resolve("run-scenario.js"))) {
            throw new IllegalStateException("node-tests/run-scenario.js not found under " + project
                    + " (set -Dfrostgate.project.dir to the project directory)");
        }
        return directory;
    }

    /** Installs from package-lock.json unless the locked snowflake-sdk version is already there. */
    private static void installIfNeeded(Path directory) {
        try {
            String locked = JSON.readTree(directory.resolve("package-lock.json").toFile())
                    .path("packages").path("node_modules/snowflake-sdk").path("version").asText(null);
            Path installedManifest = directory.resolve("node_modules/snowflake-sdk/package.json");
            String installed = Files.isRegularFile(installedManifest)
                    ? JSON.readTree(installedManifest.toFile()).path("version").asText(null) : null;
            if (installed != null && installed.equals(locked)) {
                return;
            }
            Path log = Files.createTempFile("npm-ci", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile());
                Process process = start(builder);
                if (!process.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    throw new IllegalStateException("npm ci did not finish within " + INSTALL_TIMEOUT + ":\n" + read(log));
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("npm ci failed in " + directory + " (exit " + process.exitValue()
                            + "):\n" + read(log));
                }
            } finally {
                deleteQuietly(log);
            }
            if (!Files.isRegularFile(installedManifest)) {
                throw new IllegalStateException("npm ci did not install snowflake-sdk in " + directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while installing snowflake-sdk", e);
        }
    }

    private static Process start(ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IOException("could not run " + builder.command().get(0)
                    + ": Node.js 20+ and npm must be on the PATH for the Node driver tests", e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; nothing depends on it
            }
        }
    }
}
