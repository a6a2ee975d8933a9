package dev.frostgate.store;

import dev.frostgate.catalog.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.Context;

/**
 * Migration V26: gives every user stored before V25 an id, drawn as the catalog draws one at CREATE USER
 * ({@link UserId#random()}), so ids have one format and one source whether a user was made before or after the
 * upgrade (H2's RANDOM_UUID and PostgreSQL's gen_random_uuid would be two).
 */
final class UserIdBackfill extends JavaStoreMigration {
    UserIdBackfill() {
        super("26", "user id backfill", 26_01);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM users WHERE id IS NULL");
             PreparedStatement update = connection.prepareStatement("UPDATE users SET id = ? WHERE name = ?");
             ResultSet users = select.executeQuery()) {
            while (users.next()) {
                update.setString(1, UserId.random().value());
                update.setString(2, users.getString("name"));
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
