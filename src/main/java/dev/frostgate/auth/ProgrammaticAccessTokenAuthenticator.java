package dev.frostgate.auth;

import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.RoleHierarchy;
import dev.frostgate.catalog.RoleRepository;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.error.ErrorCode;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Login with a programmatic access token: {@code AUTHENTICATOR=PROGRAMMATIC_ACCESS_TOKEN} with the
 * secret in TOKEN (LOGIN_NAME optional), or the secret given as the password. The token names its
 * user; a LOGIN_NAME, when given, must be that user's. Every refusal is 394400, whatever the reason.
 */
public final class ProgrammaticAccessTokenAuthenticator implements Authenticator {
    private final ProgrammaticAccessTokenCatalog tokens;
    private final UserRepository users;
    private final RoleRepository roles;
    private final Clock clock;

    public ProgrammaticAccessTokenAuthenticator(ProgrammaticAccessTokenCatalog tokens, UserRepository users,
                                                RoleRepository roles, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.roles = roles;
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
    public Optional<User> identify(LoginRequest request) {
        Optional<User> owner = secret(request).flatMap(tokens::findBySecret)
                .flatMap(token -> users.find(token.userName()));
        if (owner.isPresent() && request.loginName().filter(name -> !name.isBlank()).isPresent()
                && !owner.get().loginName().equalsIgnoreCase(request.loginName().get().toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return owner;
    }

    @Override
    public LoginFailure rejectUnknown(LoginRequest request) {
        return new LoginFailure(ErrorCode.PAT_INVALID, request.loginName());
    }

    @Override
    public void verify(LoginRequest request, User user) {
        ProgrammaticAccessToken token = token(request).orElseThrow(
                () -> new LoginFailure(ErrorCode.PAT_INVALID, Optional.of(user.name())));
        if (!"ACTIVE".equals(token.status(clock.instant()))) {
            throw new LoginFailure(ErrorCode.PAT_INVALID, Optional.of(user.name()));
        }
        // A revoked restricted role stops the token (the current documented behaviour).
        if (token.roleRestriction().isPresent()
                && !new RoleHierarchy(roles.roleGrants()).isGrantedToUser(token.roleRestriction().get(), user.name())) {
            throw new LoginFailure(ErrorCode.PAT_INVALID, Optional.of(user.name()));
        }
    }

    @Override
    public Optional<String> restrictedRole(LoginRequest request) {
        return token(request).flatMap(ProgrammaticAccessToken::roleRestriction);
    }

    private Optional<ProgrammaticAccessToken> token(LoginRequest request) {
        return secret(request).flatMap(tokens::findBySecret);
    }
}
