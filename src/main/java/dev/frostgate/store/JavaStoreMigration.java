package dev.frostgate.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema migration written in Java (one that needs the catalog's own code, such as drawing user ids, or
 * that differs per database), placed between the SQL scripts by its version. Each runs in the migration's
 * transaction.
 */
abstract class JavaStoreMigration implements JavaMigration {
    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    /**
     * @param checksum Flyway refuses a changed applied migration by its checksum; a Java one declares its own,
     *                 to be changed with its behaviour
     */
    JavaStoreMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
