package dev.frostgate.error;

/**
 * The one catalog of errors Frostgate returns, with Snowflake's code, SQLState and message
 * template. Doors (protocol adapters) map an entry to their wire shape; nothing else invents codes.
 */
public enum ErrorCode {
    // SQL compilation and execution
    UNSUPPORTED_FEATURE(ErrorKind.INVALID_INPUT, "000002", "0A000", "Unsupported feature '%s'."),
    SYNTAX_ERROR(ErrorKind.INVALID_INPUT, "001003", "42000", "SQL compilation error:\n%s"),
    INVALID_PROPERTY(ErrorKind.INVALID_INPUT, "001008", "22023",
            "SQL compilation error:\ninvalid property '%s' for '%s'."),
    INVALID_PROPERTY_VALUE(ErrorKind.INVALID_INPUT, "002211", "22023",
            "SQL compilation error:\ninvalid value [%s] for parameter '%s'"),
    VALUE_OUT_OF_RANGE(ErrorKind.INVALID_INPUT, "002211", "22023",
            "SQL compilation error:\ninvalid value [%s] for parameter '%s': parameter "
            + "value out of range, the range is %s to %s"),
    INVALID_RSA_PUBLIC_KEY(ErrorKind.INVALID_INPUT, "002211", "22023",
            "SQL compilation error:\ninvalid value for parameter '%s': %s"),
    INVALID_PROPERTY_VALUE_BECAUSE(ErrorKind.INVALID_INPUT, "002211", "22023",
            "SQL compilation error:\ninvalid value [%s] for parameter "
            + "'%s': %s"),
    DUPLICATE_PROPERTY(ErrorKind.INVALID_INPUT, "001009", "22023", "SQL compilation error:\nduplicate property '%s'"),
    PROPERTY_NOT_FOR_USER_TYPE(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nProperty '%s' is not supported for user with TYPE=%s."),
    MISSING_OPTIONS(ErrorKind.INVALID_INPUT, "001009", "22023", "SQL compilation error:\nMissing option(s): [%s]."),
    MISSING_REQUIRED_PROPERTY(ErrorKind.INVALID_INPUT, "001009", "22023",
            "SQL compilation error:\nMissing required property '%s'."),
    UNCHANGEABLE_PROPERTY(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nThe %s of a %s cannot be changed."),
    MUTUALLY_EXCLUSIVE_PROPERTIES(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\n%s and %s cannot both be set%s."),
    ONE_OF_PROPERTIES_REQUIRED(ErrorKind.INVALID_INPUT, "001009", "22023",
            "SQL compilation error:\n%sOne of %s is required."),
    NETWORK_RULE_NOT_INGRESS(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nNetwork rule '%s' has mode %s; a network policy accepts only INGRESS rules."),
    TOO_MANY_TOKENS(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nUser %s already has the maximum of %s programmatic access tokens."),
    ROLE_RESTRICTION_REQUIRED(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nROLE_RESTRICTION is required for programmatic access tokens of %s users."),
    ROLE_BLOCKED_FOR_TOKENS(ErrorKind.FORBIDDEN, "001009", "22023",
            "SQL compilation error:\nRole %s is blocked for programmatic access tokens by the authentication policy."),
    ROLE_GRANT_CYCLE(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nCannot grant role %s to %s: it would create a cycle in the role hierarchy."),
    OBJECT_ALREADY_EXISTS(ErrorKind.CONFLICT, "002002", "42710", "SQL compilation error:\nObject '%s' already exists."),
    OBJECT_DOES_NOT_EXIST(ErrorKind.NOT_FOUND, "002003", "42S02",
            "SQL compilation error:\n%s '%s' does not exist or not authorized."),
    INVALID_IDENTIFIER(ErrorKind.INVALID_INPUT, "000904", "42000",
            "SQL compilation error: error line 1 at position %s\ninvalid identifier '%s'"),
    UNKNOWN_FUNCTION(ErrorKind.NOT_FOUND, "002140", "42601", "SQL compilation error:\nUnknown function %s"),
    INVALID_ARGUMENT(ErrorKind.INVALID_INPUT, "100035", "22000", "%s"),
    INSUFFICIENT_PRIVILEGES(ErrorKind.FORBIDDEN, "003001", "42501",
            "SQL access control error:\nInsufficient privileges to operate on %s '%s'."),
    TOKEN_SESSION_CANNOT_MANAGE_TOKENS(ErrorKind.FORBIDDEN, "003001", "42501",
            "SQL access control error:\nProgrammatic access tokens "
            + "cannot be modified, rotated or removed in a session authenticated with a programmatic access token."),
    ROLE_FIXED_BY_CREDENTIAL(ErrorKind.FORBIDDEN, "003013", "42501",
            "SQL access control error:\nThis session's credential allows only "
            + "role '%s'; it cannot use role '%s'."),
    SECONDARY_ROLES_FIXED_BY_CREDENTIAL(ErrorKind.FORBIDDEN, "003013", "42501",
            "SQL access control error:\nThis session's credential "
            + "allows only role '%s'; secondary roles cannot be used."),
    ROLE_NOT_ASSIGNED(ErrorKind.FORBIDDEN, "003013", "42501",
            "Requested role '%s' is not assigned to the executing user. Specify another role to activate."),
    PASSWORD_POLICY_VIOLATION(ErrorKind.INVALID_INPUT, "003002", "22023",
            "Password does not meet the password policy requirements: it must contain %s."),
    MALFORMED_PROPERTY_ENTRY(ErrorKind.INVALID_INPUT, "004800", "22023", "%s of '%s' must be %s."),
    POLICY_VALUE_REQUIRES_VALUE(ErrorKind.INVALID_INPUT, "004800", "22023",
            "Authentication policy can not contain %s of '%s' without including '%s' in %s."),
    INTEGRATIONS_WITHOUT_METHOD(ErrorKind.INVALID_INPUT, "004800", "22023", "Authentication policy can not contain "
            + "%s without an authentication method that uses them (SAML, OAUTH or OIDC) in AUTHENTICATION_METHODS."),
    VALUE_ABOVE_OTHER_PROPERTY(ErrorKind.INVALID_INPUT, "004800", "22023", "%s (%s) must be between 1 and %s (%s)."),
    LENGTH_BELOW_REQUIRED(ErrorKind.INVALID_INPUT, "004800", "22023",
            "%s (%s) must be at least %s, the minimum length and character counts the policy requires."),
    TOKENS_NOT_ALLOWED_BY_POLICY(ErrorKind.FORBIDDEN, "004800", "22023",
            "The authentication policy of user %s does not allow programmatic access tokens."),
    NETWORK_POLICY_REQUIRED_FOR_TOKEN(ErrorKind.CONFLICT, "001009", "22023",
            "SQL compilation error:\nUser %s must be governed by a "
            + "network policy to have programmatic access tokens (NETWORK_POLICY_EVALUATION = ENFORCED_REQUIRED)."),
    OBJECT_IN_USE(ErrorKind.CONFLICT, "003554", "55000", "SQL execution error: %s"),
    NETWORK_POLICY_LOCKOUT(ErrorKind.CONFLICT, "090230", "42501",
            "Changes cannot be applied to the network policy %s because current IP address %s is not allowed in it."),
    CANNOT_DROP_SELF(ErrorKind.CONFLICT, "003541", "42601", "SQL execution error: %s"),
    STATEMENT_TOO_LARGE(ErrorKind.INVALID_INPUT, "000603", "XX000", "SQL text exceeds the maximum allowed size."),
    INTERNAL_ERROR(ErrorKind.INTERNAL, "000603", "XX000",
            "SQL execution internal error: Processing aborted due to error %s."),
    STATEMENT_CANCELED(ErrorKind.CONFLICT, "000604", "57014", "SQL execution canceled"),
    STATEMENT_TIMEOUT(ErrorKind.TIMEOUT, "000630", "57014",
            "Statement reached its statement timeout of %s second(s) and was canceled."),
    STATEMENT_NOT_FOUND(ErrorKind.NOT_FOUND, "000709", "02000", "Statement %s not found"),

    // Login (reported over HTTP 200 with success:false by the v1 protocol)
    PAT_INVALID(ErrorKind.AUTHENTICATION, "394400", "08004", "Programmatic access token is invalid."),
    NETWORK_POLICY_REQUIRED(ErrorKind.AUTHENTICATION, "390432", "08004", "Network policy is required."),
    INCORRECT_USERNAME_PASSWORD(ErrorKind.AUTHENTICATION, "390100", "08004",
            "Incorrect username or password was specified."),
    USER_ACCESS_DISABLED(ErrorKind.AUTHENTICATION, "390101", "08004",
            "User access disabled. Contact your local system administrator."),
    USER_LOCKED_TEMP(ErrorKind.AUTHENTICATION, "390102", "08004",
            "User temporarily locked. Contact your local system administrator or please try again later."),
    PASSWORD_EXPIRED(ErrorKind.AUTHENTICATION, "390140", "08004",
            "Your password has expired: it is older than the password policy allows. Ask an administrator to set a new one."),
    USER_EXPIRED(ErrorKind.AUTHENTICATION, "390106", "08004",
            "User access has expired. Contact your local system administrator."),
    ACCOUNT_NOT_FOUND(ErrorKind.AUTHENTICATION, "390201", "08004",
            "The requested account '%s' does not exist on this server."),
    AUTHENTICATOR_NOT_SUPPORTED(ErrorKind.AUTHENTICATION, "390139", "08004",
            "The specified authenticator is not accepted by your Snowflake account configuration. Please contact your local system administrator to get the correct URL to use."),
    INCOMING_IP_BLOCKED(ErrorKind.FORBIDDEN, "390422", "08004",
            "Incoming request with IP/Token %s is not allowed to access Snowflake. Contact your local security administrator."),
    CLIENT_TYPE_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390447", "08004",
            "Authentication attempt rejected by the current authentication policy: client type %s is not allowed."),
    AUTHENTICATION_METHOD_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390447", "08004",
            "Authentication attempt rejected by the current authentication policy: authentication method %s is not allowed."),
    SECURITY_INTEGRATION_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390447", "08004",
            "Authentication attempt rejected by the current authentication policy: security integration %s is not allowed."),
    CLIENT_VERSION_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390447", "08004",
            "Authentication attempt rejected by the current authentication policy: %s version %s is older than the required %s."),
    ROLE_NOT_GRANTED_AT_LOGIN(ErrorKind.AUTHENTICATION, "390189", "08004",
            "Role '%s' specified in the connect string is not granted to this user. Contact your local system administrator, or attempt to login with another role, e.g. PUBLIC."),
    // Key-pair login: the client always sees 390144; the specific entry is what LOGIN_HISTORY and
    // SYSTEM$GET_LOGIN_FAILURE_DETAILS record (Snowflake's names and codes, their descriptions).
    JWT_TOKEN_INVALID(ErrorKind.AUTHENTICATION, "390144", "08004", "JWT token is invalid."),
    JWT_TOKEN_ACCOUNT_MISMATCH(ErrorKind.AUTHENTICATION, "394307", "08004",
            "The Snowflake account obtained from the token is not the same as the account in the request's URL."),
    JWT_TOKEN_INVALID_USER_IN_ISSUER(ErrorKind.AUTHENTICATION, "394300", "08004",
            "The user name specified in the issuer does not exist in the Snowflake account."),
    JWT_TOKEN_MISSING_ISSUE_OR_EXPIRATION_TIME(ErrorKind.AUTHENTICATION, "394301", "08004",
            "The JWT token does not contain an issue time or an expiration time."),
    JWT_TOKEN_INVALID_ISSUE_TIME(ErrorKind.AUTHENTICATION, "394302", "08004",
            "The JWT token's issue time is in the future."),
    JWT_TOKEN_INVALID_EXPIRATION_TIME(ErrorKind.AUTHENTICATION, "394303", "08004",
            "The JWT token is expired, or its lifetime is longer than one hour."),
    JWT_TOKEN_INVALID_PUBLIC_KEY_FINGERPRINT_MISMATCH(ErrorKind.AUTHENTICATION, "394304", "08004",
            "There is a mismatch between the public "
            + "key fingerprint specified in the issuer and the ones stored for the user."),
    JWT_TOKEN_INVALID_ALGORITHM(ErrorKind.AUTHENTICATION, "394305", "08004",
            "The JWT token was not signed with the RS256 algorithm."),
    JWT_TOKEN_INVALID_SIGNATURE(ErrorKind.AUTHENTICATION, "394306", "08004",
            "Snowflake could not verify the signature provided by the JWT token."),
    // Bearer tokens of the SQL API (HTTP 401), reported with a failure uuid (and JWT_TOKEN_INVALID above)
    OAUTH_ACCESS_TOKEN_INVALID(ErrorKind.AUTHENTICATION, "390303", "08004", "Invalid OAuth access token."),
    OAUTH_ACCESS_TOKEN_EXPIRED(ErrorKind.AUTHENTICATION, "390318", "08004", "OAuth access token expired."),
    // External OAuth: the client sees 390303 (390318 for expiry); the specific entry is what LOGIN_HISTORY and
    // SYSTEM$GET_LOGIN_FAILURE_DETAILS record. The codes are unconfirmed; names Snowflake's reference does not list
    // (INTEGRATION_DISABLED, TOKEN_NOT_YET_VALID, USER_NOT_FOUND, USER_AMBIGUOUS, SCOPE_MISSING, ROLE_*, ANY_ROLE_*)
    // are Frostgate's.
    EXTERNAL_OAUTH_JWS_INVALID_FORMAT(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token is not a well-formed signed JWT."),
    EXTERNAL_OAUTH_MISSING_ISSUER(ErrorKind.AUTHENTICATION, "390303", "08004", "The access token has no issuer (iss)."),
    EXTERNAL_OAUTH_ACCESS_TOKEN_ISSUER_NOT_FOUND(ErrorKind.AUTHENTICATION, "390303", "08004",
            "No External OAuth security integration has the access token's issuer."),
    EXTERNAL_OAUTH_INTEGRATION_DISABLED(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The External OAuth security integration is disabled."),
    EXTERNAL_OAUTH_INVALID_SIGNATURE(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token's signature could not be verified (RS256, RS384 or RS512 with a key of the integration)."),
    EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY(ErrorKind.AUTHENTICATION, "390303", "08004",
            "No public key for the access token could be retrieved from the integration's keys URL."),
    EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token's audience (aud) is neither the account URL nor in EXTERNAL_OAUTH_AUDIENCE_LIST."),
    EXTERNAL_OAUTH_TOKEN_NOT_YET_VALID(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token's nbf or iat is in the future."),
    EXTERNAL_OAUTH_USER_CLAIM_MISSING(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token has none of the user mapping claims."),
    EXTERNAL_OAUTH_USER_NOT_FOUND(ErrorKind.AUTHENTICATION, "390303", "08004",
            "No user matches the access token's user mapping claim."),
    EXTERNAL_OAUTH_USER_AMBIGUOUS(ErrorKind.AUTHENTICATION, "390303", "08004",
            "Several users have the email address the access token's user mapping claim names."),
    EXTERNAL_OAUTH_SCOPE_MISSING(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The access token has no session:role scope."),
    EXTERNAL_OAUTH_ROLE_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The scope's role is blocked by the integration or not in its allowed roles."),
    EXTERNAL_OAUTH_ROLE_NOT_GRANTED(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The scope's role is not granted to the user."),
    EXTERNAL_OAUTH_ANY_ROLE_NOT_ALLOWED(ErrorKind.AUTHENTICATION, "390303", "08004",
            "The scope session:role-any is not allowed by EXTERNAL_OAUTH_ANY_ROLE_MODE."),
    ROLE_NOT_ALLOWED_FOR_TOKEN(ErrorKind.AUTHENTICATION, "390186", "08004",
            "Role '%s' specified in the request is not allowed for this programmatic access token."),

    // Session tokens
    SESSION_TOKEN_INVALID(ErrorKind.AUTHENTICATION, "390104", "08004", "User must login again to access the service."),
    SESSION_EXPIRED(ErrorKind.AUTHENTICATION, "390112", "08004", "Your session has expired. Please login again."),
    MASTER_TOKEN_NOT_FOUND(ErrorKind.AUTHENTICATION, "390113", "08004",
            "Master token not found. New login required to access the service."),
    MASTER_TOKEN_EXPIRED(ErrorKind.AUTHENTICATION, "390114", "08004",
            "Authentication token has expired.  The user must authenticate again."),
    MASTER_TOKEN_INVALID(ErrorKind.AUTHENTICATION, "390115", "08004",
            "Master token is invalid. New login required to access the service."),

    // Logins suspended at a challenge (Frostgate's codes, after the HTTP statuses they resemble: 410 Gone, 501)
    LOGIN_FLOW_NOT_FOUND(ErrorKind.AUTHENTICATION, "390410", "08004",
            "This login is no longer waiting for an answer (it expired or was already answered). Please log in again."),
    LOGIN_CHALLENGE_NOT_SUPPORTED(ErrorKind.AUTHENTICATION, "390501", "08004",
            "This login needs a further step (%s) that this client cannot complete. Sign in where it can be shown."),

    // HTTP-level failures reported in the v1 envelope
    REQUEST_FAILED(ErrorKind.INTERNAL, "000603", "XX000", "Internal error; see the server log."),
    NOT_FOUND(ErrorKind.NOT_FOUND, "390404", "08004", "The requested resource was not found."),
    BODY_TOO_LARGE(ErrorKind.INVALID_INPUT, "390413", "08004", "The request body exceeds the maximum allowed size."),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.INVALID_INPUT, "390415", "08004",
            "Unsupported Content-Type '%s'; send application/json."),
    TOO_MANY_STATEMENTS(ErrorKind.RATE_LIMITED, "390429", "08004",
            "Too many statements in flight for user %s (at most %s). Retry when one has finished."),
    MALFORMED_REQUEST(ErrorKind.INVALID_INPUT, "390400", "08004", "The request could not be read: %s");

    private final ErrorKind kind;
    private final String code;
    private final String sqlState;
    private final String template;

    ErrorCode(ErrorKind kind, String code, String sqlState, String template) {
        this.kind = kind;
        this.code = code;
        this.sqlState = sqlState;
        this.template = template;
    }

    public ErrorKind kind() { return kind; }

    public String code() { return code; }

    public String sqlState() { return sqlState; }

    public String format(Object... arguments) {
        return arguments.length == 0 ? template : String.format(template, arguments);
    }
}
