package dev.frostgate.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V28: drops programmatic_access_tokens.user_name, which V27 replaced by user_id. V10 declared
 * {@code UNIQUE (user_name, name)} without a name, so H2 and PostgreSQL named it each their own way, and H2 refuses
 * to drop a column that a constraint of several columns covers (PostgreSQL would drop the constraint with it): the
 * constraints on the column are found in the information schema, which both keep, and dropped first.
 */
final class TokenUserNameDrop extends JavaStoreMigration {
    TokenUserNameDrop() {
        super("28", "token user name drop", 28_01);
    }
    private static final String CONSTRAINTS_ON_THE_COLUMN = "SELECT DISTINCT c.constraint_name "
            + "FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k "
            + "ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name "
            + "WHERE LOWER(c.table_name) = 'programmatic_access_tokens' AND LOWER(k.column_name) = 'user_name' "
            + "AND c.constraint_schema = CURRENT_SCHEMA";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CONSTRAINTS_ON_THE_COLUMN);
             ResultSet found = select.executeQuery()) {
            while (found.next()) {
                constraints.add(found.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String constraint : constraints) {
                statement.execute("ALTER TABLE programmatic_access_tokens DROP CONSTRAINT \""
                        + constraint.replace("\"", "\"\"") + "\"");
            }
            statement.execute("ALTER TABLE programmatic_access_tokens DROP COLUMN user_name");
        }
    }
}
