package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.UserRepository;
import java.util.ArrayList;
import java.util.List;

/**
 * Identifier-first login (seed 003): given a user name, the sign-in options the user's effective
 * authentication policy allows — the password form, and one entry per enabled SAML2 integration once
 * integrations exist. An unknown name gets the account's options, so the answer does not reveal
 * whether a user exists.
 */
public final class LoginOptions {
    private final UserRepository users;
    private final AuthenticationPolicyCatalog authenticationPolicies;

    public LoginOptions(UserRepository users, AuthenticationPolicyCatalog authenticationPolicies) {
        this.users = users;
        this.authenticationPolicies = authenticationPolicies;
    }

    /** One way to sign in: its type (PASSWORD, SAML2) and, for SSO, the integration that offers it. */
    public record Option(String type, String integration) {}

    public List<Option> forLoginName(String loginName) {
        AuthenticationPolicy policy = authenticationPolicies
                .effectivePolicy(users.findByLoginName(loginName)).policy();
        List<Option> options = new ArrayList<>();
        if (policy.allowsMethod(AuthenticationMethod.PASSWORD.policyName())) {
            options.add(new Option("PASSWORD", null));
        }
        return options;
    }
}
