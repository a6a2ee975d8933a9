package dev.frostgate.core;

import dev.frostgate.catalog.RoleCatalog;
import dev.frostgate.catalog.Transactions;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.crypto.PasswordHasher;
import dev.frostgate.crypto.SecretGenerator;
import java.io.PrintStream;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On an empty store, creates user ADMIN with role ACCOUNTADMIN. Its password comes from the settings or
 * is generated and printed once to the console, never to the log.
 */
final class AdministratorBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final int GENERATED_PASSWORD_LENGTH = 24;

    private AdministratorBootstrap() {}

    static void bootstrap(Optional<String> configuredPassword, UserCatalog users, RoleCatalog roles,
                          Transactions transactions, PasswordHasher hasher, SecretGenerator secrets,
                          PrintStream console) {
        if (!users.isEmpty()) {
            return;
        }
        Optional<String> configured = configuredPassword.filter(password -> !password.isEmpty());
        String password = configured.orElseGet(() -> secrets.strongPassword(GENERATED_PASSWORD_LENGTH));
        String hash = hasher.hash(password);
        // One unit of work: an ADMIN without ACCOUNTADMIN would make the store non-empty and never be repaired.
        transactions.runInTransaction(() -> {
            users.createBootstrapAdministrator(Core.ADMIN_USER, hash);
            roles.grantBootstrapRole(Core.ADMIN_USER);
        });
        if (configured.isEmpty()) {
            console.println("Created user ADMIN with role ACCOUNTADMIN. Its generated password, shown only now: "
                    + password);
        } else {
            LOG.info("Created user ADMIN with role ACCOUNTADMIN; password from FROSTGATE_ADMIN_PASSWORD");
        }
    }
}
