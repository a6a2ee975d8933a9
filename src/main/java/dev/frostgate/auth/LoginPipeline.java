package dev.frostgate.auth;

import dev.frostgate.audit.LoginHistory;
import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.Grants;
import dev.frostgate.catalog.Namespace;
import dev.frostgate.catalog.NamespaceCatalog;
import dev.frostgate.catalog.NetworkAccess;
import dev.frostgate.catalog.RoleHierarchy;
import dev.frostgate.catalog.SystemRoles;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.crypto.PatSecretCodec;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.policy.CompiledNetworkPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The login stages, in Snowflake's order: account → method → the user the credential claims →
 * network policy → authentication policy (client type, client version, method) → credential
 * verification → user state → role → session. Every attempt, passed or refused, is written to the
 * login history.
 */
public final class LoginPipeline {
    private final String accountName;
    private final Map<AuthenticationMethod, Authenticator<?>> authenticators = new EnumMap<>(AuthenticationMethod.class);
    private final UserRepository users;
    private final Grants grants;
    private final SessionManager sessions;
    private final LoginHistory history;
    private final NetworkAccess networkAccess;
    private final AuthenticationPolicyCatalog authenticationPolicies;
    private final NamespaceCatalog namespaces;
    private final Clock clock;

    public LoginPipeline(String accountName, List<Authenticator<?>> authenticators, UserRepository users,
                         Grants grants, NetworkAccess networkAccess,
                         AuthenticationPolicyCatalog authenticationPolicies, NamespaceCatalog namespaces,
                         SessionManager sessions, LoginHistory history, Clock clock) {
        this.networkAccess = networkAccess;
        this.namespaces = namespaces;
        this.authenticationPolicies = authenticationPolicies;
        this.accountName = accountName;
        authenticators.forEach(authenticator -> this.authenticators.put(authenticator.method(), authenticator));
        this.users = users;
        this.grants = grants;
        this.sessions = sessions;
        this.history = history;
        this.clock = clock;
    }

    /** A successful login: the session and the user it belongs to. */
    public record LoginResult(IssuedSession issued, User user) {}

    /**
     * A credential that passed every stage: who it is, the primary role, whether secondary roles are
     * on, and the method. A driver login opens a session from it; the SQL API runs one request with it.
     */
    public record Admission(User user, String primaryRole, boolean secondaryRolesAll, AuthenticationMethod method,
                            Session.Origin origin) {}

    public LoginResult login(LoginRequest request) {
        Admission admission = admit(request, methodOf(request), ErrorCode.AUTHENTICATOR_NOT_SUPPORTED);
        IssuedSession issued = sessions.open(admission.user().name(), admission.primaryRole(),
                admission.secondaryRolesAll(), admission.method(), request.client(), admission.origin(),
                initialContext(request.requestedContext()));
        return new LoginResult(issued, admission.user());
    }

    /**
     * The session's first database, schema and warehouse, from the connect string as Snowflake applies it: names
     * follow identifier rules, a database or schema that does not exist is left out rather than failing the login,
     * a database alone starts in its default schema (PUBLIC), and any warehouse name is taken (none are stored).
     */
    private Session.Context initialContext(Session.Context requested) {
        Namespace.Current namespace = namespaces.initialNamespace(connectStringName(requested.database()),
                connectStringName(requested.schema()));
        return new Session.Context(namespace.database(), namespace.schema(),
                connectStringName(requested.warehouse()));
    }

    private static Optional<String> connectStringName(Optional<String> raw) {
        return raw.filter(name -> !name.isBlank()).map(LoginPipeline::identifier);
    }

    /**
     * The same stages as {@link #login} for a bearer credential of the SQL API, without opening a
     * session. A method no authenticator handles yet is refused with {@code invalidCredential} (the
     * method's own "invalid token" error), recorded with a failure uuid like other refusals.
     */
    public Admission admitBearer(LoginRequest request, AuthenticationMethod method, ErrorCode invalidCredential) {
        return admit(request, Optional.of(method), invalidCredential);
    }

