package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.ParameterPolicy;
import dev.frostgate.catalog.ParameterPolicyCatalog;
import dev.frostgate.catalog.ParameterPolicyKind;
import dev.frostgate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** CREATE / ALTER / DROP / DESCRIBE / SHOW and attachment of PASSWORD and SESSION policies. */
final class ParameterPolicyStatements implements ObjectStatements {
    private static final List<Column> SHOW_COLUMNS = List.of(Column.timestamp("created_on"), Column.text("name"),
            Column.text("database_name"), Column.text("schema_name"), Column.text("kind"), Column.text("owner"),
            Column.text("comment"), Column.text("owner_role_type"), Column.text("options"));
    private static final List<Column> DESCRIBE_COLUMNS = List.of(Column.text("property"), Column.text("value"),
            Column.text("default"), Column.text("description"));

    private final Map<ParameterPolicyKind, ParameterPolicyCatalog> catalogs;
    private final PolicyTargets targets;

    ParameterPolicyStatements(List<ParameterPolicyCatalog> catalogs, PolicyTargets targets) {
        this.catalogs = Map.of(catalogs.get(0).kind(), catalogs.get(0), catalogs.get(1).kind(), catalogs.get(1));
        this.targets = targets;
    }

    @Override
    public ResultTable create(SessionContext context, Statement.CreateObject create) {
        ParameterPolicyCatalog catalog = catalog(create.type());
        boolean created = catalog.objects().create(context.actor(), context.qualify(create.name()),
                SqlProperties.settings(create.properties()),
                create.orReplace(), create.ifNotExists());
        return ResultTable.created(catalog.kind().displayName(), create.name().name(), created);
    }

    @Override
    public ResultTable alterSet(SessionContext context, Statement.AlterObjectSet alter) {
        catalog(alter.type()).objects().alterSet(context.actor(), SqlProperties.name(alter.name()),
                SqlProperties.settings(alter.properties()), alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable alterUnset(SessionContext context, Statement.AlterObjectUnset alter) {
        catalog(alter.type()).objects().alterUnset(context.actor(), SqlProperties.name(alter.name()),
                alter.propertyNames(),
                alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable rename(SessionContext context, Statement.AlterObjectRename rename) {
        catalog(rename.type()).objects().rename(context.actor(), SqlProperties.name(rename.name()),
                SqlProperties.name(rename.newName()), rename.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable drop(SessionContext context, Statement.DropObject drop) {
        return ResultTable.dropped(drop.name().name(),
                catalog(drop.type()).objects().drop(context.actor(), SqlProperties.name(drop.name()), drop.ifExists()));
    }

    @Override
    public ResultTable describe(SessionContext context, Statement.DescribeObject describe) {
        ParameterPolicy policy = catalog(describe.type()).require(SqlProperties.name(describe.name()));
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("NAME", policy.name(), null, "Name of the policy"));
        rows.add(row("OWNER", policy.owner().orElse(null), null, "Role that owns the policy"));
        rows.add(row("COMMENT", policy.comment().orElse(null), null, "Comment"));
        for (ParameterPolicyKind.Parameter parameter : policy.kind().parameters()) {
            rows.add(row(parameter.name(), Integer.toString(policy.value(parameter.name())),
                    Integer.toString(parameter.defaultValue()), parameter.description()));
        }
        return new ResultTable(DESCRIBE_COLUMNS, rows, StatementKind.DESCRIBE);
    }

    @Override
    public ResultTable show(SessionContext context, Statement.ShowObjects show) {
        ParameterPolicyCatalog catalog = catalog(show.type());
        Optional<NamePattern> like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = catalog.list().stream()
                .filter(policy -> like.map(pattern -> pattern.matches(policy.name())).orElse(true))
                .limit(show.limit().orElse(Long.MAX_VALUE))
                .map(policy -> row(policy.createdOn(), policy.name(), policy.databaseName().orElse(null),
                        policy.schemaName().orElse(null), catalog.kind().name() + "_POLICY",
                        policy.owner().orElse(null), policy.comment().orElse(null), "ROLE", ""))
                .toList();
        return new ResultTable(SHOW_COLUMNS, rows, StatementKind.SHOW);
    }

    @Override
    public ResultTable setPolicy(SessionContext context, Statement.SetPolicy set) {
        PolicyTargets.Target target = targets.resolve(context, set.target());
        if (target.exists()) {
            catalog(set.kind()).attach(context.actor(), target.kind(), target.name(), SqlProperties.name(set.policy()),
                    set.force());
        }
        return ResultTable.success();
    }

    @Override
    public ResultTable unsetPolicy(SessionContext context, Statement.UnsetPolicy unset) {
        PolicyTargets.Target target = targets.resolve(context, unset.target());
        if (target.exists()) {
            catalog(unset.kind()).detach(context.actor(), target.kind(), target.name());
        }
        return ResultTable.success();
    }

    private ParameterPolicyCatalog catalog(Statement.ObjectType type) {
        return catalogs.get(type == Statement.ObjectType.PASSWORD_POLICY ? ParameterPolicyKind.PASSWORD
                : ParameterPolicyKind.SESSION);
    }

    private ParameterPolicyCatalog catalog(Statement.PolicyKind kind) {
        return catalogs.get(kind == Statement.PolicyKind.PASSWORD ? ParameterPolicyKind.PASSWORD
                : ParameterPolicyKind.SESSION);
    }
}
