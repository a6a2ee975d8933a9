package dev.frostgate.store;

import dev.frostgate.catalog.EmailAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V20: fills users.email_key (added by V19) for the users stored before it, with the same Java function
 * the repository writes it with, so a user's key is the same whether it was stored before or after the upgrade
 * (SQL's LOWER and Java's case folding differ outside ASCII, and between databases).
 */
final class UserEmailKeyBackfill extends JavaStoreMigration {
    UserEmailKeyBackfill() {
        super("20", "user email key backfill", 20_01);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT name, email FROM users WHERE email IS NOT NULL");
             PreparedStatement update = connection.prepareStatement("UPDATE users SET email_key = ? WHERE name = ?");
             ResultSet users = select.executeQuery()) {
            while (users.next()) {
                update.setString(1, EmailAddresses.comparisonKey(users.getString("email")));
                update.setString(2, users.getString("name"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
