package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.AuthenticationPolicyCatalog;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** CREATE / ALTER / DROP / DESCRIBE / SHOW AUTHENTICATION POLICY, and attaching one with ALTER ACCOUNT / USER. */
final class AuthenticationPolicyStatements implements ObjectStatements {
    private static final List<Column> SHOW_COLUMNS = List.of(Column.timestamp("created_on"), Column.text("name"),
            Column.text("database_name"), Column.text("schema_name"), Column.text("kind"), Column.text("owner"),
            Column.text("comment"), Column.text("owner_role_type"), Column.text("options"), Column.text("set_on"));
    private static final List<Column> DESCRIBE_COLUMNS = List.of(Column.text("property"), Column.text("value"),
            Column.text("default"), Column.text("description"));

    private final AuthenticationPolicyCatalog catalog;
    private final UserCatalog users;
    private final PolicyTargets targets;

    AuthenticationPolicyStatements(AuthenticationPolicyCatalog catalog, UserCatalog users, PolicyTargets targets) {
        this.catalog = catalog;
        this.users = users;
        this.targets = targets;
    }

    @Override
    public ResultTable create(SessionContext context, Statement.CreateObject create) {
        boolean created = catalog.objects().create(context.actor(), context.qualify(create.name()),
                SqlProperties.settings(create.properties()),
                create.orReplace(), create.ifNotExists());
        return ResultTable.created("Authentication policy", create.name().name(), created);
    }