    private Admission admit(LoginRequest request, Optional<AuthenticationMethod> method, ErrorCode unsupported) {
        String factor = method.map(Enum::name).orElse(request.authenticator().orElse("UNKNOWN"));
        Attempted attempted = new Attempted();
        try {
            Admission admission = attempt(request, method, unsupported, attempted);
            history.recordSuccess(attempt(request, Optional.of(admission.user().name()), factor, attempted));
            return admission;
        } catch (LoginFailure failure) {
            failure.integrationName().ifPresent(name -> attempted.integration = Optional.of(name));
            LoginHistory.Attempt attempt = attempt(request, failure.userName().or(request::loginName), factor,
                    attempted);
            if (!failure.reportedWithFailureId()) {
                history.recordFailure(attempt, failure.recordedCode(), failure.symbolicName());
                throw failure;
            }
            String uuid = java.util.UUID.randomUUID().toString();
            history.recordFailure(attempt, failure.recordedCode(), failure.symbolicName(), uuid, failure.reason());
            throw failure.identifiedBy(uuid);
        }
    }

    /** What a login attempt found out before it ended, for the login history. */
    private static final class Attempted {
        private Optional<String> credentialId = Optional.empty();
        private Optional<String> integration = Optional.empty();
    }

    private Admission attempt(LoginRequest request, Optional<AuthenticationMethod> requestedMethod,
                              ErrorCode unsupported, Attempted attempted) {
        if (!request.accountName().equalsIgnoreCase(accountName)) {
            throw new LoginFailure(ErrorCode.ACCOUNT_NOT_FOUND, Optional.empty(),
                    request.accountName().toUpperCase(Locale.ROOT));
        }
        Authenticator<?> authenticator = requestedMethod.map(authenticators::get).orElseThrow(
                () -> unsupported == ErrorCode.AUTHENTICATOR_NOT_SUPPORTED
                        ? new LoginFailure(unsupported, Optional.empty())
                        : LoginFailure.withDetails(unsupported, Optional.empty()));
        return attempt(request, authenticator, attempted);
    }

    private <C extends Claim> Admission attempt(LoginRequest request, Authenticator<C> authenticator,
                                                Attempted attempted) {
        Optional<C> claim = authenticator.identify(request);
        attempted.credentialId = claim.flatMap(Claim::credentialId);
        attempted.integration = claim.flatMap(Claim::integrationName);
        Optional<User> claimed = claim.map(Claim::user);
        Optional<String> integrationPolicy = claim.flatMap(Claim::networkPolicy);
        AuthenticationPolicy policy = authenticationPolicies.effectivePolicy(claimed).policy();
        NetworkEvaluation evaluation = claim.map(found -> authenticator.networkEvaluation(found, policy))
                .orElse(NetworkEvaluation.ENFORCED);
        checkNetwork(evaluation, claimed, integrationPolicy, request.client().ipAddress());
        AuthenticationPolicyCheck.check(policy, authenticator.method(), request.client(), claimed,
                attempted.integration);
        if (claim.isEmpty()) {
            throw authenticator.rejectUnknown(request);
        }
        User user = claim.get().user();
        authenticator.verify(request, claim.get(), policy);
        Instant now = clock.instant();
        Optional<String> userName = Optional.of(user.name());
        if (user.disabled()) {
            throw new LoginFailure(ErrorCode.USER_ACCESS_DISABLED, userName);
        }
        if (user.isExpired(now)) {
            throw new LoginFailure(ErrorCode.USER_EXPIRED, userName);
        }
        Optional<String> restriction = claim.get().restrictedRole();
        String role = restriction.isPresent() ? restrictedRole(restriction.get(), request.requestedRole(), user)
                : primaryRole(user, request.requestedRole());
        authenticator.admitRole(claim.get(), role);
        recordSuccess(user, now);
        Admission admission = new Admission(user, role,
                claim.get().secondaryRolesAllowed() && user.defaultSecondaryRoles() == User.DefaultSecondaryRoles.ALL,
                authenticator.method(), new Session.Origin(claim.get().credentialId(), RoleSwitching.of(claim.get()),
                        integrationPolicy));
        authenticator.succeeded(claim.get(), now);
        return admission;
    }

