package dev.frostgate.store;

import dev.frostgate.catalog.EmailAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration V20: fills users.email_key (added by V19) for the users stored before it, with the same Java function
 * the repository writes it with, so a user's key is the same whether it was stored before or after the upgrade
 * (SQL's LOWER and Java's case folding differ outside ASCII, and between databases).
 */
final class UserEmailKeyBackfill implements JavaMigration {
    static final MigrationVersion VERSION = MigrationVersion.fromVersion("20");
    /** Flyway refuses a changed applied migration by its checksum; a Java one declares its own. */
    private static final int CHECKSUM = 20_01;

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "user email key backfill";
    }

    @Override
    public Integer getChecksum() {
        return CHECKSUM;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
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
