package dev.frostgate;

import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.jobs.WebhookSettings;
import dev.frostgate.policy.HostAllowList;
import dev.frostgate.server.FrostgateServer;
import dev.frostgate.server.ServerConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The command line: {@code frostgate serve} and {@code frostgate version}. */
@Command(name = "frostgate", mixinStandardHelpOptions = true, versionProvider = Frostgate.Version.class,
        subcommands = {Frostgate.Serve.class, Frostgate.PrintVersion.class, Frostgate.WarmUpCommand.class},
        description = "A self-hostable authentication server implementing Snowflake's security model.")
public final class Frostgate implements Runnable {

    public static void main(String[] arguments) {
        System.exit(new CommandLine(new Frostgate()).execute(arguments));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
            description = "Start the server. Every option can also be set with its environment variable.")
    static final class Serve implements Callable<Integer> {
        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "Address to listen on (FROSTGATE_HOST). Default: ${DEFAULT-VALUE}.")
        String host;

        @Option(names = "--port", defaultValue = "8080",
                description = "Port to listen on (FROSTGATE_PORT). Default: ${DEFAULT-VALUE}.")
        int port;

        @Option(names = "--data-dir", defaultValue = "./data",
                description = "Directory for the embedded database and the server key (FROSTGATE_DATA_DIR). "
                        + "Default: ${DEFAULT-VALUE}.")
        Path dataDirectory;

        @Option(names = "--account", defaultValue = "frostgate",
                description = "The account name clients must log into (FROSTGATE_ACCOUNT). Default: ${DEFAULT-VALUE}.")
        String account;

        @Option(names = "--db-url",
                description = "JDBC URL of an external database, e.g. jdbc:postgresql://host/db (FROSTGATE_DB_URL). "
                        + "Default: embedded H2 in the data directory.")
        String databaseUrl;

        @Option(names = "--db-user", description = "Database user (FROSTGATE_DB_USER).")
        String databaseUser;

        @Option(names = "--db-password",
                description = "Database password (FROSTGATE_DB_PASSWORD; prefer the variable over the option).")
        String databasePassword;

        @Option(names = "--trusted-proxies", split = ",",
                description = "Comma-separated proxy addresses whose X-Forwarded-For is believed "
                        + "(FROSTGATE_TRUSTED_PROXIES). Default: none.")
        String[] trustedProxies;

        @Option(names = "--max-body-bytes", defaultValue = "4194304",
                description = "Largest accepted request body, after gunzip (FROSTGATE_MAX_BODY_BYTES). "
                        + "Default: ${DEFAULT-VALUE}.")
        int maximumBodyBytes;

        @Option(names = "--result-wait-seconds", defaultValue = "45",
                description = "How long a query request waits for its statement before answering "
                        + "'in progress' (FROSTGATE_RESULT_WAIT_SECONDS). Default: ${DEFAULT-VALUE}.")
        int resultWaitSeconds;

        @Option(names = "--jobs-interval-seconds", defaultValue = "300",
                description = "How often the background jobs (token clean-up, expiry notices, token gauges) run "
                        + "(FROSTGATE_JOBS_INTERVAL_SECONDS; 0: never). Default: ${DEFAULT-VALUE}.")
        int jobsIntervalSeconds;

        @Option(names = "--notify-expiry-days", defaultValue = "7", split = ",",
                description = "Days before expiry at which a programmatic access token is announced, "
                        + "comma-separated, e.g. 7,1 (FROSTGATE_NOTIFY_EXPIRY_DAYS). Default: ${DEFAULT-VALUE}.")
        List<Integer> notifyExpiryDays;

        @Option(names = "--notify-webhook",
                description = "URL that receives each expiry notice as a JSON POST (FROSTGATE_NOTIFY_WEBHOOK). "
                        + "Default: notices are only logged.")
        URI notifyWebhook;

        @Option(names = "--sql-api-statements-per-user", defaultValue = "16",
                description = "How many SQL API statements one user may have running at once; more are "
                        + "answered 429 (FROSTGATE_SQL_API_STATEMENTS_PER_USER). Default: ${DEFAULT-VALUE}.")
        int sqlApiStatementsPerUser;

        @Option(names = "--jwks-allowed-hosts", split = ",",
                description = "Hosts whose External OAuth JWKS URLs the server may fetch, comma-separated: names, "
                        + "*.domain for every name below it, IP addresses or CIDR blocks, e.g. login.example.com,"
                        + "*.okta.com (FROSTGATE_JWKS_ALLOWED_HOSTS). Other hosts are refused when an integration "
                        + "names them and never contacted. Default: every host.")
        List<String> jwksAllowedHosts;

        @Override
        public Integer call() throws Exception {
            ServerConfig config = config(System::getenv);
            FrostgateServer server = FrostgateServer.start(config, Clock.systemUTC(), System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (Exception ignored) {
                    // The process is ending either way.
                }
            }));
            server.join();
            return 0;
        }

        /**
         * The configuration the options give; the administrator's password and the server key come only from
         * {@code environment} (FROSTGATE_ADMIN_PASSWORD, FROSTGATE_SERVER_KEY), never from the command line.
         */
        ServerConfig config(Function<String, String> environment) {
            return new ServerConfig(host, port, dataDirectory, account, Optional.ofNullable(databaseUrl),
                    Optional.ofNullable(databaseUser), Optional.ofNullable(databasePassword),
                    trustedProxies == null ? Set.of()
                            : Arrays.stream(trustedProxies).map(String::trim).filter(value -> !value.isEmpty())
                                    .collect(Collectors.toUnmodifiableSet()),
                    Optional.ofNullable(environment.apply("FROSTGATE_ADMIN_PASSWORD")),
                    Optional.ofNullable(environment.apply("FROSTGATE_SERVER_KEY")), maximumBodyBytes,
                    Duration.ofSeconds(resultWaitSeconds), backgroundJobs(), sqlApiStatementsPerUser,
                    jwksAllowedHosts());
        }

        BackgroundJobSettings backgroundJobs() {
            BackgroundJobSettings settings = new BackgroundJobSettings(Duration.ofSeconds(jobsIntervalSeconds),
                    notifyExpiryDays, Optional.empty());
            return notifyWebhook == null || notifyWebhook.toString().isBlank() ? settings : settings.withWebhook(WebhookSettings.defaults(notifyWebhook));
        }

        /** The --jwks-allowed-hosts list; a malformed entry is an IllegalArgumentException naming the option. */
        HostAllowList jwksAllowedHosts() {
            try {
                return jwksAllowedHosts == null ? HostAllowList.EVERY_HOST : HostAllowList.of(jwksAllowedHosts);
            } catch (IllegalArgumentException malformed) {
                throw new IllegalArgumentException("--jwks-allowed-hosts: " + malformed.getMessage(), malformed);
            }
        }
    }

    @Command(name = "warm-up", hidden = true,
            description = "Start a throw-away server, log in once, and stop (used by the launcher).")
    static final class WarmUpCommand implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            dev.frostgate.server.WarmUp.run();
            return 0;
        }
    }

    @Command(name = "version", description = "Print the version.")
    static final class PrintVersion implements Runnable {
        @Override
        public void run() {
            System.out.println("frostgate " + Version.VERSION);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        static final String VERSION = "0.1.0";

        @Override
        public String[] getVersion() {
            return new String[] {"frostgate " + VERSION};
        }
    }
}
