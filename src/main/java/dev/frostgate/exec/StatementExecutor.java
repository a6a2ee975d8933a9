package dev.frostgate.exec;

import dev.frostgate.audit.LoginHistory;
import dev.frostgate.auth.ExternalOAuthTokenValidator;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.AccountSettings;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.NamespaceCatalog;
import dev.frostgate.catalog.NetworkPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyCatalog;
import dev.frostgate.catalog.PolicyReferences;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.catalog.RoleCatalog;
import dev.frostgate.catalog.SecurityIntegrationCatalog;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.QualifiedName;
import dev.frostgate.sql.SqlParser;
import dev.frostgate.sql.SqlSyntaxException;
import dev.frostgate.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL text and a session in, a result table out: parses, then hands each statement family to its handler. */
public final class StatementExecutor {
    /** The Snowflake version Frostgate reports: CURRENT_VERSION() and the drivers' login response. */
    public static final String SERVER_VERSION = "9.0.0";
    /** Statements longer than this are refused before parsing. */
    public static final int MAXIMUM_STATEMENT_LENGTH = 1_000_000;

    private final UserStatements userStatements;
    private final RoleStatements roleStatements;
    private final SessionStatements sessionStatements;
    private final QueryEngine queryEngine;
    private final AccountStatements accountStatements;
    private final ProgrammaticAccessTokenStatements tokenStatements;
    /** Who handles CREATE / ALTER / DROP / DESCRIBE / SHOW of each generic object kind. */
    private final Map<Statement.ObjectType, ObjectStatements> objects = new EnumMap<>(Statement.ObjectType.class);
    /** Who handles ALTER ACCOUNT | USER SET / UNSET of each kind of policy. */
    private final Map<Statement.PolicyKind, ObjectStatements> policies = new EnumMap<>(Statement.PolicyKind.class);
    private final RoleCatalog roles;
    private final NetworkPolicyCatalog networkPolicies;
    private final AuthenticationPolicyCatalog authenticationPolicies;
    private final List<ParameterPolicyCatalog> parameterPolicies;

    public StatementExecutor(UserCatalog users, RoleCatalog roles, NetworkPolicyCatalog networkPolicies,
                             AuthenticationPolicyCatalog authenticationPolicies, PolicyReferences policyReferences,
                             NamespaceCatalog namespaces, List<ParameterPolicyCatalog> parameterPolicies,
                             ProgrammaticAccessTokenCatalog tokens, ProgrammaticAccessTokenUsage tokenUsage,
                             AccessControl accessControl,
                             SessionManager sessions, LoginHistory loginHistory, Clock clock, String accountName,
                             SecurityIntegrationCatalog integrations, ExternalOAuthTokenValidator oauthTokens) {
        this.tokenStatements = new ProgrammaticAccessTokenStatements(tokens, clock);
        this.roles = roles;
        this.networkPolicies = networkPolicies;
        this.authenticationPolicies = authenticationPolicies;
        this.parameterPolicies = parameterPolicies;
        PolicyTargets policyTargets = new PolicyTargets(users);
        AuthenticationPolicyStatements authenticationPolicyStatements = new AuthenticationPolicyStatements(
                authenticationPolicies, users, policyTargets);
        ParameterPolicyStatements parameterPolicyStatements = new ParameterPolicyStatements(parameterPolicies,
                policyTargets);
        NetworkStatements networkStatements = new NetworkStatements(networkPolicies);
        NamespaceStatements namespaceStatements = new NamespaceStatements(namespaces);
        objects.put(Statement.ObjectType.DATABASE, namespaceStatements);
        objects.put(Statement.ObjectType.SCHEMA, namespaceStatements);
        objects.put(Statement.ObjectType.NETWORK_RULE, networkStatements);
        objects.put(Statement.ObjectType.NETWORK_POLICY, networkStatements);
        objects.put(Statement.ObjectType.AUTHENTICATION_POLICY, authenticationPolicyStatements);
        objects.put(Statement.ObjectType.PASSWORD_POLICY, parameterPolicyStatements);
        objects.put(Statement.ObjectType.SESSION_POLICY, parameterPolicyStatements);
        objects.put(Statement.ObjectType.SECURITY_INTEGRATION, new SecurityIntegrationStatements(integrations));
        policies.put(Statement.PolicyKind.AUTHENTICATION, authenticationPolicyStatements);
        policies.put(Statement.PolicyKind.PASSWORD, parameterPolicyStatements);
        policies.put(Statement.PolicyKind.SESSION, parameterPolicyStatements);
        this.accountStatements = new AccountStatements(new AccountSettings(networkPolicies, integrations));
        this.userStatements = new UserStatements(users, clock);
        this.roleStatements = new RoleStatements(roles, accountName);
        this.sessionStatements = new SessionStatements(sessions, accessControl, namespaces);
        ScalarFunctions functions = new ScalarFunctions(accessControl, loginHistory, tokens,
                new ExternalOAuthTokenVerification(oauthTokens, accessControl), clock, accountName);
        this.queryEngine = new QueryEngine(List.of(new LoginHistoryView(loginHistory, accessControl, accountName),
                new CredentialsView(tokens, tokenUsage, users::all, accessControl, clock, accountName)),
                new PolicyReferencesFunction(policyReferences), functions);
    }

