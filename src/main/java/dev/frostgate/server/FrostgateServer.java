package dev.frostgate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.core.Core;
import dev.frostgate.core.CoreAssembly;
import dev.frostgate.exec.StatementExecutor;
import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.jobs.ExpiredTokenCleanup;
import dev.frostgate.jobs.ExpiryEventDelivery;
import dev.frostgate.jobs.JobScheduler;
import dev.frostgate.jobs.TokenExpiryNotifier;
import dev.frostgate.jobs.TokenMetrics;
import dev.frostgate.jobs.TokenUsageFlush;
import dev.frostgate.jobs.WebhookDelivery;
import dev.frostgate.protocol.Door;
import dev.frostgate.protocol.v1.DriverDoor;
import dev.frostgate.protocol.v2.SqlApiDoor;
import dev.frostgate.store.Database;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server: the core ({@link CoreAssembly}) on its store, the doors on Jetty, and the background jobs;
 * starts them and stops them all again.
 */
public final class FrostgateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrostgateServer.class);
    public static final String SERVER_VERSION = StatementExecutor.SERVER_VERSION;
    public static final String ADMIN_USER = Core.ADMIN_USER;

    private final Database database;
    private final Core core;
    private final Server jetty;
    private final JobScheduler jobs;
    private final Optional<WebhookDelivery> webhook;
    private final TokenUsageFlush tokenUsageFlush;

    private FrostgateServer(Database database, Core core, Server jetty, JobScheduler jobs,
                            Optional<WebhookDelivery> webhook, TokenUsageFlush tokenUsageFlush) {
        this.tokenUsageFlush = tokenUsageFlush;
        this.database = database;
        this.core = core;
        this.jetty = jetty;
        this.jobs = jobs;
        this.webhook = webhook;
    }

    /**
     * Opens the store, bootstraps the administrator on an empty store (printing a generated password
     * once to {@code console}, never to the log), and starts serving.
     */
    public static FrostgateServer start(ServerConfig config, Clock clock, PrintStream console) throws Exception {
        SecureRandom random = new SecureRandom();
        Database database = Database.open(config.databaseSettings());
        try {
            return assemble(config, clock, console, random, database);
        } catch (Exception | Error failure) {
            database.close();
            throw failure;
        }
    }

    private static FrostgateServer assemble(ServerConfig config, Clock clock, PrintStream console, SecureRandom random,
                                            Database database) throws Exception {
        Core core = CoreAssembly.build(database, config.coreSettings(), clock, random, console);
        TokenMetrics tokenMetrics = new TokenMetrics();
        Router router = new Router(new ObjectMapper(), new ClientAddressResolver(config.trustedProxies()),
                config.maximumBodyBytes());
        router.route("GET", "/healthz", HealthEndpoints.alive())
                .route("GET", "/readyz", HealthEndpoints.ready(database::isReachable))
                .route("GET", "/metrics", new MetricsEndpoint(tokenMetrics));
        for (Door door : List.of(new DriverDoor(config.resultWait(), SERVER_VERSION),
                new SqlApiDoor(config.resultWait()))) {
            door.install(core, router);
        }

        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("frostgate-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server jetty = new Server(threads);
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        jetty.setHandler(router);
        BackgroundJobSettings jobSettings = config.backgroundJobs();
        Optional<WebhookDelivery> webhook = jobSettings.webhook().map(WebhookDelivery::new);
        Core.Jobs work = core.jobs();
        TokenUsageFlush tokenUsageFlush = new TokenUsageFlush(work.tokenUsage());
        JobScheduler jobs = new JobScheduler(List.of(tokenUsageFlush,
                new ExpiredTokenCleanup(work.tokenStore(), tokenMetrics, clock),
                new TokenExpiryNotifier(work.tokenStore(), core.accountName(), jobSettings.notifyExpiryDays(),
                        webhook.map(ExpiryEventDelivery.class::cast), tokenMetrics, clock)), jobSettings.interval());
        try {
            jetty.start();
        } catch (Exception failure) {
            webhook.ifPresent(WebhookDelivery::close);
            throw failure;
        }
        LOG.info("Frostgate listening on http://{}:{} for account {}", config.host(), connector.getLocalPort(),
                core.accountName());
        jobs.start();
        return new FrostgateServer(database, core, jetty, jobs, webhook, tokenUsageFlush);
    }

    /** The token-use times since the last scheduled flush; a failure must not keep the store open. */
    private void writeLastTokenUses() {
        try {
            tokenUsageFlush.runOnce();
        } catch (RuntimeException failure) {
            LOG.warn("could not record the last token use times at shutdown: {}", failure.getMessage());
        }
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The pipeline behind every login door, for benchmarks that measure logins without HTTP. */
    public LoginPipeline loginPipeline() {
        return core.logins();
    }

    /** The background jobs, which tests run by hand after moving their clock. */
    public JobScheduler backgroundJobs() {
        return jobs;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try {
            jobs.close();
            webhook.ifPresent(WebhookDelivery::close);
            jetty.stop();
        } finally {
            writeLastTokenUses();
            core.close();
            database.close();
        }
    }
}
