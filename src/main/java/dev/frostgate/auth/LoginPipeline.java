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
import dev.frostgate.crypto.SecretGenerator;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.policy.CompiledNetworkPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The login stages, in Snowflake's order: account → method → the credential read (the user it claims, or, for
 * credentials verified on read, the user it proves) → network policy → authentication policy (client type,
 * client version, method) → credential verification → user state → role → challenge stages → session. Every
 * attempt that ends, passed or refused, is written to the login history; a login suspended at a challenge is
 * written when it is resumed.
 */
public final class LoginPipeline {
    /** How many logins may wait for an answer at once on this node. */
    static final long MAXIMUM_PENDING_LOGINS = 10_000;

    private final String accountName;
    private final Map<AuthenticationMethod, Authenticator<?>> authenticators = new EnumMap<>(AuthenticationMethod.class);
    private final List<ChallengeStage> challenges;
    private final PendingLogins<Suspended> pending;
    private final UserRepository users;
    private final Grants grants;
    private final SessionManager sessions;
    private final LoginHistory history;
    private final NetworkAccess networkAccess;
    private final AuthenticationPolicyCatalog authenticationPolicies;
    private final NamespaceCatalog namespaces;
    private final Clock clock;

    public LoginPipeline(String accountName, List<Authenticator<?>> authenticators, List<ChallengeStage> challenges,
                         UserRepository users, Grants grants, NetworkAccess networkAccess,
                         AuthenticationPolicyCatalog authenticationPolicies, NamespaceCatalog namespaces,
                         SessionManager sessions, LoginHistory history, SecretGenerator secrets, Clock clock) {
        this.networkAccess = networkAccess;
        this.namespaces = namespaces;
        this.authenticationPolicies = authenticationPolicies;
        this.accountName = accountName;
        authenticators.forEach(authenticator -> this.authenticators.put(authenticator.method(), authenticator));
        this.challenges = List.copyOf(challenges);
        this.pending = new PendingLogins<>(secrets, clock, MAXIMUM_PENDING_LOGINS);
        this.users = users;
        this.grants = grants;
        this.sessions = sessions;
        this.history = history;
        this.clock = clock;
    }

    /**
     * A credential that passed every stage: who it is, the primary role, whether secondary roles are
     * on, and the method. A driver login opens a session from it; the SQL API runs one request with it.
     */
    public record Admission(User user, String primaryRole, boolean secondaryRolesAll, AuthenticationMethod method,
                            Session.Origin origin) {}

    /**
     * A login whose credential, policies, user state and role have passed: what the challenge stages judge
     * and what is left to do once they have (the method's own bookkeeping of a successful login).
     */
    private record Verified(Admission admission, Consumer<Instant> succeeded) {}

    /** A login waiting for the answer to the challenge of {@code stage}: what it needs to go on, no secret. */
    private record Suspended(Verified verified, int stage, Challenge.Prompt prompt, Attempted attempted,
                             Session.Context requestedContext) {}

    /** Runs the stages; admitted with a session, challenged by a stage, or refused. */
    public LoginOutcome login(LoginRequest request) {
        Optional<AuthenticationMethod> method = methodOf(request);
        Attempted attempted = new Attempted(request, method);
        try {
            Verified verified = attempt(request, method, ErrorCode.AUTHENTICATOR_NOT_SUPPORTED, attempted);
            return challengeOrAdmit(verified, 0, attempted, request.requestedContext());
        } catch (LoginFailure failure) {
            return new LoginOutcome.Refused(recorded(failure, attempted));
        }
    }

