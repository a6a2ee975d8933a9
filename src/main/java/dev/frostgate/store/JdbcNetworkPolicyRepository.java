package dev.frostgate.store;

import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.NetworkPolicy;
import dev.frostgate.catalog.NetworkPolicyRepository;
import dev.frostgate.catalog.NetworkRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Network rules and policies; lists are stored one entry per line. */
public final class JdbcNetworkPolicyRepository implements NetworkPolicyRepository {
    private static final String RULE_COLUMNS = "name, database_name, schema_name, rule_type, rule_mode, value_list, "
            + "comment, owner, created_on";
    private static final String POLICY_COLUMNS = "name, allowed_network_rule_list, blocked_network_rule_list, "
            + "allowed_ip_list, blocked_ip_list, comment, owner, created_on";

    private final Jdbc jdbc;

    public JdbcNetworkPolicyRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<NetworkRule> findRule(String name) {
        return jdbc.queryOne("SELECT " + RULE_COLUMNS + " FROM network_rules WHERE name = ?",
                JdbcNetworkPolicyRepository::rule, name);
    }

    @Override
    public List<NetworkRule> rules() {
        return NameOrder.sorted(jdbc.query("SELECT " + RULE_COLUMNS + " FROM network_rules",
                JdbcNetworkPolicyRepository::rule), NetworkRule::name);
    }

    @Override
    public void saveRule(NetworkRule rule) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM network_rules WHERE name = ?", rule.name());
            return Jdbc.update(connection, "INSERT INTO network_rules (" + RULE_COLUMNS
                    + ") VALUES (?,?,?,?,?,?,?,?,?)", rule.name(), rule.databaseName(), rule.schemaName(), rule.type(),
                    rule.mode(), lines(rule.values()), rule.comment(), rule.owner(), rule.createdOn());
        });
    }

    @Override
    public boolean deleteRule(String name) {
        return jdbc.update("DELETE FROM network_rules WHERE name = ?", name) > 0;
    }

    @Override
    public Optional<NetworkPolicy> findPolicy(String name) {
        return jdbc.queryOne("SELECT " + POLICY_COLUMNS + " FROM network_policies WHERE name = ?",
                JdbcNetworkPolicyRepository::policy, name);
    }

    @Override
    public List<NetworkPolicy> policies() {
        return NameOrder.sorted(jdbc.query("SELECT " + POLICY_COLUMNS + " FROM network_policies",
                JdbcNetworkPolicyRepository::policy), NetworkPolicy::name);
    }

    @Override
    public void savePolicy(String previousName, NetworkPolicy policy) {
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM network_policies WHERE name = ?", previousName);
            Jdbc.update(connection, "INSERT INTO network_policies (" + POLICY_COLUMNS + ") VALUES (?,?,?,?,?,?,?,?)",
                    policy.name(), lines(policy.allowedNetworkRules()), lines(policy.blockedNetworkRules()),
                    lines(policy.allowedIpList()), lines(policy.blockedIpList()), policy.comment(), policy.owner(),
                    policy.createdOn());
            if (!previousName.equals(policy.name())) {
                Jdbc.update(connection, "UPDATE users SET network_policy = ? WHERE network_policy = ?", policy.name(),
                        previousName);
                Jdbc.update(connection, "UPDATE account_parameters SET parameter_value = ? WHERE name = 'NETWORK_POLICY' "
                        + "AND parameter_value = ?", policy.name(), previousName);
            }
            return null;
        });
    }

    @Override
    public boolean deletePolicy(String name) {
        return jdbc.update("DELETE FROM network_policies WHERE name = ?", name) > 0;
    }

    @Override
    public void lockForChange() {
        jdbc.queryLocking("SELECT name FROM catalog_locks WHERE name = ?", row -> row.getString(1), "NETWORK_POLICIES");
    }

    @Override
    public List<String> usersWithPolicy(String policyName) {
        return NameOrder.sorted(jdbc.query("SELECT name FROM users WHERE network_policy = ?", row -> row.getString(1),
                policyName), name -> name);
    }

    private static String lines(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> list(ResultSet row, String column) throws SQLException {
        String text = row.getString(column);
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    private static NetworkRule rule(ResultSet row) throws SQLException {
        return new NetworkRule(row.getString("name"), Jdbc.text(row, "database_name"), Jdbc.text(row, "schema_name"),
                NetworkRule.Type.valueOf(row.getString("rule_type")), NetworkRule.Mode.valueOf(row.getString("rule_mode")),
                list(row, "value_list"), Jdbc.text(row, "comment"), Jdbc.text(row, "owner"),
                Jdbc.instant(row, "created_on").orElseThrow());
    }

    private static NetworkPolicy policy(ResultSet row) throws SQLException {
        return new NetworkPolicy(row.getString("name"), list(row, "allowed_network_rule_list"),
                list(row, "blocked_network_rule_list"), list(row, "allowed_ip_list"), list(row, "blocked_ip_list"),
                Jdbc.text(row, "comment"), Jdbc.text(row, "owner"), Jdbc.instant(row, "created_on").orElseThrow());
    }
}
