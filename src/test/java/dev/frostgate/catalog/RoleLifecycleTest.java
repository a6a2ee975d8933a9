package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.error.FrostgateException;
import dev.frostgate.testing.CoreFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Roles on the shared object lifecycle, through the real core: the system roles stay, a dropped or replaced role
 * takes its grants along, and ownership moves through GRANT OWNERSHIP.
 */
class RoleLifecycleTest {
    private static CoreFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static FrostgateException refused(String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(statement));
    }

    private static Map<String, Object> role(String name) {
        return fixture.rows("SHOW ROLES").stream().filter(row -> name.equals(row.get("name"))).findFirst()
                .orElseThrow();
    }

    private static List<String> grantsTo(String role) {
        return fixture.rows("SHOW GRANTS TO ROLE " + role).stream().map(row -> (String) row.get("privilege")).toList();
    }

    @Test
    void theSystemRolesCanBeNeitherReplacedNorDropped() {
        FrostgateException replaced = refused("CREATE OR REPLACE ROLE SYSADMIN");
        assertThat(replaced.errorCode().code()).isEqualTo("002002");
        assertThat(replaced.getMessage()).contains("SYSADMIN");

        FrostgateException dropped = refused("DROP ROLE PUBLIC");
        assertThat(dropped.errorCode().code()).isEqualTo("003541");
        assertThat(dropped.getMessage()).contains("Cannot drop system role 'PUBLIC'.");

        assertThat(fixture.sql("CREATE ROLE IF NOT EXISTS SYSADMIN").rows()).hasSize(1);
        assertThat(role("SYSADMIN")).isNotNull();
    }

    @Test
    void aReplacedRoleStartsWithoutTheGrantsOfTheOldOne() {
        fixture.sql("CREATE ROLE replaced COMMENT = 'first'", "GRANT CREATE USER ON ACCOUNT TO ROLE replaced",
                "GRANT ROLE replaced TO ROLE SYSADMIN");
        assertThat(grantsTo("replaced")).contains("CREATE USER");

        fixture.sql("CREATE OR REPLACE ROLE replaced COMMENT = 'second'");

        assertThat(grantsTo("replaced")).doesNotContain("CREATE USER");
        assertThat(role("REPLACED").get("comment")).isEqualTo("second");
        assertThat(role("REPLACED").get("owner")).isEqualTo("ACCOUNTADMIN");
    }

    @Test
    void aDroppedRoleTakesItsGrantsAlongAndANewRoleOfThatNameInheritsNone() {
        fixture.sql("CREATE ROLE dropped", "GRANT CREATE ROLE ON ACCOUNT TO ROLE dropped");
        assertThat(fixture.sql("DROP ROLE dropped").rows()).hasSize(1);
        assertThat(refused("DROP ROLE dropped").errorCode().code()).isEqualTo("002003");
        fixture.sql("DROP ROLE IF EXISTS dropped", "CREATE ROLE dropped");

        assertThat(grantsTo("dropped")).doesNotContain("CREATE ROLE");
    }

    @Test
    void ownershipMovesToTheNamedRole() {
        fixture.sql("CREATE ROLE handed_over COMMENT = 'kept'", "GRANT OWNERSHIP ON ROLE handed_over TO ROLE USERADMIN");

        assertThat(role("HANDED_OVER").get("owner")).isEqualTo("USERADMIN");
        assertThat(role("HANDED_OVER").get("comment")).isEqualTo("kept");
        assertThat(refused("GRANT OWNERSHIP ON ROLE nobody TO ROLE USERADMIN").errorCode().code()).isEqualTo("002003");
    }
}