    /**
     * Goes on with a login suspended at a challenge: the answer is judged by the stage that asked, then the
     * remaining stages run (and may ask again, under a new flow id). A flow is taken once, so an answer cannot
     * be replayed; an unknown, expired or already answered flow, or one resumed from another address than the
     * one that started it, is refused with 390410 alike. Unknown flows name no user and are not recorded.
     */
    public LoginOutcome resume(String flowId, ChallengeAnswer answer, LoginRequest.ClientInfo client) {
        Optional<Suspended> taken = pending.take(flowId);
        if (taken.isEmpty()) {
            return new LoginOutcome.Refused(new LoginFailure(ErrorCode.LOGIN_FLOW_NOT_FOUND, Optional.empty()));
        }
        Suspended suspended = taken.get();
        Admission admission = suspended.verified().admission();
        Optional<String> userName = Optional.of(admission.user().name());
        try {
            if (!suspended.attempted().client.ipAddress().equals(client.ipAddress())) {
                throw new LoginFailure(ErrorCode.LOGIN_FLOW_NOT_FOUND, userName);
            }
            challenges.get(suspended.stage()).verify(admission, suspended.prompt(), answer);
            // The user may have been disabled or dropped while the question was open.
            User current = users.find(admission.user().name())
                    .orElseThrow(() -> new LoginFailure(ErrorCode.USER_ACCESS_DISABLED, userName));
            checkUserState(current, clock.instant());
            return challengeOrAdmit(suspended.verified(), suspended.stage() + 1, suspended.attempted(),
                    suspended.requestedContext());
        } catch (LoginFailure failure) {
            return new LoginOutcome.Refused(recorded(failure, suspended.attempted()));
        }
    }

    /** The first stage from {@code firstStage} on that asks suspends the login; if none does, it is admitted. */
    private LoginOutcome challengeOrAdmit(Verified verified, int firstStage, Attempted attempted,
                                          Session.Context requestedContext) {
        for (int stage = firstStage; stage < challenges.size(); stage++) {
            ChallengeStage challenge = challenges.get(stage);
            Optional<Challenge.Prompt> prompt = challenge.challenge(verified.admission(), attempted.client);
            if (prompt.isPresent()) {
                PendingLogins.Hold hold = pending.hold(new Suspended(verified, stage, prompt.get(), attempted,
                        requestedContext), challenge.lifetime());
                return new LoginOutcome.Challenged(new Challenge(hold.flowId(), prompt.get(), hold.expiresAt()));
            }
        }
        Admission admission = complete(verified, attempted);
        IssuedSession issued = sessions.open(admission.user().name(), admission.primaryRole(),
                admission.secondaryRolesAll(), admission.method(), attempted.client, admission.origin(),
                initialContext(requestedContext));
        return new LoginOutcome.Admitted(issued, admission.user());
    }

