package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.Namespace;
import dev.frostgate.catalog.NamespaceCatalog;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.QualifiedName;
import dev.frostgate.sql.Statement;
import java.util.List;
import java.util.Optional;

/** CREATE / DROP / SHOW DATABASE and SCHEMA: the namespaces of schema-level objects. */
final class NamespaceStatements implements ObjectStatements {
    private static final List<Column> SHOW_COLUMNS = List.of(Column.timestamp("created_on"), Column.text("name"),
            Column.text("database_name"), Column.text("owner"), Column.text("comment"));

    private final NamespaceCatalog namespaces;

    NamespaceStatements(NamespaceCatalog namespaces) {
        this.namespaces = namespaces;
    }

    @Override
    public ResultTable create(SessionContext context, Statement.CreateObject create) {
        Namespace.Kind kind = kind(create.type());
        String name = name(context, kind, create.name());
        boolean created = namespaces.create(context.actor(), kind, name, SqlProperties.settings(create.properties()),
                create.orReplace(), create.ifNotExists());
        return ResultTable.created(kind == Namespace.Kind.DATABASE ? "Database" : "Schema", create.name().name(),
                created);
    }

    @Override
    public ResultTable drop(SessionContext context, Statement.DropObject drop) {
        Namespace.Kind kind = kind(drop.type());
        boolean dropped = namespaces.drop(context.actor(), kind, name(context, kind, drop.name()), drop.ifExists());
        return ResultTable.dropped(drop.name().name(), dropped);
    }

    @Override
    public ResultTable show(SessionContext context, Statement.ShowObjects show) {
        Namespace.Kind kind = kind(show.type());
        // SHOW SCHEMAS IN DATABASE without a name means the session's current database.
        Optional<String> database = show.in().map(QualifiedName::name)
                .or(() -> show.scope() == Statement.ShowScope.DATABASE
                        ? Optional.of(context.session().currentDatabase().orElseThrow(() -> new FrostgateException(
                                ErrorCode.INVALID_ARGUMENT, "Cannot perform SHOW SCHEMAS IN DATABASE. This session "
                                        + "does not have a current database. Call 'USE DATABASE', or name one.")))
                        : Optional.empty());
        Optional<NamePattern> like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = namespaces.list(kind).stream()
                .map(namespace -> row(namespace.createdOn(), lastPart(namespace.name()),
                        kind == Namespace.Kind.SCHEMA ? namespace.databaseName() : null,
                        namespace.owner().orElse(null), namespace.comment().orElse(null)))
                .filter(row -> like.map(pattern -> pattern.matches((String) row.get(1))).orElse(true))
                .filter(row -> database.map(name -> name.equals(row.get(2))).orElse(true))
                .limit(show.limit().orElse(Long.MAX_VALUE)).toList();
        return new ResultTable(SHOW_COLUMNS, rows, StatementKind.SHOW);
    }

    /** A database by its name; a schema as DATABASE.SCHEMA, the database taken from the session if not given. */
    private static String name(SessionContext context, Namespace.Kind kind, QualifiedName name) {
        if (kind == Namespace.Kind.DATABASE) {
            return name.name();
        }
        String database = name.parts().size() >= 2 ? name.parts().get(name.parts().size() - 2)
                : context.session().currentDatabase().orElseThrow(() -> new FrostgateException(
                        ErrorCode.INVALID_ARGUMENT, "Cannot perform CREATE SCHEMA. This session does not have a "
                                + "current database. Call 'USE DATABASE', or use a qualified name."));
        return database + "." + name.name();
    }

    private static Namespace.Kind kind(Statement.ObjectType type) {
        return type == Statement.ObjectType.DATABASE ? Namespace.Kind.DATABASE : Namespace.Kind.SCHEMA;
    }

    private static String lastPart(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
