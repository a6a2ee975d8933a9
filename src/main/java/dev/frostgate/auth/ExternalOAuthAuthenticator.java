package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.ExternalOAuthIntegration;
import dev.frostgate.catalog.Grants;
import dev.frostgate.catalog.GrantsSnapshot;
import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.RoleHierarchy;
import dev.frostgate.catalog.SystemRoles;
import dev.frostgate.catalog.User;
import dev.frostgate.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * External OAuth login: {@code AUTHENTICATOR=OAUTH} with an access token in TOKEN (and SQL API bearers of
 * type OAUTH). The token is validated while the user is identified, since the integration its verified issuer
 * names decides which network policy applies (the integration's beats the user's and the account's) and an
 * unverified token names nobody. The scopes are judged after the policies: {@code session:role:R} makes R the
 * primary role (granted, not blocked, within the allowed roles), {@code session:role-any} the user's usual
 * role when EXTERNAL_OAUTH_ANY_ROLE_MODE allows it. Secondary roles stay available, as Snowflake allows them
 * with External OAuth.
 */
public final class ExternalOAuthAuthenticator
        implements Authenticator.VerifiedOnRead<ExternalOAuthAuthenticator.ExternalOAuthClaim> {
    /** A user named by a validated token, with the scope it asks for. */
    public record ExternalOAuthClaim(User user, ExternalOAuthIntegration integration, TokenScope scope)
            implements Claim {
        @Override
        public Optional<String> restrictedRole() {
            return scope.role();
        }

        @Override
        public boolean secondaryRolesAllowed() {
            return true;
        }

        @Override
        public Optional<String> integrationName() {
            return Optional.of(integration.name());
        }

        @Override
        public Optional<String> networkPolicy() {
            return integration.networkPolicy();
        }
    }

    private final ExternalOAuthTokenValidator validator;
    private final Grants grants;

    public ExternalOAuthAuthenticator(ExternalOAuthTokenValidator validator, Grants grants) {
        this.validator = validator;
        this.grants = grants;
    }

    @Override
    public AuthenticationMethod method() {
        return AuthenticationMethod.OAUTH_ACCESS_TOKEN;
    }

    /** Validates the token; a token that does not verify or names no user is refused here. */
    @Override
    public ExternalOAuthClaim read(LoginRequest request) {
        ExternalOAuthTokenValidator.ValidatedToken token = validator.validate(request.token().orElse(""));
        return new ExternalOAuthClaim(token.user(), token.integration(),
                TokenScope.of(token.claims(), token.integration()));
    }

    /** The scope, judged after the policies: a role it names, or the user's usual role when the mode allows it. */
    @Override
    public void authorize(LoginRequest request, ExternalOAuthClaim claim, AuthenticationPolicy policy) {
        TokenScope scope = claim.scope();
        if (scope.role().isEmpty() && !scope.anyRole()) {
            throw refusal(claim, ErrorCode.EXTERNAL_OAUTH_SCOPE_MISSING);
        }
        GrantsSnapshot snapshot = grants.current();
        RoleHierarchy hierarchy = snapshot.hierarchy();
        if (scope.role().isPresent()) {
            String role = scope.role().get();
            admitRole(claim, role);
            if (!role.equals(SystemRoles.PUBLIC) && !hierarchy.isGrantedToUser(role, claim.user().name())) {
                throw refusal(claim, ErrorCode.EXTERNAL_OAUTH_ROLE_NOT_GRANTED);
            }
            return;
        }
        String mode = claim.integration().anyRoleMode();
        boolean allowed = mode.equals("ENABLE")
                || mode.equals("ENABLE_FOR_PRIVILEGE") && holdsUseAnyRole(snapshot, claim);
        if (!allowed) {
            throw refusal(claim, ErrorCode.EXTERNAL_OAUTH_ANY_ROLE_NOT_ALLOWED);
        }
    }

    /** PUBLIC is always allowed; other roles must not be blocked and, with an allow-list, must be on it. */
    @Override
    public void admitRole(ExternalOAuthClaim claim, String role) {
        if (role.equals(SystemRoles.PUBLIC)) {
            return;
        }
        Set<String> allowedRoles = claim.integration().allowedRoles();
        if (claim.integration().blockedRoles().contains(role)
                || !allowedRoles.isEmpty() && !allowedRoles.contains(role)) {
            throw refusal(claim, ErrorCode.EXTERNAL_OAUTH_ROLE_NOT_ALLOWED);
        }
    }

    /** ENABLE_FOR_PRIVILEGE: a role available to the user holds USE_ANY_ROLE on the integration. */
    private boolean holdsUseAnyRole(GrantsSnapshot snapshot, ExternalOAuthClaim claim) {
        List<String> holders = snapshot.rolesHolding(Privilege.USE_ANY_ROLE, ObjectKind.INTEGRATION,
                claim.integration().name());
        return !holders.isEmpty() && snapshot.hierarchy().availableRolesOf(claim.user().name()).stream()
                .anyMatch(holders::contains);
    }

    private static LoginFailure refusal(ExternalOAuthClaim claim, ErrorCode reason) {
        return LoginFailure.withReason(ErrorCode.OAUTH_ACCESS_TOKEN_INVALID, reason, Optional.of(claim.user().name()))
                .inIntegration(claim.integration().name());
    }
}
