package dev.frostgate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.audit.LoginHistory;
import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.LoginOptions;
import dev.frostgate.auth.ExternalOAuthAuthenticator;
import dev.frostgate.auth.ExternalOAuthTokenValidator;
import dev.frostgate.auth.KeyPairAuthenticator;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.PasswordAuthenticator;
import dev.frostgate.auth.ProgrammaticAccessTokenAuthenticator;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.auth.SessionSettings;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.NetworkAccess;
import dev.frostgate.catalog.NamespaceCatalog;
import dev.frostgate.catalog.NetworkPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyKind;
import dev.frostgate.catalog.PolicyReferences;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.catalog.IntegrationTypes;
import dev.frostgate.catalog.RoleCatalog;
import dev.frostgate.catalog.SecurityIntegrationCatalog;
import dev.frostgate.catalog.SecurityIntegrations;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.crypto.PatSecretCodec;
import dev.frostgate.crypto.SecretGenerator;
import dev.frostgate.crypto.ServerKey;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.exec.StatementExecutor;
import dev.frostgate.jobs.BackgroundJobSettings;
import dev.frostgate.jobs.ExpiredTokenCleanup;
import dev.frostgate.jobs.ExpiryEventDelivery;
import dev.frostgate.jobs.JobScheduler;
import dev.frostgate.jobs.TokenExpiryNotifier;
import dev.frostgate.jobs.TokenMetrics;
import dev.frostgate.jobs.TokenUsageFlush;
import dev.frostgate.jobs.WebhookDelivery;
import dev.frostgate.protocol.v1.LoginEndpoint;
import dev.frostgate.protocol.v1.LoginOptionsEndpoint;
import dev.frostgate.protocol.v1.QueryEndpoints;
import dev.frostgate.protocol.v1.SessionEndpoints;
import dev.frostgate.protocol.v2.LeakedTokenEndpoint;
import dev.frostgate.protocol.v2.StatementEndpoints;
import dev.frostgate.store.Database;
import dev.frostgate.store.JdbcAccountParameterRepository;
import dev.frostgate.store.JdbcSecurityIntegrationRepository;
import dev.frostgate.store.JdbcAuthenticationPolicyRepository;
import dev.frostgate.store.JdbcNetworkPolicyRepository;
import dev.frostgate.store.JdbcParameterPolicyRepository;
import dev.frostgate.store.JdbcProgrammaticAccessTokenRepository;
import dev.frostgate.store.JdbcLoginHistoryRepository;
import dev.frostgate.store.JdbcNamespaceRepository;
import dev.frostgate.store.JdbcRoleRepository;
import dev.frostgate.store.JdbcSessionRepository;
import dev.frostgate.store.JdbcUserRepository;
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

