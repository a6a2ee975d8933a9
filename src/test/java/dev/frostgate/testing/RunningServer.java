package dev.frostgate.testing;

import dev.frostgate.server.FrostgateServer;
import dev.frostgate.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** A real Frostgate server on a random loopback port with its own data directory. */
public final class RunningServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "Admin-Test-Passw0rd!";

    private final FrostgateServer server;
    private final Path dataDirectory;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final boolean ownsDataDirectory;
    private boolean stopped;

    private RunningServer(UnaryOperator<ServerConfig> customize, Clock clock) throws Exception {
        Path created = Files.createTempDirectory("frostgate-test");
        ServerConfig config = customize.apply(ServerConfig.embedded(created).withAdminPassword(ADMIN_PASSWORD));
        this.dataDirectory = config.dataDirectory();
        this.ownsDataDirectory = dataDirectory.equals(created);
        if (!ownsDataDirectory) {
            Files.delete(created);
        }
        this.server = FrostgateServer.start(config, clock, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    public static RunningServer start() throws Exception {
        return new RunningServer(UnaryOperator.identity(), Clock.systemUTC());
    }

    public static RunningServer start(UnaryOperator<ServerConfig> customize, Clock clock) throws Exception {
        return new RunningServer(customize, clock);
    }

    public int port() {
        return server.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String jdbcUrl() {
        return "jdbc:snowflake://127.0.0.1:" + port() + "/?ssl=off&account=frostgate&disablePlatformDetection=true";
    }

    /** The server itself, for benchmarks that drive its parts without HTTP. */
    public FrostgateServer frostgate() {
        return server;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Runs the background jobs (clean-up, expiry notices, token gauges) once, as the schedule would. */
    public void runBackgroundJobs() {
        server.backgroundJobs().runOnce();
    }

    public String consoleOutput() {
        return console.toString(StandardCharsets.UTF_8);
    }

    /** Stops the server but keeps its data directory, for tests that inspect the files afterwards. */
    public void stop() throws Exception {
        if (!stopped) {
            stopped = true;
            server.close();
        }
    }

    /** Stops the server and deletes the data directory this test server created. */
    @Override
    public void close() throws Exception {
        stop();
        if (ownsDataDirectory) {
            try (var files = Files.walk(dataDirectory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
