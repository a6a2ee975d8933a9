package dev.frostgate.core;

import dev.frostgate.audit.LoginHistory;
import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.ChallengeStage;
import dev.frostgate.auth.ExternalOAuthAuthenticator;
import dev.frostgate.auth.ExternalOAuthTokenValidator;
import dev.frostgate.auth.KeyPairAuthenticator;
import dev.frostgate.auth.LoginOptions;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.PasswordAuthenticator;
import dev.frostgate.auth.ProgrammaticAccessTokenAuthenticator;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.auth.SessionSettings;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.AfterCommitChangeFeed;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.Grants;
import dev.frostgate.catalog.IntegrationTypes;
import dev.frostgate.catalog.NamespaceCatalog;
import dev.frostgate.catalog.NetworkAccess;
import dev.frostgate.catalog.NetworkPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyKind;
import dev.frostgate.catalog.PolicyReferences;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.catalog.RoleCatalog;
import dev.frostgate.catalog.SecurityIntegrationCatalog;
import dev.frostgate.catalog.SecurityIntegrations;
import dev.frostgate.catalog.Transactions;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.change.InProcessChangeFeed;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.crypto.PatSecretCodec;
import dev.frostgate.crypto.SecretGenerator;
import dev.frostgate.crypto.ServerKey;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.exec.StatementExecutor;
import dev.frostgate.store.Database;
import dev.frostgate.store.JdbcAccountParameterRepository;
import dev.frostgate.store.JdbcAuthenticationPolicyRepository;
import dev.frostgate.store.JdbcLoginHistoryRepository;
import dev.frostgate.store.JdbcNamespaceRepository;
import dev.frostgate.store.JdbcNetworkPolicyRepository;
import dev.frostgate.store.JdbcParameterPolicyRepository;
import dev.frostgate.store.JdbcProgrammaticAccessTokenRepository;
import dev.frostgate.store.JdbcRoleRepository;
import dev.frostgate.store.JdbcSecurityIntegrationRepository;
import dev.frostgate.store.JdbcSessionRepository;
import dev.frostgate.store.JdbcTransactions;
import dev.frostgate.store.JdbcUserRepository;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds the core on a store: repositories, catalogs, caches and the change feed they listen to,
 * authenticators and the login pipeline, the statement executor. Everything is wired by constructor
 * here and nowhere else; doors and jobs receive the result as a {@link Core}.
 */
public final class CoreAssembly {
    /**
     * The login's challenge stages, in order, after the role is chosen and before the session opens. None yet:
     * the web sign-in's second factors will be registered here, as authenticators are below.
     */
    private static final List<ChallengeStage> CHALLENGE_STAGES = List.of();

    private CoreAssembly() {}

    /** Bootstraps the administrator on an empty store (a generated password goes to {@code console} once). */
    public static Core build(Database database, CoreSettings settings, Clock clock, SecureRandom random,
                             PrintStream console) {
        return build(database, settings, clock, random, console, CHALLENGE_STAGES);
    }

