package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.Grants;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.catalog.UserType;
import dev.frostgate.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Login with a programmatic access token: {@code AUTHENTICATOR=PROGRAMMATIC_ACCESS_TOKEN} with the
 * secret in TOKEN (LOGIN_NAME optional), or the secret given as the password. The token names its
 * user; a LOGIN_NAME, when given, must be that user's. The token is looked up once per login, by the
 * keyed digest of the secret. Every refusal of the token itself is 394400, whatever the reason.
 */
public final class ProgrammaticAccessTokenAuthenticator
        implements Authenticator.VerifiedAfterPolicies<ProgrammaticAccessTokenAuthenticator.TokenClaim> {

    /** A user named by one of its tokens. */
    public record TokenClaim(User user, ProgrammaticAccessToken token) implements Claim {
        @Override
        public Optional<String> credentialId() {
            return Optional.of(token.id());
        }

        @Override
        public Optional<String> restrictedRole() {
            return token.roleRestriction();
        }
    }

    private final ProgrammaticAccessTokenCatalog tokens;
    private final ProgrammaticAccessTokenUsage usage;
    private final UserRepository users;
    private final Grants grants;
    private final Clock clock;

    public ProgrammaticAccessTokenAuthenticator(ProgrammaticAccessTokenCatalog tokens,
                                                ProgrammaticAccessTokenUsage usage, UserRepository users,
                                                Grants grants, Clock clock) {
        this.tokens = tokens;
        this.usage = usage;
        this.users = users;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public AuthenticationMethod method() {
        return AuthenticationMethod.PROGRAMMATIC_ACCESS_TOKEN;
    }

    /** The secret: TOKEN, or the password when a PAT is given in its place. */
    static Optional<String> secret(LoginRequest request) {
        return request.token().filter(token -> !token.isBlank()).or(request::password);
    }

    @Override
    public Optional<TokenClaim> identify(LoginRequest request) {
        Optional<TokenClaim> claim = secret(request).flatMap(tokens::findBySecret)
                .flatMap(token -> users.find(token.userName()).map(user -> new TokenClaim(user, token)));
        Optional<String> loginName = request.loginName().filter(name -> !name.isBlank());
        if (claim.isPresent() && loginName.isPresent()
                && !claim.get().user().loginName().equalsIgnoreCase(loginName.get())) {
            return Optional.empty();
        }
        return claim;
    }

    @Override
    public LoginFailure rejectUnknown(LoginRequest request) {
        return new LoginFailure(ErrorCode.PAT_INVALID, request.loginName());
    }

    /**
     * NETWORK_POLICY_EVALUATION: ENFORCED_REQUIRED needs a policy (for PERSON users, unless the token's
     * MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT is running, which never lifts a policy that exists),
     * ENFORCED_NOT_REQUIRED enforces one if it applies, NOT_ENFORCED skips network policies.
     */
    @Override
    public NetworkEvaluation networkEvaluation(TokenClaim claim, AuthenticationPolicy policy) {
        AuthenticationPolicy.PatPolicy patPolicy = policy.patPolicy();
        if (!patPolicy.enforcesNetworkPolicy()) {
            return NetworkEvaluation.NOT_ENFORCED;
        }
        boolean bypassing = claim.user().type() == UserType.PERSON
                && claim.token().bypassesNetworkPolicyRequirement(clock.instant());
        return patPolicy.requiresNetworkPolicy() && !bypassing ? NetworkEvaluation.REQUIRED
                : NetworkEvaluation.ENFORCED;
    }

    /**
     * The token must be ACTIVE and still satisfy the PAT policy as it is now: a lowered
     * MAX_EXPIRY_IN_DAYS, a role restriction that became required, or a restricted role that was
     * blocked or revoked all stop tokens issued before the change.
     */
    @Override
    public void verify(LoginRequest request, TokenClaim claim, AuthenticationPolicy policy) {
        ProgrammaticAccessToken token = claim.token();
        User user = claim.user();
        AuthenticationPolicy.PatPolicy patPolicy = policy.patPolicy();
        Optional<String> restriction = token.roleRestriction();
        boolean valid = "ACTIVE".equals(token.status(clock.instant()))
                && token.lifetime().compareTo(Duration.ofDays(patPolicy.maxExpiryInDays())) <= 0
                && (restriction.isPresent() || !patPolicy.requiresRoleRestriction(user.type()))
                && restriction.map(role -> !patPolicy.blockedRolesList().contains(role)
                        && grants.current().hierarchy().isGrantedToUser(role, user.name())).orElse(true);
        if (!valid) {
            throw new LoginFailure(ErrorCode.PAT_INVALID, Optional.of(user.name()));
        }
    }

    @Override
    public void succeeded(TokenClaim claim, Instant at) {
        usage.used(claim.token().id(), at);
    }
}
