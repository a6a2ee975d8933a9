package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.IntegrationType;
import dev.frostgate.catalog.SecurityIntegration;
import dev.frostgate.catalog.SecurityIntegrationCatalog;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.sql.QualifiedName;
import dev.frostgate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** CREATE / ALTER / DROP / DESCRIBE / SHOW [SECURITY] INTEGRATION, for every integration type. */
final class SecurityIntegrationStatements implements ObjectStatements {
    private static final List<Column> SHOW_COLUMNS = List.of(Column.text("name"), Column.text("type"),
            Column.text("category"), Column.text("enabled"), Column.text("comment"), Column.timestamp("created_on"));
    private static final List<Column> DESCRIBE_COLUMNS = List.of(Column.text("property"), Column.text("property_type"),
            Column.text("property_value"), Column.text("property_default"));

    private final SecurityIntegrationCatalog catalog;

    SecurityIntegrationStatements(SecurityIntegrationCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ResultTable create(SessionContext context, Statement.CreateObject create) {
        boolean created = catalog.create(context.actor(), name(create.name()),
                SqlProperties.settings(create.properties()),
                create.orReplace(), create.ifNotExists());
        return ResultTable.created("Integration", create.name().name(), created);
    }

    @Override
    public ResultTable alterSet(SessionContext context, Statement.AlterObjectSet alter) {
        catalog.objects().alterSet(context.actor(), name(alter.name()), SqlProperties.settings(alter.properties()),
                alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable alterUnset(SessionContext context, Statement.AlterObjectUnset alter) {
        catalog.objects().alterUnset(context.actor(), name(alter.name()), alter.propertyNames(), alter.ifExists());
        return ResultTable.success();
    }

    @Override
    public ResultTable drop(SessionContext context, Statement.DropObject drop) {
        return ResultTable.dropped(drop.name().name(), catalog.objects().drop(context.actor(), name(drop.name()),
                drop.ifExists()));
    }

    /** One row per parameter, declared order; keys by fingerprint, secrets masked (PropertyDeclaration.describe). */
    @Override
    public ResultTable describe(SessionContext context, Statement.DescribeObject describe) {
        SecurityIntegration integration = catalog.describe(context.actor(), describe.name().name());
        IntegrationType type = catalog.typeOf(integration);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("ENABLED", "Boolean", Boolean.toString(integration.enabled()), "true"));
        for (PropertyDeclaration parameter : type.parameters()) {
            rows.add(row(parameter.describedName(), parameter.kind().describedAs(),
                    parameter.describe(integration.value(parameter)), parameter.describe(parameter.defaultValue())));
        }
        rows.add(row("COMMENT", "String", integration.comment().orElse(""), ""));
        return new ResultTable(DESCRIBE_COLUMNS, rows, StatementKind.DESCRIBE);
    }

    @Override
    public ResultTable show(SessionContext context, Statement.ShowObjects show) {
        Optional<NamePattern> like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = catalog.list(context.actor()).stream()
                .filter(integration -> like.map(pattern -> pattern.matches(integration.name())).orElse(true))
                .map(integration -> row(integration.name(), catalog.typeOf(integration).showType(integration),
                        "SECURITY", Boolean.toString(integration.enabled()), integration.comment().orElse(null),
                        integration.createdOn()))
                .toList();
        return new ResultTable(SHOW_COLUMNS, rows, StatementKind.SHOW);
    }

    /** Integrations are account objects: only the name's own part counts. */
    private static ObjectName name(QualifiedName name) {
        return ObjectName.of(name.name());
    }
}