    /** The same with other challenge stages, for tests of the challenge flow on the real core. */
    public static Core build(Database database, CoreSettings settings, Clock clock, SecureRandom random,
                             PrintStream console, List<ChallengeStage> challengeStages) {
        String account = settings.accountName();
        ServerKey serverKey = ServerKey.load(settings.serverKey(), settings.dataDirectory(), random);
        PasswordHasher passwordHasher = new PasswordHasher(PasswordHasher.OWASP, random);
        SecretGenerator secrets = new SecretGenerator(random);

        Transactions transactions = new JdbcTransactions(database);
        // Every publisher gets the feed through the unit of work, so no cache hears of an uncommitted change.
        ChangeFeed changes = new AfterCommitChangeFeed(new InProcessChangeFeed(), transactions);
        CachePolicy cachePolicy = CachePolicy.of(clock);
        JdbcUserRepository userRepository = new JdbcUserRepository(database);
        JdbcRoleRepository roleRepository = new JdbcRoleRepository(database);
        Grants grants = new Grants(roleRepository, changes, cachePolicy);
        AccessControl accessControl = new AccessControl(grants);
        JdbcNetworkPolicyRepository networkRepository = new JdbcNetworkPolicyRepository(database);
        JdbcAccountParameterRepository accountParameters = new JdbcAccountParameterRepository(database);
        NetworkAccess networkAccess = new NetworkAccess(networkRepository, accountParameters, changes, cachePolicy);
        NetworkPolicyCatalog networkPolicies = new NetworkPolicyCatalog(networkRepository, accountParameters,
                userRepository, networkAccess, accessControl, changes, transactions, clock, account);
        NamespaceCatalog namespaces = new NamespaceCatalog(new JdbcNamespaceRepository(database), accessControl, clock,
                account);
        JdbcAuthenticationPolicyRepository authenticationRepository = new JdbcAuthenticationPolicyRepository(database);
        JdbcSecurityIntegrationRepository integrationRepository = new JdbcSecurityIntegrationRepository(database);
        SecurityIntegrations integrationReads = new SecurityIntegrations(integrationRepository, accountParameters,
                changes, cachePolicy);
        SecurityIntegrationCatalog integrations = new SecurityIntegrationCatalog(integrationRepository,
                IntegrationTypes.builtIn(settings.jwksAllowedHosts()), networkRepository, authenticationRepository,
                accountParameters, changes, transactions, accessControl, roleRepository, clock, account);
        networkPolicies.addReferenceHolder(integrations::integrationUsingNetworkPolicy);
        AuthenticationPolicyCatalog authenticationPolicies = new AuthenticationPolicyCatalog(authenticationRepository,
                userRepository, accessControl, namespaces, changes, transactions, cachePolicy, account,
                integrations::authenticationMethodOf);
        JdbcParameterPolicyRepository parameterPolicyRepository = new JdbcParameterPolicyRepository(database);
        ParameterPolicyCatalog passwordPolicies = new ParameterPolicyCatalog(ParameterPolicyKind.PASSWORD,
                parameterPolicyRepository, authenticationRepository, accessControl, namespaces, changes, transactions,
                cachePolicy, account);
        ParameterPolicyCatalog sessionPolicies = new ParameterPolicyCatalog(ParameterPolicyKind.SESSION,
                parameterPolicyRepository, authenticationRepository, accessControl, namespaces, changes, transactions,
                cachePolicy, account);
        PolicyReferences policyReferences = new PolicyReferences(networkRepository, accountParameters, userRepository,
                authenticationRepository, parameterPolicyRepository, accessControl, account);
        JdbcProgrammaticAccessTokenRepository tokenRepository = new JdbcProgrammaticAccessTokenRepository(database);
        UserCatalog users = new UserCatalog(userRepository, tokenRepository, accessControl, networkPolicies,
                passwordPolicies, passwordHasher, changes, transactions, clock, account);
        RoleCatalog roles = new RoleCatalog(roleRepository, users, namespaces, accessControl, integrations, changes,
                transactions, clock, account);
        AdministratorBootstrap.bootstrap(settings.adminPassword(), users, roles, transactions, passwordHasher, secrets,
                console);

        TokenDigester digester = new TokenDigester(serverKey);
        ProgrammaticAccessTokenCatalog tokens = new ProgrammaticAccessTokenCatalog(
                tokenRepository, users, accessControl, authenticationPolicies, networkAccess,
                new PatSecretCodec(random), digester, changes, transactions, clock, account);
        ProgrammaticAccessTokenUsage tokenUsage = new ProgrammaticAccessTokenUsage(tokenRepository);
        SessionManager sessions = new SessionManager(new JdbcSessionRepository(database), userRepository,
                networkAccess, authenticationPolicies,
                user -> Duration.ofMinutes(sessionPolicies.valueFor(user, "SESSION_IDLE_TIMEOUT_MINS")),
                digester, secrets, SessionSettings.DEFAULTS, changes, cachePolicy);
        LoginHistory loginHistory = new LoginHistory(new JdbcLoginHistoryRepository(database), clock);
        ExternalOAuthTokenValidator oauthTokens = new ExternalOAuthTokenValidator(integrationReads, userRepository,
                account, settings.jwksAllowedHosts(), clock);
        LoginPipeline pipeline = new LoginPipeline(account,
                List.of(new PasswordAuthenticator(userRepository, passwordHasher, passwordPolicies::effectivePolicy,
                        clock), new ProgrammaticAccessTokenAuthenticator(tokens, tokenUsage, userRepository,
                        grants, clock), new KeyPairAuthenticator(userRepository, account, clock),
                        new ExternalOAuthAuthenticator(oauthTokens, grants)), challengeStages,
                userRepository, grants, networkAccess, authenticationPolicies, namespaces, sessions, loginHistory,
                secrets, clock);
        StatementExecutor executor = new StatementExecutor(users, roles, networkPolicies, authenticationPolicies,
                policyReferences, namespaces, List.of(passwordPolicies, sessionPolicies), tokens, tokenUsage,
                accessControl, sessions,
                loginHistory, clock, account, integrations, oauthTokens);
        QueryRegistry queries = new QueryRegistry(settings.sqlApiStatementsPerUser(), clock);
        BearerAuthentication bearers = new BearerAuthentication(account, pipeline, sessions, digester, changes,
                cachePolicy);
        LoginOptions loginOptions = new LoginOptions(account, userRepository, authenticationPolicies);
        return new Core(account, pipeline, loginOptions, sessions, bearers, executor, queries, tokens, changes, clock,
                new Core.Jobs(tokenRepository, tokenUsage));
    }
}
