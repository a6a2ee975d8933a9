package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.change.Change;
import dev.frostgate.core.Core;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.testing.CoreFixture;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Users on the shared object lifecycle, through the real core: the hooks only users have (the network policy
 * judged as written, tokens disabled with their user, the password history, the self-service properties, the
 * current user that cannot be dropped) and GRANT OWNERSHIP ON USER.
 */
class UserLifecycleTest {
    private static final String PASSWORD = "Core-Test-Password-1";
    private static CoreFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start();
        fixture.sql("CREATE DATABASE security", "CREATE SCHEMA security.policies");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ErrorCode refused(String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(statement)).errorCode();
    }

    private static ErrorCode refused(SessionContext session, String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(session, statement)).errorCode();
    }

    /** One DESCRIBE USER value. */
    private static Object described(String user, String property) {
        return fixture.rows("DESCRIBE USER " + user).stream().filter(row -> row.get("property").equals(property))
                .findFirst().orElseThrow().get("value");
    }

    private static Object shown(String user, String column) {
        return fixture.rows("SHOW USERS LIKE '" + user + "'").get(0).get(column);
    }

    private static List<Object> column(ResultTable table, String name) {
        int index = table.columns().stream().map(column -> column.name()).toList().indexOf(name);
        return table.rows().stream().map(row -> row.get(index)).toList();
    }

    @Test
    void anAlterRefusedAfterItsWriteChangesNothing() {
        fixture.sql("CREATE USER refused_alter COMMENT = 'as it was'");

        assertThat(refused("ALTER USER refused_alter SET COMMENT = 'changed' NETWORK_POLICY = no_such_policy"))
                .isEqualTo(ErrorCode.OBJECT_DOES_NOT_EXIST);

        assertThat(described("refused_alter", "COMMENT")).isEqualTo("as it was");
        assertThat(described("refused_alter", "NETWORK_POLICY")).isNull();
    }

    @Test
    void disablingAUserDisablesItsTokensAndAChangeOfSomethingElseLeavesThemAlone() {
        fixture.sql("CREATE USER token_holder", "ALTER USER token_holder ADD PAT laptop");

        fixture.sql("ALTER USER token_holder SET COMMENT = 'still enabled'");
        assertThat(column(fixture.sql("SHOW USER PATS FOR USER token_holder"), "status")).containsExactly("ACTIVE");

        fixture.sql("ALTER USER token_holder SET DISABLED = TRUE");
        assertThat(column(fixture.sql("SHOW USER PATS FOR USER token_holder"), "status")).containsExactly("DISABLED");
    }

    @Test
    void anUnsetPasswordStaysInTheHistory() {
        fixture.sql("CREATE PASSWORD POLICY security.policies.remembers PASSWORD_HISTORY = 3",
                "CREATE USER forgetful PASSWORD = '" + PASSWORD + "'",
                "ALTER USER forgetful SET PASSWORD POLICY security.policies.remembers",
                "ALTER USER forgetful UNSET PASSWORD");

        assertThat(refused("ALTER USER forgetful SET PASSWORD = '" + PASSWORD + "'"))
                .isEqualTo(ErrorCode.PASSWORD_POLICY_VIOLATION);
        fixture.sql("ALTER USER forgetful SET PASSWORD = 'Another-Password-2'");
        assertThat(described("forgetful", "PASSWORD")).isEqualTo("********");
    }

    @Test
    void aUserChangesItsOwnDefaultRolesWithoutOwningItselfButNothingElse() {
        fixture.sql("CREATE ROLE self_service", "CREATE USER self_server PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE self_service TO USER self_server");
        SessionContext session = fixture.sessionOf("self_server", PASSWORD);

        fixture.sql(session, "ALTER USER SET DEFAULT_ROLE = self_service");
        fixture.sql(session, "ALTER USER self_server SET DEFAULT_SECONDARY_ROLES = ()");
        assertThat(described("self_server", "DEFAULT_ROLE")).isEqualTo("SELF_SERVICE");
        assertThat(refused(session, "ALTER USER SET DEFAULT_ROLE = self_service COMMENT = 'mine'"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        fixture.sql(session, "ALTER USER UNSET DEFAULT_ROLE");
        assertThat(described("self_server", "DEFAULT_ROLE")).isNull();
        assertThat(described("self_server", "COMMENT")).isNull();
    }

    @Test
    void theCurrentUserCannotBeDropped() {
        FrostgateException refusal = assertThrows(FrostgateException.class,
                () -> fixture.sql("DROP USER " + Core.ADMIN_USER));

        assertThat(refusal.errorCode()).isEqualTo(ErrorCode.CANNOT_DROP_SELF);
        assertThat(shown(Core.ADMIN_USER, "name")).isEqualTo(Core.ADMIN_USER);
    }

    @Test
    void grantOwnershipOnUserHandsItOverAndAnnouncesTheChange() {
        fixture.sql("CREATE ROLE new_owner", "CREATE USER handed_over");
        List<Change> changes = new CopyOnWriteArrayList<>();
        fixture.core().changes().subscribe(Change.UserChanged.class, changes::add);

        fixture.sql("GRANT OWNERSHIP ON USER handed_over TO ROLE new_owner");

        assertThat(shown("HANDED_OVER", "owner")).isEqualTo("NEW_OWNER");
        assertThat(changes).contains(new Change.UserChanged("HANDED_OVER"));
        assertThat(refused("GRANT OWNERSHIP ON USER nobody_here TO ROLE new_owner"))
                .isEqualTo(ErrorCode.OBJECT_DOES_NOT_EXIST);
    }
}
