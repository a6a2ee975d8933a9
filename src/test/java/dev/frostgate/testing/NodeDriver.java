package dev.frostgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real Snowflake Node.js driver ({@code snowflake-sdk}, pinned in {@code node-tests/package.json}),
 * run one scenario per {@code node node-tests/run-scenario.js} process. The first use installs the
 * package from the committed lock file with {@code npm ci} when it is missing or stale, so a fresh
 * machine needs only node and npm on the PATH.
 */
public final class NodeDriver {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    /** run-scenario.js gives up by itself after 30 s; this is only the backstop. */
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(45);
    private static NodeDriver prepared;

    private final Path directory;

    private NodeDriver(Path directory) {
        this.directory = directory;
    }

    /** The node-tests directory, with snowflake-sdk installed (once per JVM). */
    public static synchronized NodeDriver prepare() {
        if (prepared == null) {
            Path directory = locate();
            installIfNeeded(directory);
            prepared = new NodeDriver(directory);
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

    /** Runs one scenario; fails unless the script ran to its end and printed its JSON line. */
    public Outcome run(Map<String, Object> scenario) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("node-scenario", ".out");
            stderr = Files.createTempFile("node-scenario", ".err");
            ProcessBuilder builder = new ProcessBuilder("node", "run-scenario.js")
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().put("SNOWFLAKE_DISABLE_PLATFORM_DETECTION", "true");
            Process process = start(builder);
            try (var input = process.getOutputStream()) {
                input.write(JSON.writeValueAsBytes(scenario));
            }
            if (!process.waitFor(SCENARIO_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new AssertionError("run-scenario.js did not end within " + SCENARIO_TIMEOUT + "\nstdout: "
                        + read(stdout) + "\nstderr: " + read(stderr));
            }
            String out = read(stdout);
            String jsonLine = lastJsonLine(out);
            if (process.exitValue() != 0 || jsonLine == null) {
                throw new AssertionError("run-scenario.js exited " + process.exitValue() + " for scenario "
                        + JSON.writeValueAsString(redacted(scenario)) + "\nstdout: " + out + "\nstderr: " + read(stderr));
            }
            return Outcome.parse(JSON.readTree(jsonLine), read(stderr));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
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

    private static String lastJsonLine(String output) {
        String[] lines = output.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].strip();
            if (line.startsWith("{")) {
                return line;
            }
        }
        return null;
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
