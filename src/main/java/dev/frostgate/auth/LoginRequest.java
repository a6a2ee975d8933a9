package dev.frostgate.auth;

import java.util.Optional;

/**
 * A login attempt in domain terms, whatever door it came through. {@code password} and
 * {@code token} are secrets: this record's toString never prints them. {@code requestedContext} is the
 * connect string's database, schema and warehouse as sent (identifier rules not applied yet).
 */
public record LoginRequest(
        String accountName,
        Optional<String> loginName,
        Optional<String> authenticator,
        Optional<String> password,
        Optional<String> token,
        Optional<String> requestedRole,
        ClientInfo client,
        Optional<String> oauthType,
        Session.Context requestedContext) {

    /**
     * A request without OAUTH_TYPE, which only the OAUTH authenticator's PAT form sends, and without a database,
     * schema or warehouse (the SQL API names them per statement).
     */
    public LoginRequest(String accountName, Optional<String> loginName, Optional<String> authenticator,
                        Optional<String> password, Optional<String> token, Optional<String> requestedRole,
                        ClientInfo client) {
        this(accountName, loginName, authenticator, password, token, requestedRole, client, Optional.empty(),
                Session.Context.NONE);
    }

    /** What the client says about itself and where it connects from (the address is not its claim). */
    public record ClientInfo(String ipAddress, Optional<String> applicationId, Optional<String> applicationVersion,
                             Optional<ClientType> declaredType) {
        /** A client known only by what it reports (the drivers). */
        public ClientInfo(String ipAddress, Optional<String> applicationId, Optional<String> applicationVersion) {
            this(ipAddress, applicationId, applicationVersion, Optional.empty());
        }

        /** The door's own type when it declares one (the SQL API), else what CLIENT_APP_ID reports. */
        public ClientType clientType() {
            return declaredType.orElseGet(() -> ClientType.fromApplicationId(applicationId));
        }
    }

    @Override
    public String toString() {
        return "LoginRequest[account=" + accountName + ", loginName=" + loginName.orElse(null) + ", authenticator="
                + authenticator.orElse(null) + ", client=" + client + ", context=" + requestedContext + "]";
    }
}