    public ResultTable execute(SessionContext context, String sql) {
        if (sql == null || sql.isBlank()) {
            throw new FrostgateException(ErrorCode.SYNTAX_ERROR, "Empty SQL statement.");
        }
        if (sql.length() > MAXIMUM_STATEMENT_LENGTH) {
            throw new FrostgateException(ErrorCode.STATEMENT_TOO_LARGE);
        }
        Statement statement;
        try {
            statement = SqlParser.parse(sql);
        } catch (SqlSyntaxException syntax) {
            throw new FrostgateException(ErrorCode.SYNTAX_ERROR, syntax.getMessage());
        }
        return execute(context, statement);
    }

    /**
     * Sets the session's database, schema and warehouse as {@code USE DATABASE / SCHEMA / WAREHOUSE} would, for
     * doors that take them with the request (the SQL API's database, schema and warehouse fields).
     */
    public void useContext(SessionContext context, Optional<String> database, Optional<String> schema,
                           Optional<String> warehouse) {
        database.ifPresent(name -> sessionStatements.useObject(context, new Statement.UseObject("DATABASE", name)));
        schema.ifPresent(name -> sessionStatements.useObject(context, new Statement.UseObject("SCHEMA", name)));
        warehouse.filter(name -> !name.isBlank())
                .ifPresent(name -> sessionStatements.useObject(context, new Statement.UseObject("WAREHOUSE", name)));
    }

