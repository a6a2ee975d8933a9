package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.NetworkPolicy;
import dev.frostgate.catalog.NetworkPolicyCatalog;
import dev.frostgate.catalog.NetworkRule;
import dev.frostgate.catalog.ObjectLifecycle;
import dev.frostgate.sql.Statement;
import java.util.List;
import java.util.Optional;

/** CREATE / ALTER / DROP / DESCRIBE / SHOW for NETWORK RULE and NETWORK POLICY. */
final class NetworkStatements implements ObjectStatements {
    private static final List<Column> SHOW_RULE_COLUMNS = List.of(Column.timestamp("created_on"), Column.text("name"),
            Column.text("database_name"), Column.text("schema_name"), Column.text("owner"), Column.text("comment"),
            Column.text("type"), Column.text("mode"), Column.number("entries_in_valuelist"),
            Column.text("owner_role_type"));
    private static final List<Column> DESCRIBE_RULE_COLUMNS = List.of(Column.timestamp("created_on"),
            Column.text("name"), Column.text("database_name"), Column.text("schema_name"), Column.text("owner"),
            Column.text("comment"), Column.text("type"), Column.text("mode"), Column.text("value_list"));
    private static final List<Column> SHOW_POLICY_COLUMNS = List.of(Column.timestamp("created_on"),
            Column.text("name"), Column.text("comment"), Column.number("entries_in_allowed_ip_list"),
            Column.number("entries_in_blocked_ip_list"), Column.number("entries_in_allowed_network_rules"),
            Column.number("entries_in_blocked_network_rules"));
    private static final List<Column> DESCRIBE_POLICY_COLUMNS = List.of(Column.text("name"), Column.text("value"));

    private final NetworkPolicyCatalog catalog;

    NetworkStatements(NetworkPolicyCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResultTable create(SessionContext context, Statement.CreateObject create) {
        boolean created = objects(create.type()).create(context.actor(), SqlProperties.name(create.name()),
                SqlProperties.settings(create.properties()), create.orReplace(), create.ifNotExists());
        return ResultTable.created(kindName(create.type()), create.name().name(), created);
    }

    @Override
    public ResultTable alterSet(SessionContext context, Statement.AlterObjectSet alter) {
        objects(alter.type()).alterSet(context.actor(), SqlProperties.name(alter.name()),
                SqlProperties.settings(alter.properties()), alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable alterUnset(SessionContext context, Statement.AlterObjectUnset alter) {
        objects(alter.type()).alterUnset(context.actor(), SqlProperties.name(alter.name()), alter.propertyNames(),
                alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable rename(SessionContext context, Statement.AlterObjectRename rename) {
        if (rename.type() != Statement.ObjectType.NETWORK_POLICY) {
            return ObjectStatements.super.rename(context, rename);
        }
        catalog.policies().rename(context.actor(), SqlProperties.name(rename.name()), SqlProperties.name(rename.newName()),
                rename.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable changeList(SessionContext context, Statement.AlterObjectListChange change) {
        if (change.type() != Statement.ObjectType.NETWORK_POLICY) {
            return ObjectStatements.super.changeList(context, change);
        }
        catalog.alterPolicyList(context.actor(), SqlProperties.name(change.name()), change.add(),
                SqlProperties.setting(change.change()), change.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable drop(SessionContext context, Statement.DropObject drop) {
        boolean dropped = objects(drop.type()).drop(context.actor(), SqlProperties.name(drop.name()), drop.ifExists());
        return ResultTable.dropped(drop.name().name(), dropped);
    }

    @Override
    public ResultTable describe(SessionContext context, Statement.DescribeObject describe) {
        if (describe.type() == Statement.ObjectType.NETWORK_RULE) {
            NetworkRule rule = catalog.rules().require(SqlProperties.name(describe.name()));
            return new ResultTable(DESCRIBE_RULE_COLUMNS, List.of(row(rule.createdOn(), rule.name(),
                    rule.databaseName().orElse(null), rule.schemaName().orElse(null), rule.owner().orElse(null),
                    rule.comment().orElse(null), rule.type().name(), rule.mode().name(),
                    String.join(",", rule.values()))), StatementKind.DESCRIBE);
        }
        NetworkPolicy policy = catalog.policies().require(SqlProperties.name(describe.name()));
        return new ResultTable(DESCRIBE_POLICY_COLUMNS, List.of(
                row("ALLOWED_IP_LIST", String.join(",", policy.allowedIpList())),
                row("BLOCKED_IP_LIST", String.join(",", policy.blockedIpList())),
                row("ALLOWED_NETWORK_RULE_LIST", String.join(",", policy.allowedNetworkRules())),
                row("BLOCKED_NETWORK_RULE_LIST", String.join(",", policy.blockedNetworkRules()))),
                StatementKind.DESCRIBE);
    }

    @Override
    public ResultTable show(SessionContext context, Statement.ShowObjects show) {
        Optional<NamePattern> like = show.likePattern().map(NamePattern::caseInsensitive);
        long limit = show.limit().orElse(Long.MAX_VALUE);
        if (show.type() == Statement.ObjectType.NETWORK_RULE) {
            List<List<Object>> rows = catalog.listRules().stream()
                    .filter(rule -> like.map(pattern -> pattern.matches(rule.name())).orElse(true))
                    .filter(rule -> show.startsWith().map(rule.name()::startsWith).orElse(true)).limit(limit)
                    .map(rule -> row(rule.createdOn(), rule.name(), rule.databaseName().orElse(null),
                            rule.schemaName().orElse(null), rule.owner().orElse(null), rule.comment().orElse(null),
                            rule.type().name(), rule.mode().name(), (long) rule.values().size(), "ROLE"))
                    .toList();
            return new ResultTable(SHOW_RULE_COLUMNS, rows, StatementKind.SHOW);
        }
        List<List<Object>> rows = catalog.listPolicies().stream()
                .filter(policy -> like.map(pattern -> pattern.matches(policy.name())).orElse(true))
                .filter(policy -> show.startsWith().map(policy.name()::startsWith).orElse(true)).limit(limit)
                .map(policy -> row(policy.createdOn(), policy.name(), policy.comment().orElse(null),
                        (long) policy.allowedIpList().size(), (long) policy.blockedIpList().size(),
                        (long) policy.allowedNetworkRules().size(), (long) policy.blockedNetworkRules().size()))
                .toList();
        return new ResultTable(SHOW_POLICY_COLUMNS, rows, StatementKind.SHOW);
    }

    /** The lifecycle of the statement's kind: CREATE, ALTER … SET / UNSET and DROP are the same for both. */
    private ObjectLifecycle<?> objects(Statement.ObjectType type) {
        return type == Statement.ObjectType.NETWORK_RULE ? catalog.rules() : catalog.policies();
    }

    private static String kindName(Statement.ObjectType type) {
        return type == Statement.ObjectType.NETWORK_RULE ? "Network rule" : "Network policy";
    }
}