/** The composition root: builds every part by constructor, starts Jetty, and stops it all again. */
public final class FrostgateServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FrostgateServer.class);
    public static final String SERVER_VERSION = "9.0.0";
    public static final String ADMIN_USER = "ADMIN";

    private final Database database;
    private final QueryRegistry queries;
    private final Server jetty;
    private final JobScheduler jobs;
    private final Optional<WebhookDelivery> webhook;
    private final TokenUsageFlush tokenUsageFlush;
    private final LoginPipeline logins;

    private FrostgateServer(Database database, QueryRegistry queries, Server jetty, JobScheduler jobs,
                            Optional<WebhookDelivery> webhook, TokenUsageFlush tokenUsageFlush, LoginPipeline logins) {
        this.logins = logins;
        this.tokenUsageFlush = tokenUsageFlush;
        this.database = database;
        this.queries = queries;
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
        String account = config.accountName();
        ServerKey serverKey = ServerKey.load(config.serverKey(), config.dataDirectory(), random);
        PasswordHasher passwordHasher = new PasswordHasher(PasswordHasher.OWASP, random);
        SecretGenerator secrets = new SecretGenerator(random);

        JdbcUserRepository userRepository = new JdbcUserRepository(database);
        JdbcRoleRepository roleRepository = new JdbcRoleRepository(database);
        AccessControl accessControl = new AccessControl(roleRepository);
        JdbcNetworkPolicyRepository networkRepository = new JdbcNetworkPolicyRepository(database);
        JdbcAccountParameterRepository accountParameters = new JdbcAccountParameterRepository(database);
        NetworkAccess networkAccess = new NetworkAccess(networkRepository, accountParameters);
        NetworkPolicyCatalog networkPolicies = new NetworkPolicyCatalog(networkRepository, accountParameters,
                userRepository, networkAccess, accessControl, clock, account);
        NamespaceCatalog namespaces = new NamespaceCatalog(new JdbcNamespaceRepository(database), accessControl, clock,
                account);
        JdbcAuthenticationPolicyRepository authenticationRepository = new JdbcAuthenticationPolicyRepository(database);
        JdbcSecurityIntegrationRepository integrationRepository = new JdbcSecurityIntegrationRepository(database);
        SecurityIntegrations integrationReads = new SecurityIntegrations(integrationRepository, accountParameters);
        SecurityIntegrationCatalog integrations = new SecurityIntegrationCatalog(integrationRepository,
                IntegrationTypes.builtIn(config.jwksAllowedHosts()), networkRepository, authenticationRepository,
                accountParameters, integrationReads, accessControl, roleRepository, clock, account);
        networkPolicies.addReferenceHolder(integrations::integrationUsingNetworkPolicy);
        AuthenticationPolicyCatalog authenticationPolicies = new AuthenticationPolicyCatalog(authenticationRepository,
                userRepository, accessControl, namespaces, clock, account, integrations::authenticationMethodOf);
        JdbcParameterPolicyRepository parameterPolicyRepository = new JdbcParameterPolicyRepository(database);
        ParameterPolicyCatalog passwordPolicies = new ParameterPolicyCatalog(ParameterPolicyKind.PASSWORD,
                parameterPolicyRepository, authenticationRepository, accessControl, namespaces, clock, account);
        ParameterPolicyCatalog sessionPolicies = new ParameterPolicyCatalog(ParameterPolicyKind.SESSION,
                parameterPolicyRepository, authenticationRepository, accessControl, namespaces, clock, account);
        PolicyReferences policyReferences = new PolicyReferences(networkRepository, accountParameters, userRepository,
                authenticationRepository, parameterPolicyRepository, accessControl, account);
        JdbcProgrammaticAccessTokenRepository tokenRepository = new JdbcProgrammaticAccessTokenRepository(database);
        UserCatalog users = new UserCatalog(userRepository, tokenRepository, accessControl, networkPolicies,
                passwordPolicies, passwordHasher, clock, account);
        users.addListener(authenticationPolicies);
        RoleCatalog roles = new RoleCatalog(roleRepository, users, namespaces, accessControl, integrations, clock,
                account);
        bootstrapAdministrator(config, users, roles, passwordHasher, secrets, console);

        TokenDigester digester = new TokenDigester(serverKey);
        ProgrammaticAccessTokenCatalog tokens = new ProgrammaticAccessTokenCatalog(
                tokenRepository, users, accessControl, authenticationPolicies, networkAccess,
                new PatSecretCodec(random), digester, clock);
        ProgrammaticAccessTokenUsage tokenUsage = new ProgrammaticAccessTokenUsage(tokenRepository);
        SessionManager sessions = new SessionManager(new JdbcSessionRepository(database), userRepository,
                networkAccess, authenticationPolicies, user -> java.time.Duration.ofMinutes(sessionPolicies.effectivePolicy(user)
                        .map(policy -> policy.value("SESSION_IDLE_TIMEOUT_MINS"))
                        .orElse(ParameterPolicyKind.SESSION.parameter("SESSION_IDLE_TIMEOUT_MINS").orElseThrow()
                                .defaultValue())),
                digester, secrets, SessionSettings.DEFAULTS, clock);
        users.addListener(sessions);
        LoginHistory loginHistory = new LoginHistory(new JdbcLoginHistoryRepository(database), clock);
        ExternalOAuthTokenValidator oauthTokens = new ExternalOAuthTokenValidator(integrationReads, userRepository,
                account, config.jwksAllowedHosts(), clock);
        LoginPipeline pipeline = new LoginPipeline(account,
                List.of(new PasswordAuthenticator(userRepository, passwordHasher, passwordPolicies::effectivePolicy,
                        clock), new ProgrammaticAccessTokenAuthenticator(tokens, tokenUsage, userRepository,
                        roleRepository, clock), new KeyPairAuthenticator(userRepository, account, clock),
                        new ExternalOAuthAuthenticator(oauthTokens, roleRepository)),
                userRepository, roleRepository, networkAccess, authenticationPolicies, namespaces, sessions,
                loginHistory, clock);
        StatementExecutor executor = new StatementExecutor(users, roles, networkPolicies, authenticationPolicies,
                policyReferences, namespaces, List.of(passwordPolicies, sessionPolicies), tokens, tokenUsage,
                accessControl, sessions,
                loginHistory, clock, account, integrations, oauthTokens);
        QueryRegistry queries = new QueryRegistry(config.sqlApiStatementsPerUser(), clock);
        BearerAuthentication bearers = new BearerAuthentication(account, pipeline, sessions, digester);
        users.addListener(bearers);
        tokens.addListener(bearers);
        tokens.addLeakListener(sessions::endSessionsOpenedWith);
        StatementEndpoints statementEndpoints = new StatementEndpoints(bearers, executor, queries,
                config.resultWait());
        TokenMetrics tokenMetrics = new TokenMetrics();

        ObjectMapper json = new ObjectMapper();
        QueryEndpoints queryEndpoints = new QueryEndpoints(sessions, executor, queries, config.resultWait());
        SessionEndpoints sessionEndpoints = new SessionEndpoints(sessions);
        Router router = new Router(json, new ClientAddressResolver(config.trustedProxies()), config.maximumBodyBytes())
                .route("GET", "/healthz", HealthEndpoints.alive())
                .route("GET", "/readyz", HealthEndpoints.ready(database::isReachable))
                .route("GET", "/metrics", new MetricsEndpoint(tokenMetrics))
                .route("POST", "/session/v1/login-request", new LoginEndpoint(pipeline, SessionSettings.DEFAULTS,
                        SERVER_VERSION))
                .route("POST", "/session/v1/login-options", new LoginOptionsEndpoint(
                        new LoginOptions(userRepository, authenticationPolicies), account))
                .route("POST", "/queries/v1/query-request", queryEndpoints.queryRequest())
                .route("GET", QueryEndpoints::isResultPath, queryEndpoints.result())
                .route("POST", "/queries/v1/abort-request", sessionEndpoints.abortRequest())
                .route("POST", "/session/token-request", sessionEndpoints.tokenRequest())
                .route("POST", "/session", sessionEndpoints.session())
                .route("POST", "/session/heartbeat", sessionEndpoints.heartbeat())
                .route("POST", "/telemetry/send", sessionEndpoints.telemetry())
                .route("POST", "/api/v2/statements", statementEndpoints.submit())
                .route("GET", StatementEndpoints::isStatusPath, statementEndpoints.status())
                .route("POST", StatementEndpoints::isCancelPath, statementEndpoints.cancel())
                .route("POST", "/api/v2/leaked-tokens", new LeakedTokenEndpoint(bearers, tokens));

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
        TokenUsageFlush tokenUsageFlush = new TokenUsageFlush(tokenUsage);
        JobScheduler jobs = new JobScheduler(List.of(tokenUsageFlush,
                new ExpiredTokenCleanup(tokenRepository, tokenMetrics, clock),
                new TokenExpiryNotifier(tokenRepository, account, jobSettings.notifyExpiryDays(),
                        webhook.map(ExpiryEventDelivery.class::cast), tokenMetrics, clock)), jobSettings.interval());
        try {
            jetty.start();
        } catch (Exception failure) {
            webhook.ifPresent(WebhookDelivery::close);
            throw failure;
        }
        LOG.info("Frostgate listening on http://{}:{} for account {}", config.host(), connector.getLocalPort(),
                account);
        jobs.start();
        return new FrostgateServer(database, queries, jetty, jobs, webhook, tokenUsageFlush, pipeline);
    }

    private static void bootstrapAdministrator(ServerConfig config, UserCatalog users, RoleCatalog roles,
                                               PasswordHasher hasher, SecretGenerator secrets, PrintStream console) {
        if (!users.isEmpty()) {
            return;
        }
        boolean generated = config.adminPassword().filter(password -> !password.isEmpty()).isEmpty();
        String password = config.adminPassword().filter(value -> !value.isEmpty())
                .orElseGet(() -> secrets.strongPassword(24));
        users.createBootstrapAdministrator(ADMIN_USER, hasher.hash(password));
        roles.grantBootstrapRole(ADMIN_USER);
        if (generated) {
            console.println("Created user ADMIN with role ACCOUNTADMIN. Its generated password, shown only now: "
                    + password);
        } else {
            LOG.info("Created user ADMIN with role ACCOUNTADMIN; password from FROSTGATE_ADMIN_PASSWORD");
        }
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
        return logins;
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
            queries.close();
            database.close();
        }
    }
}
