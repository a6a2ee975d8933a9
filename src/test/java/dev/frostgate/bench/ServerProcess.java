package dev.frostgate.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One {@code frostgate serve} child process on a given port and data directory; it can be stopped and
 * started again on the same directory. Its output goes (appended) to one log file.
 */
final class ServerProcess {
    private final List<String> command;
    private final int port;
    private final Path dataDirectory;
    private final String adminPassword;
    private final Path log;
    private Process process;
    private long processStart;
    private Thread killer;

    /**
     * By default the server starts exactly as the README says (./frostgate serve, which execs the JVM
     * with its tuned options, so the child's pid is the JVM's); launcher "java" starts a bare
     * "java [serverJavaOptions] -jar" instead.
     */
    ServerProcess(BenchmarkSettings settings, int port, Path dataDirectory, String adminPassword, Path log) {
        List<String> command = new ArrayList<>();
        if (settings.launcher().equals("java")) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings.serverJavaOptions());
            command.addAll(List.of("-jar", settings.jar().toAbsolutePath().toString()));
        } else {
            command.add(settings.launcher());
        }
        command.addAll(List.of("serve", "--port", Integer.toString(port), "--data-dir", dataDirectory.toString()));
        this.command = List.copyOf(command);
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.adminPassword = adminPassword;
        this.log = log;
    }

    /**
     * A server on a free loopback port with a fresh data directory and log file (not started yet); the jar
     * must have been built.
     */
    static ServerProcess inFreshDirectory(BenchmarkSettings settings, String adminPassword) throws IOException {
        Path jar = settings.jar().toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkAborted(jar + " does not exist; build with ./mvnw -q -B package -DskipTests");
        }
        int port = freePort();
        Path dataDirectory = Files.createTempDirectory("frostgate-bench-data-");
        Path log = Files.createTempFile("frostgate-bench-server-", ".log");
        return new ServerProcess(settings, port, dataDirectory, adminPassword, log);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    List<String> command() {
        return command;
    }

    Path log() {
        return log;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("FROSTGATE_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("FROSTGATE_SKIP_BUILD", "1");
        builder.environment().remove("FROSTGATE_DB_URL");
        builder.environment().remove("FROSTGATE_SERVER_KEY");
        processStart = System.nanoTime();
        process = builder.start();
        killer = new Thread(process::destroyForcibly, "bench-kill-server");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Loads the client's classes (so that they are not charged to the server), starts the server and waits for
     * its first successful login; the seconds from process start to that login.
     */
    double startFor(FrostgateClient client, double timeoutSeconds) throws Exception {
        client.warmUp();
        start();
        return awaitFirstLogin(client, timeoutSeconds);
    }

    /**
     * Polls login-request until a password login succeeds; the seconds since the process started. A
     * refusal (as opposed to no answer) ends the run at once.
     */
    double awaitFirstLogin(FrostgateClient client, double timeoutSeconds) throws Exception {
        long deadline = processStart + (long) (timeoutSeconds * 1e9);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new BenchmarkAborted("the server exited with status " + process.exitValue() + " before its first"
                        + " login; log:\n" + tail());
            }
            HttpResponse<byte[]> response;
            try {
                response = client.sendPasswordLogin();
            } catch (IOException notYetAnswering) {
                Thread.sleep(10);
                continue;
            }
            long answered = System.nanoTime();
            if (FrostgateClient.sessionToken(response).isPresent()) {
                return (answered - processStart) / 1e9;
            }
            throw new BenchmarkAborted("the first login was refused (HTTP " + response.statusCode() + "): "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        throw new BenchmarkAborted("no successful login within " + timeoutSeconds + " s; log:\n" + tail());
    }

    /** The kB figures of /proc/&lt;pid&gt;/status (VmHWM is the peak resident set size). */
    Map<String, Long> memory() throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.endsWith(" kB")) {
                int colon = line.indexOf(':');
                values.put(line.substring(0, colon),
                        Long.parseLong(line.substring(colon + 1, line.length() - 3).trim()));
            }
        }
        if (!values.containsKey("VmHWM")) {
            throw new BenchmarkAborted("/proc/" + process.pid() + "/status has no VmHWM");
        }
        return values;
    }

    /** Stops the server (SIGTERM, so it closes its store and flushes token use; forcibly after 20 s). */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        process = null;
    }

    /** Stops the server and deletes its data directory, and its log unless {@code keepLog} (then printed). */
    void discard(boolean keepLog) throws InterruptedException, IOException {
        stop();
        if (Files.exists(dataDirectory)) {
            try (Stream<Path> paths = Files.walk(dataDirectory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
        if (keepLog) {
            System.out.println("(server log kept: " + log + ")");
        } else {
            Files.deleteIfExists(log);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException unreadable) {
            return "(log unreadable: " + unreadable + ")";
        }
    }
}
