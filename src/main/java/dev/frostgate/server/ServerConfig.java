package dev.frostgate.server;

import dev.frostgate.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Everything the server is started with; built by the command line or by tests. */
public record ServerConfig(
        String host,
        int port,
        Path dataDirectory,
        String accountName,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        Set<String> trustedProxies,
        Optional<String> adminPassword,
        Optional<String> serverKey,
        int maximumBodyBytes,
        Duration resultWait) {

    public static final int DEFAULT_MAXIMUM_BODY_BYTES = 4 * 1024 * 1024;

    public ServerConfig {
        accountName = accountName.toUpperCase(Locale.ROOT);
    }

    /** Defaults for an embedded server on a random port: what tests start from. */
    public static ServerConfig embedded(Path dataDirectory) {
        return new ServerConfig("127.0.0.1", 0, dataDirectory, "frostgate", Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), DEFAULT_MAXIMUM_BODY_BYTES,
                Duration.ofSeconds(45));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDirectory, accountName, databaseUrl, databaseUser,
                databasePassword, trustedProxies, adminPassword, serverKey, maximumBodyBytes, resultWait);
    }

    public ServerConfig withAdminPassword(String password) {
        return new ServerConfig(host, port, dataDirectory, accountName, databaseUrl, databaseUser, databasePassword,
                trustedProxies, Optional.of(password), serverKey, maximumBodyBytes, resultWait);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(host, port, dataDirectory, accountName, Optional.of(url), Optional.of(user),
                Optional.of(password), trustedProxies, adminPassword, serverKey, maximumBodyBytes, resultWait);
    }

    public ServerConfig withResultWait(Duration wait) {
        return new ServerConfig(host, port, dataDirectory, accountName, databaseUrl, databaseUser, databasePassword,
                trustedProxies, adminPassword, serverKey, maximumBodyBytes, wait);
    }

    public Database.Settings databaseSettings() {
        return new Database.Settings(databaseUrl, databaseUser, databasePassword, dataDirectory, 16);
    }
}