    /**
     * Clears the failure count and sets LAST_SUCCESS_LOGIN, which is kept to the second: a user whose row already
     * says so is not written again, so a service user logging in from many clients at once does not queue on its
     * own row lock (a write per login was a tenth of a JWT login's time).
     */
    private void recordSuccess(User user, Instant now) {
        boolean current = user.failedLoginAttempts() == 0 && user.lockedUntil().isEmpty()
                && user.lastSuccessLogin().filter(last -> sameSecond(last, now)).isPresent();
        if (!current) {
            users.recordLoginOutcome(user.name(), new UserRepository.LoginOutcome(0, Optional.empty(),
                    Optional.of(now)));
        }
    }

    private static boolean sameSecond(Instant first, Instant second) {
        return first.getEpochSecond() == second.getEpochSecond();
    }

    /** A credential restricted to one role allows only that role; asking for another is refused. */
    private static String restrictedRole(String restriction, Optional<String> requestedRole, User user) {
        Optional<String> requested = connectStringName(requestedRole);
        if (requested.isPresent() && !requested.get().equals(restriction)) {
            throw new LoginFailure(ErrorCode.ROLE_NOT_ALLOWED_FOR_TOKEN, Optional.of(user.name()), requested.get());
        }
        return restriction;
    }

    /** The network stage: runs before the credential is verified, so a blocked address cannot try credentials. */
    private void checkNetwork(NetworkEvaluation evaluation, Optional<User> claimed, Optional<String> integrationPolicy,
                              String address) {
        if (evaluation == NetworkEvaluation.NOT_ENFORCED) {
            return;
        }
        Optional<CompiledNetworkPolicy> policy = networkAccess.effectivePolicy(claimed, integrationPolicy);
        if (policy.isEmpty() && evaluation == NetworkEvaluation.REQUIRED) {
            throw new LoginFailure(ErrorCode.NETWORK_POLICY_REQUIRED, claimed.map(User::name));
        }
        if (policy.isPresent() && !policy.get().admits(address)) {
            throw new LoginFailure(ErrorCode.INCOMING_IP_BLOCKED, claimed.map(User::name), address);
        }
    }

    /**
     * A password that is a well-formed PAT is a PAT login, as Snowflake accepts a PAT in place of the
     * password; so is {@code AUTHENTICATOR=OAUTH} with {@code OAUTH_TYPE=PROGRAMMATIC_ACCESS_TOKEN}.
     */
    private static Optional<AuthenticationMethod> methodOf(LoginRequest request) {
        Optional<AuthenticationMethod> named = AuthenticationMethod.fromAuthenticator(request.authenticator());
        boolean tokenAsPassword = named.equals(Optional.of(AuthenticationMethod.PASSWORD))
                && request.password().filter(PatSecretCodec::isWellFormed).isPresent();
        boolean tokenAsOauthType = named.equals(Optional.of(AuthenticationMethod.OAUTH_ACCESS_TOKEN))
                && request.oauthType().filter(type -> type.trim().equalsIgnoreCase(
                        AuthenticationMethod.PROGRAMMATIC_ACCESS_TOKEN.name())).isPresent();
        return tokenAsPassword || tokenAsOauthType ? Optional.of(AuthenticationMethod.PROGRAMMATIC_ACCESS_TOKEN)
                : named;
    }

    /** The connect-string role if granted (else refused), then DEFAULT_ROLE if granted, then PUBLIC. */
    private String primaryRole(User user, Optional<String> requestedRole) {
        RoleHierarchy hierarchy = grants.current().hierarchy();
        Optional<String> requested = connectStringName(requestedRole);
        if (requested.isPresent()) {
            if (!hierarchy.isGrantedToUser(requested.get(), user.name())) {
                throw new LoginFailure(ErrorCode.ROLE_NOT_GRANTED_AT_LOGIN, Optional.of(user.name()), requested.get());
            }
            return requested.get();
        }
        return user.defaultRole().filter(role -> hierarchy.isGrantedToUser(role, user.name()))
                .orElse(SystemRoles.PUBLIC);
    }

    /** The connect string follows identifier rules: quoted names keep their case, others are upper-cased. */
    private static String identifier(String raw) {
        String trimmed = raw.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    private static LoginHistory.Attempt attempt(LoginRequest request, Optional<String> userName, String factor,
                                                Attempted attempted) {
        return new LoginHistory.Attempt(userName.map(name -> name.toUpperCase(Locale.ROOT)),
                request.client().ipAddress(), request.client().clientType().name(),
                request.client().applicationVersion(), factor, attempted.credentialId, attempted.integration);
    }
}
