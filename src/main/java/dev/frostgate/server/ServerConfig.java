package dev.frostgate.server;

import dev.frostgate.core.CoreSettings;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.policy.HostAllowList;
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
        Duration resultWait,
        BackgroundJobSettings backgroundJobs,
        int sqlApiStatementsPerUser,
        HostAllowList jwksAllowedHosts) {

    public static final int DEFAULT_MAXIMUM_BODY_BYTES = 4 * 1024 * 1024;

    public ServerConfig {
        accountName = accountName.toUpperCase(Locale.ROOT);
    }

    /** Defaults for an embedded server on a random loopback port: what tests start from. */
    public static ServerConfig embedded(Path dataDirectory) {
        return new ServerConfig("127.0.0.1", 0, dataDirectory, "frostgate", Optional.empty(), Optional.empty(),
                Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), DEFAULT_MAXIMUM_BODY_BYTES,
                Duration.ofSeconds(45), BackgroundJobSettings.defaults(),
                QueryRegistry.DEFAULT_STATEMENTS_PER_USER, HostAllowList.EVERY_HOST);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public ServerConfig withAdminPassword(String password) {
        return toBuilder().adminPassword(Optional.of(password)).build();
    }

    public ServerConfig withResultWait(Duration wait) {
        return toBuilder().resultWait(wait).build();
    }

    public CoreSettings coreSettings() {
        return new CoreSettings(accountName, serverKey, dataDirectory, adminPassword, sqlApiStatementsPerUser,
                jwksAllowedHosts);
    }

    public Database.Settings databaseSettings() {
        return new Database.Settings(databaseUrl, databaseUser, databasePassword, dataDirectory, 16);
    }

    /** Copy-and-change for the settings tests and embedders vary. */
    public static final class Builder {
        private final ServerConfig base;
        private Set<String> trustedProxies;
        private Optional<String> adminPassword;
        private Optional<String> databaseUrl;
        private Optional<String> databaseUser;
        private Optional<String> databasePassword;
        private Duration resultWait;
        private BackgroundJobSettings backgroundJobs;
        private int sqlApiStatementsPerUser;
        private HostAllowList jwksAllowedHosts;

        private Builder(ServerConfig base) {
            this.base = base;
            this.trustedProxies = base.trustedProxies;
            this.adminPassword = base.adminPassword;
            this.databaseUrl = base.databaseUrl;
            this.databaseUser = base.databaseUser;
            this.databasePassword = base.databasePassword;
            this.resultWait = base.resultWait;
            this.backgroundJobs = base.backgroundJobs;
            this.sqlApiStatementsPerUser = base.sqlApiStatementsPerUser;
            this.jwksAllowedHosts = base.jwksAllowedHosts;
        }

        public Builder trustedProxies(Set<String> value) { trustedProxies = value; return this; }
        public Builder adminPassword(Optional<String> value) { adminPassword = value; return this; }
        public Builder resultWait(Duration value) { resultWait = value; return this; }
        public Builder backgroundJobs(BackgroundJobSettings value) { backgroundJobs = value; return this; }
        public Builder sqlApiStatementsPerUser(int value) { sqlApiStatementsPerUser = value; return this; }
        public Builder jwksAllowedHosts(HostAllowList value) { jwksAllowedHosts = value; return this; }

        public Builder database(String url, String user, String password) {
            databaseUrl = Optional.of(url);
            databaseUser = Optional.of(user);
            databasePassword = Optional.of(password);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(base.host, base.port, base.dataDirectory, base.accountName, databaseUrl,
                    databaseUser, databasePassword, trustedProxies, adminPassword, base.serverKey,
                    base.maximumBodyBytes, resultWait, backgroundJobs, sqlApiStatementsPerUser, jwksAllowedHosts);
        }
    }
}