    @Override
    public ResultTable alterSet(SessionContext context, Statement.AlterObjectSet alter) {
        catalog.objects().alterSet(context.actor(), SqlProperties.name(alter.name()),
                SqlProperties.settings(alter.properties()),
                alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable alterUnset(SessionContext context, Statement.AlterObjectUnset alter) {
        catalog.objects().alterUnset(context.actor(), SqlProperties.name(alter.name()), alter.propertyNames(),
                alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable rename(SessionContext context, Statement.AlterObjectRename rename) {
        catalog.objects().rename(context.actor(), SqlProperties.name(rename.name()),
                SqlProperties.name(rename.newName()),
                rename.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable drop(SessionContext context, Statement.DropObject drop) {
        return ResultTable.dropped(drop.name().name(), catalog.objects().drop(context.actor(),
                SqlProperties.name(drop.name()),
                drop.ifExists()));
    }

    @Override
    public ResultTable describe(SessionContext context, Statement.DescribeObject describe) {
        AuthenticationPolicy policy = catalog.describe(context.actor(), SqlProperties.name(describe.name()));
        AuthenticationPolicy defaults = AuthenticationPolicy.withDefaults(policy.name(), Optional.empty(),
                Optional.empty(), Optional.empty(), policy.createdOn());
        return new ResultTable(DESCRIBE_COLUMNS, List.of(
                row("NAME", policy.name(), null, "Name of the authentication policy"),
                row("OWNER", policy.owner().orElse(null), null, "Role that owns the authentication policy"),
                row("COMMENT", policy.comment().orElse(null), null, "Comment"),
                row("AUTHENTICATION_METHODS", list(policy.authenticationMethods()),
                        list(defaults.authenticationMethods()), "Allowed authentication methods"),
                row("CLIENT_TYPES", list(policy.clientTypes()), list(defaults.clientTypes()), "Allowed client types"),
                row("CLIENT_POLICY", clientPolicy(policy.clientPolicy()), "{}", "Minimum versions of clients"),
                row("SECURITY_INTEGRATIONS", list(policy.securityIntegrations()),
                        list(defaults.securityIntegrations()), "Allowed security integrations"),
                row("MFA_ENROLLMENT", policy.mfaEnrollment(), defaults.mfaEnrollment(), "Whether MFA is required"),
                row("MFA_POLICY", mfaPolicy(policy.mfaPolicy()), mfaPolicy(defaults.mfaPolicy()),
                        "Multi-factor authentication settings"),
                row("PAT_POLICY", patPolicy(policy.patPolicy()), patPolicy(defaults.patPolicy()),
                        "Programmatic access token settings"),
                row("WORKLOAD_IDENTITY_POLICY", workloadIdentity(policy.workloadIdentityPolicy()), "{}",
                        "Workload identity federation settings")), StatementKind.DESCRIBE);
    }

    @Override
    public ResultTable show(SessionContext context, Statement.ShowObjects show) {
        if (show.on().isPresent()) {
            Optional<dev.frostgate.catalog.User> user = switch (show.on().get()) {
                case Statement.ShowTarget.Account account -> Optional.empty();
                case Statement.ShowTarget.User target -> Optional.of(users.requireExisting(target.name()));
            };
            AuthenticationPolicyCatalog.EffectivePolicy effective = catalog.effectivePolicy(user);
            return new ResultTable(SHOW_COLUMNS, List.of(showRow(effective.policy(), effective.setOn())),
                    StatementKind.SHOW);
        }
        Optional<NamePattern> like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = catalog.list().stream()
                .filter(policy -> like.map(pattern -> pattern.matches(policy.name())).orElse(true))
                .filter(policy -> show.startsWith().map(policy.name()::startsWith).orElse(true))
                .limit(show.limit().orElse(Long.MAX_VALUE)).map(policy -> showRow(policy, null)).toList();
        return new ResultTable(SHOW_COLUMNS, rows, StatementKind.SHOW);
    }

    @Override
    public ResultTable setPolicy(SessionContext context, Statement.SetPolicy set) {
        PolicyTargets.Target target = targets.resolve(context, set.target());
        if (target.exists()) {
            catalog.attach(context.actor(), target.kind(), target.name(), SqlProperties.name(set.policy()),
                    set.force());
        }
        return ResultTable.success();
    }

    @Override
    public ResultTable unsetPolicy(SessionContext context, Statement.UnsetPolicy unset) {
        PolicyTargets.Target target = targets.resolve(context, unset.target());
        if (target.exists()) {
            catalog.detach(context.actor(), target.kind(), target.name());
        }
        return ResultTable.success();
    }

    private static List<Object> showRow(AuthenticationPolicy policy, String setOn) {
        return row(policy.createdOn(), policy.name(), policy.databaseName().orElse(null),
                policy.schemaName().orElse(null), "AUTHENTICATION_POLICY", policy.owner().orElse(null),
                policy.comment().orElse(null), policy.owner().isPresent() ? "ROLE" : null, "", setOn);
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values) + "]";
    }

    private static String clientPolicy(Map<String, String> minimums) {
        return minimums.entrySet().stream().map(entry -> entry.getKey() + "={MINIMUM_VERSION=" + entry.getValue() + "}")
                .collect(Collectors.joining(", ", "{", "}"));
    }

    private static String mfaPolicy(AuthenticationPolicy.MfaPolicy policy) {
        return "{ALLOWED_METHODS=" + list(policy.allowedMethods()) + ", ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION="
                + policy.enforceMfaOnExternalAuthentication() + "}";
    }

    private static String patPolicy(AuthenticationPolicy.PatPolicy policy) {
        return "{DEFAULT_EXPIRY_IN_DAYS=" + policy.defaultExpiryInDays() + ", MAX_EXPIRY_IN_DAYS="
                + policy.maxExpiryInDays() + ", NETWORK_POLICY_EVALUATION=" + policy.networkPolicyEvaluation()
                + ", REQUIRE_ROLE_RESTRICTION_FOR_SERVICE_USERS=" + policy.requireRoleRestrictionForServiceUsers()
                + ", REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS=" + policy.requireRoleRestrictionForPersonUsers()
                + ", BLOCKED_ROLES_LIST=" + list(policy.blockedRolesList()) + "}";
    }

    private static String workloadIdentity(Map<String, List<String>> settings) {
        return settings.entrySet().stream().map(entry -> entry.getKey() + "=" + list(entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
