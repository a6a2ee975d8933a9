package dev.frostgate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.ParameterPolicy;
import dev.frostgate.catalog.ParameterPolicyKind;
import dev.frostgate.catalog.ParameterPolicyRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Password and session policies in {@code parameter_policies}. */
public final class JdbcParameterPolicyRepository implements ParameterPolicyRepository {
    private static final String COLUMNS = "kind, name, database_name, schema_name, parameter_values, comment, owner, "
            + "created_on";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> VALUES = new TypeReference<>() {};

    private final Jdbc jdbc;

    public JdbcParameterPolicyRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<ParameterPolicy> find(ParameterPolicyKind kind, String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM parameter_policies WHERE kind = ? AND name = ?",
                JdbcParameterPolicyRepository::map, kind, name);
    }

    @Override
    public Optional<ParameterPolicy> findLocked(ParameterPolicyKind kind, String name) {
        return jdbc.queryLocking("SELECT " + COLUMNS + " FROM parameter_policies WHERE kind = ? AND name = ?",
                JdbcParameterPolicyRepository::map, kind, name).stream().findFirst();
    }

    @Override
    public List<ParameterPolicy> list(ParameterPolicyKind kind) {
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM parameter_policies WHERE kind = ?",
                JdbcParameterPolicyRepository::map, kind), ParameterPolicy::name);
    }

    @Override
    public void save(String previousName, ParameterPolicy policy) {
        String values;
        try {
            values = JSON.writeValueAsString(policy.values());
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM parameter_policies WHERE kind = ? AND name = ?", policy.kind(),
                    previousName);
            Jdbc.update(connection, "INSERT INTO parameter_policies (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)",
                    policy.kind(), policy.name(), policy.databaseName(), policy.schemaName(), values, policy.comment(),
                    policy.owner(), policy.createdOn());
            if (!previousName.equals(policy.name())) {
                Jdbc.update(connection, "UPDATE policy_attachments SET policy_name = ? WHERE policy_kind = ? "
                        + "AND policy_name = ?", policy.name(), policy.kind().attachmentKind(), previousName);
            }
            return null;
        });
    }

    @Override
    public boolean delete(ParameterPolicyKind kind, String name) {
        return jdbc.update("DELETE FROM parameter_policies WHERE kind = ? AND name = ?", kind, name) > 0;
    }

    private static ParameterPolicy map(ResultSet row) throws SQLException {
        try {
            return new ParameterPolicy(ParameterPolicyKind.valueOf(row.getString("kind")), row.getString("name"),
                    Jdbc.text(row, "database_name"), Jdbc.text(row, "schema_name"),
                    JSON.readValue(row.getString("parameter_values"), VALUES), Jdbc.text(row, "comment"),
                    Jdbc.text(row, "owner"), Jdbc.instant(row, "created_on").orElseThrow());
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("stored policy parameters are unreadable", corrupt);
        }
    }
}
