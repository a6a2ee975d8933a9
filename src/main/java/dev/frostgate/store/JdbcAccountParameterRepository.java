package dev.frostgate.store;

import dev.frostgate.catalog.AccountParameterRepository;
import dev.frostgate.catalog.NameOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The {@code account_parameters} table. */
public final class JdbcAccountParameterRepository implements AccountParameterRepository {
    private final Jdbc jdbc;

    public JdbcAccountParameterRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<String> find(String name) {
        return jdbc.queryOne("SELECT parameter_value FROM account_parameters WHERE name = ?", row -> row.getString(1), name);
    }

    @Override
    public Map<String, String> all() {
        Map<String, String> parameters = new LinkedHashMap<>();
        NameOrder.sorted(jdbc.query("SELECT name, parameter_value FROM account_parameters",
                row -> Map.entry(row.getString(1), row.getString(2))), Map.Entry::getKey)
                .forEach(entry -> parameters.put(entry.getKey(), entry.getValue()));
        return parameters;
    }

    @Override
    public void set(String name, String value) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM account_parameters WHERE name = ?", name);
            return Jdbc.update(connection, "INSERT INTO account_parameters (name, parameter_value) VALUES (?, ?)", name, value);
        });
    }

    @Override
    public void unset(String name) {
        jdbc.update("DELETE FROM account_parameters WHERE name = ?", name);
    }
}
