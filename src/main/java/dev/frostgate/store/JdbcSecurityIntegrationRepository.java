package dev.frostgate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.SecurityIntegration;
import dev.frostgate.catalog.SecurityIntegrationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The {@code security_integrations} table; a type's parameters are one JSON object per row. */
public final class JdbcSecurityIntegrationRepository implements SecurityIntegrationRepository {
    private static final String COLUMNS = "name, integration_type, enabled, comment, owner, created_on, parameters";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, List<String>>> PARAMETERS = new TypeReference<>() {};

    private final Jdbc jdbc;

    public JdbcSecurityIntegrationRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<SecurityIntegration> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM security_integrations WHERE name = ?",
                JdbcSecurityIntegrationRepository::map, name);
    }

    @Override
    public List<SecurityIntegration> list() {
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM security_integrations",
                JdbcSecurityIntegrationRepository::map), SecurityIntegration::name);
    }

    @Override
    public void save(SecurityIntegration integration) {
        String parameters = write(new TreeMap<>(integration.parameters()));
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM security_integrations WHERE name = ?", integration.name());
            return Jdbc.update(connection, "INSERT INTO security_integrations (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)",
                    integration.name(), integration.type(), integration.enabled(), integration.comment(),
                    integration.owner(), integration.createdOn(), parameters);
        });
    }

    @Override
    public boolean delete(String name) {
        return jdbc.update("DELETE FROM security_integrations WHERE name = ?", name) > 0;
    }

    private static SecurityIntegration map(ResultSet row) throws SQLException {
        return new SecurityIntegration(row.getString("name"), row.getString("integration_type"),
                row.getBoolean("enabled"), Jdbc.text(row, "comment"), Jdbc.text(row, "owner"),
                Jdbc.instant(row, "created_on").orElseThrow(), read(row.getString("parameters")));
    }

    private static String write(Map<String, List<String>> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Map<String, List<String>> read(String parameters) {
        try {
            return JSON.readValue(parameters, PARAMETERS);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("unreadable integration parameters", corrupt);
        }
    }
}