    /** The login's success, once nothing is left to ask: the user's counters, the method's use, the history. */
    private Admission complete(Verified verified, Attempted attempted) {
        Admission admission = verified.admission();
        Instant now = clock.instant();
        recordSuccess(admission.user(), now);
        verified.succeeded().accept(now);
        history.recordSuccess(attempted.historyAttempt(Optional.of(admission.user().name())));
        return admission;
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
     * The same stages as {@link #login} for a bearer credential of the SQL API, without opening a session;
     * refused with {@link LoginFailure}. A method no authenticator handles yet is refused with
     * {@code invalidCredential} (the method's own "invalid token" error), recorded with a failure uuid like
     * other refusals. A bearer comes with each request and has nobody to show a question to, so a challenge
     * stage that would ask refuses it (390501) instead of being skipped.
     */
    public Admission admitBearer(LoginRequest request, AuthenticationMethod method, ErrorCode invalidCredential) {
        Attempted attempted = new Attempted(request, Optional.of(method));
        try {
            Verified verified = attempt(request, Optional.of(method), invalidCredential, attempted);
            for (ChallengeStage challenge : challenges) {
                Optional<Challenge.Prompt> prompt = challenge.challenge(verified.admission(), request.client());
                if (prompt.isPresent()) {
                    throw new LoginFailure(ErrorCode.LOGIN_CHALLENGE_NOT_SUPPORTED,
                            Optional.of(verified.admission().user().name()), prompt.get().factor());
                }
            }
            return complete(verified, attempted);
        } catch (LoginFailure failure) {
            throw recorded(failure, attempted);
        }
    }

    /** Writes a refusal to the login history; the failure as the client sees it, with its uuid when it has one. */
    private LoginFailure recorded(LoginFailure failure, Attempted attempted) {
        failure.integrationName().ifPresent(name -> attempted.integration = Optional.of(name));
        LoginHistory.Attempt attempt = attempted.historyAttempt(failure.userName().or(() -> attempted.loginName));
        if (!failure.reportedWithFailureId()) {
            history.recordFailure(attempt, failure.recordedCode(), failure.symbolicName());
            return failure;
        }
        String uuid = UUID.randomUUID().toString();
        history.recordFailure(attempt, failure.recordedCode(), failure.symbolicName(), uuid, failure.reason());
        return failure.identifiedBy(uuid);
    }

    /** What a login attempt found out before it ended, for the login history. */
    private static final class Attempted {
        private final LoginRequest.ClientInfo client;
        private final Optional<String> loginName;
        private final String factor;
        private Optional<String> credentialId = Optional.empty();
        private Optional<String> integration = Optional.empty();

        private Attempted(LoginRequest request, Optional<AuthenticationMethod> method) {
            this.client = request.client();
            this.loginName = request.loginName();
            this.factor = method.map(Enum::name).orElse(request.authenticator().orElse("UNKNOWN"));
        }

        private LoginHistory.Attempt historyAttempt(Optional<String> userName) {
            return new LoginHistory.Attempt(userName.map(name -> name.toUpperCase(Locale.ROOT)), client.ipAddress(),
                    client.clientType().name(), client.applicationVersion(), factor, credentialId, integration);
        }
    }

    private Verified attempt(LoginRequest request, Optional<AuthenticationMethod> requestedMethod,
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

    private <C extends Claim> Verified attempt(LoginRequest request, Authenticator<C> authenticator,
                                               Attempted attempted) {
        Optional<C> claim = switch (authenticator) {
            case Authenticator.VerifiedOnRead<C> onRead -> Optional.of(onRead.read(request));
            case Authenticator.VerifiedAfterPolicies<C> afterPolicies -> afterPolicies.identify(request);
        };
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
        switch (authenticator) {
            case Authenticator.VerifiedOnRead<C> onRead -> onRead.authorize(request, claim.orElseThrow(), policy);
            case Authenticator.VerifiedAfterPolicies<C> afterPolicies -> {
                if (claim.isEmpty()) {
                    throw afterPolicies.rejectUnknown(request);
                }
                afterPolicies.verify(request, claim.get(), policy);
            }
        }
        C verified = claim.orElseThrow();
        User user = verified.user();
        checkUserState(user, clock.instant());
        Optional<String> restriction = verified.restrictedRole();
        String role = restriction.isPresent() ? restrictedRole(restriction.get(), request.requestedRole(), user)
                : primaryRole(user, request.requestedRole());
        authenticator.admitRole(verified, role);
        Admission admission = new Admission(user, role,
                verified.secondaryRolesAllowed() && user.defaultSecondaryRoles() == User.DefaultSecondaryRoles.ALL,
                authenticator.method(), new Session.Origin(verified.credentialId(), RoleSwitching.of(verified),
                        integrationPolicy));
        return new Verified(admission, at -> authenticator.succeeded(verified, at));
    }

    /** Disabled and expired users are told so only after their credential was verified. */
    private static void checkUserState(User user, Instant now) {
        Optional<String> userName = Optional.of(user.name());
        if (user.disabled()) {
            throw new LoginFailure(ErrorCode.USER_ACCESS_DISABLED, userName);
        }
        if (user.isExpired(now)) {
            throw new LoginFailure(ErrorCode.USER_EXPIRED, userName);
        }
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
}
