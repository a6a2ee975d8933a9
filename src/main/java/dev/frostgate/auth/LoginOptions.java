package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Identifier-first login (seed 003): given a user name, the sign-in options the user's effective
 * authentication policy allows — the password form, and one entry per enabled SAML2 integration once
 * integrations exist. An unknown name gets the account's options, so the answer does not reveal
 * whether a user exists.
 */
public final class LoginOptions {
    private final String accountName;
    private final UserRepository users;
    private final AuthenticationPolicyCatalog authenticationPolicies;

    public LoginOptions(String accountName, UserRepository users, AuthenticationPolicyCatalog authenticationPolicies) {
        this.accountName = accountName;
        this.users = users;
        this.authenticationPolicies = authenticationPolicies;
    }

    /** One way to sign in: its type (PASSWORD, SAML2) and, for SSO, the integration that offers it. */
    public record Option(String type, String integration) {}

    /** The account is checked first, as at login: another account's name answers 390201. */
    public List<Option> forLoginName(String account, String loginName) {
        if (!account.equalsIgnoreCase(accountName)) {
            throw new FrostgateException(ErrorCode.ACCOUNT_NOT_FOUND, account.toUpperCase(Locale.ROOT));
        }
        AuthenticationPolicy policy = authenticationPolicies
                .effectivePolicy(users.findByLoginName(loginName)).policy();
        List<Option> options = new ArrayList<>();
        if (policy.allowsMethod(AuthenticationMethod.PASSWORD.policyName())) {
            options.add(new Option("PASSWORD", null));
        }
        return options;
    }
}