    /** GRANT OWNERSHIP on a policy or network rule: the new owner must be an existing role. */
    private ResultTable transferPolicyOwnership(SessionContext context, Statement.GrantOwnership grant) {
        roles.requireExisting(grant.role());
        QualifiedName name = new QualifiedName(java.util.List.of(grant.on().name().orElseThrow().split("\\.")));
        switch (grant.on().kind()) {
            case "NETWORK_RULE" -> networkPolicies.rules().transfer(context.actor(), SqlProperties.name(name),
                    grant.role());
            case "NETWORK_POLICY" -> networkPolicies.policies().transfer(context.actor(), SqlProperties.name(name),
                    grant.role());
            case "AUTHENTICATION_POLICY" -> authenticationPolicies.objects().transfer(context.actor(),
                    SqlProperties.name(name),
                    grant.role());
            case "PASSWORD_POLICY", "SESSION_POLICY" -> parameterPolicies.stream()
                    .filter(catalog -> grant.on().kind().startsWith(catalog.kind().name())).findFirst().orElseThrow()
                    .objects().transfer(context.actor(), SqlProperties.name(name), grant.role());
            default -> throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "GRANT OWNERSHIP ON "
                    + grant.on().kind());
        }
        return ResultTable.success();
    }

    private ObjectStatements objects(Statement.ObjectType type) {
        return objects.getOrDefault(type, ObjectStatements.NONE);
    }

    private ResultTable execute(SessionContext context, Statement statement) {
        return switch (statement) {
            case Statement.CreateUser create -> userStatements.create(context, create);
            case Statement.AlterUserSet alter -> userStatements.alterSet(context, alter);
            case Statement.AlterUserUnset alter -> userStatements.alterUnset(context, alter);
            case Statement.AlterUserRename rename -> userStatements.rename(context, rename);
            case Statement.DropUser drop -> userStatements.drop(context, drop);
            case Statement.DescribeUser describe -> userStatements.describe(context, describe);
            case Statement.ShowUsers show -> userStatements.show(context, show);
            case Statement.CreateRole create -> roleStatements.create(context, create);
            case Statement.DropRole drop -> roleStatements.drop(context, drop);
            case Statement.ShowRoles show -> roleStatements.show(context, show);
            case Statement.GrantRole grant -> roleStatements.grantRole(context, grant);
            case Statement.RevokeRole revoke -> roleStatements.revokeRole(context, revoke);
            case Statement.GrantPrivileges grant -> roleStatements.grantPrivileges(context, grant);
            case Statement.RevokePrivileges revoke -> roleStatements.revokePrivileges(context, revoke);
            case Statement.GrantOwnership grant when grant.on().kind().endsWith("_POLICY")
                    || grant.on().kind().equals("NETWORK_RULE") -> transferPolicyOwnership(context, grant);
            case Statement.GrantOwnership grant -> roleStatements.grantOwnership(context, grant);
            case Statement.ShowGrants show -> roleStatements.showGrants(context, show);
            case Statement.UseRole use -> sessionStatements.useRole(context, use);
            case Statement.UseSecondaryRoles use -> sessionStatements.useSecondaryRoles(context, use);
            case Statement.UseObject use -> sessionStatements.useObject(context, use);
            case Statement.AlterSessionSet alter -> sessionStatements.alterSession();
            case Statement.AlterSessionUnset alter -> sessionStatements.alterSession();
            case Statement.Begin begin -> sessionStatements.transaction();
            case Statement.Commit commit -> sessionStatements.transaction();
            case Statement.Rollback rollback -> sessionStatements.transaction();
            case Statement.Select select -> queryEngine.execute(context, select.query());
            case Statement.AddProgrammaticAccessToken add -> tokenStatements.add(context, add);
            case Statement.RemoveProgrammaticAccessToken remove -> tokenStatements.remove(context, remove);
            case Statement.ModifyProgrammaticAccessToken modify -> tokenStatements.modify(context, modify);
            case Statement.RotateProgrammaticAccessToken rotate -> tokenStatements.rotate(context, rotate);
            case Statement.ShowProgrammaticAccessTokens show -> tokenStatements.show(context, show);
            case Statement.CreateObject create -> objects(create.type()).create(context, create);
            case Statement.AlterObjectSet alter -> objects(alter.type()).alterSet(context, alter);
            case Statement.AlterObjectUnset alter -> objects(alter.type()).alterUnset(context, alter);
            case Statement.AlterObjectRename rename -> objects(rename.type()).rename(context, rename);
            case Statement.AlterObjectListChange change -> objects(change.type()).changeList(context, change);
            case Statement.DropObject drop -> objects(drop.type()).drop(context, drop);
            case Statement.DescribeObject describe -> objects(describe.type()).describe(context, describe);
            case Statement.ShowObjects show -> objects(show.type()).show(context, show);
            case Statement.SetPolicy set -> policies.get(set.kind()).setPolicy(context, set);
            case Statement.UnsetPolicy unset -> policies.get(unset.kind()).unsetPolicy(context, unset);
            case Statement.AlterAccountSet alter -> accountStatements.set(context, alter);
            case Statement.AlterAccountUnset alter -> accountStatements.unset(context, alter);
        };
    }
}
