package dev.frostgate.store;

import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.Namespace;
import dev.frostgate.catalog.NamespaceRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Databases and schemas in the {@code namespaces} table. */
public final class JdbcNamespaceRepository implements NamespaceRepository {
    private static final String COLUMNS = "kind, name, comment, owner, created_on";

    private final Jdbc jdbc;

    public JdbcNamespaceRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<Namespace> find(Namespace.Kind kind, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM namespaces WHERE kind = ? AND name = ?",
                JdbcNamespaceRepository::map, kind, name);
    }

    @Override
    public List<Namespace> list(Namespace.Kind kind) {
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM namespaces WHERE kind = ?",
                JdbcNamespaceRepository::map, kind), Namespace::name);
    }

    @Override
    public void save(Namespace namespace) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM namespaces WHERE kind = ? AND name = ?", namespace.kind(),
                    namespace.name());
            return Jdbc.update(connection, "INSERT INTO namespaces (" + COLUMNS + ") VALUES (?,?,?,?,?)",
                    namespace.kind(), namespace.name(), namespace.comment(), namespace.owner(), namespace.createdOn());
        });
    }

    @Override
    public boolean delete(Namespace.Kind kind, String name) {
        return jdbc.inTransaction(connection -> {
            if (kind == Namespace.Kind.DATABASE) {
                Jdbc.update(connection, "DELETE FROM namespaces WHERE kind = 'SCHEMA' AND name LIKE ?",
                        name.replace("_", "\\_").replace("%", "\\%") + ".%");
            }
            return Jdbc.update(connection, "DELETE FROM namespaces WHERE kind = ? AND name = ?", kind, name) > 0;
        });
    }

    private static Namespace map(ResultSet row) throws SQLException {
        return new Namespace(Namespace.Kind.valueOf(row.getString("kind")), row.getString("name"),
                Jdbc.text(row, "comment"), Jdbc.text(row, "owner"), Jdbc.instant(row, "created_on").orElseThrow());
    }
}
