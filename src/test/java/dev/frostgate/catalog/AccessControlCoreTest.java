package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.testing.CoreFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access control through the real core, without HTTP: who may create, change and see which objects, how
 * privileges flow through the role hierarchy, and that a revocation binds the next statement (no cache wait).
 */
class AccessControlCoreTest {
    private static final String PASSWORD = "Core-Test-Password-1";
    private static CoreFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start();
        fixture.sql("CREATE ROLE user_admins", "GRANT CREATE USER ON ACCOUNT TO ROLE user_admins",
                "CREATE ROLE policy_owners", "CREATE DATABASE security", "CREATE SCHEMA security.policies",
                "GRANT USAGE ON DATABASE security TO ROLE policy_owners",
                "GRANT USAGE ON SCHEMA security.policies TO ROLE policy_owners",
                "GRANT CREATE AUTHENTICATION POLICY ON SCHEMA security.policies TO ROLE policy_owners",
                "CREATE ROLE middle", "GRANT ROLE user_admins TO ROLE middle",
                "CREATE USER helpdesk PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = middle",
                "GRANT ROLE middle TO USER helpdesk",
                "CREATE USER security_officer PASSWORD = '" + PASSWORD + "' DEFAULT_ROLE = policy_owners",
                "GRANT ROLE policy_owners TO USER security_officer",
                "CREATE USER bystander PASSWORD = '" + PASSWORD + "'");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static ErrorCode refused(SessionContext session, String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(session, statement)).errorCode();
    }

    private static ErrorCode refusedForAdmin(String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(statement)).errorCode();
    }

    private static List<Object> names(ResultTable table) {
        int name = table.columns().stream().map(column -> column.name()).toList().indexOf("name");
        return table.rows().stream().map(row -> row.get(name)).toList();
    }

    @Test
    void aPrivilegeHeldThroughAnInheritedRoleAllowsCreateAndTheCreatorOwnsOnlyWhatItMade() {
        SessionContext helpdesk = fixture.sessionOf("helpdesk", PASSWORD);
        fixture.sql(helpdesk, "CREATE USER temp_contractor PASSWORD = '" + PASSWORD + "'");
        fixture.sql(helpdesk, "ALTER USER temp_contractor SET COMMENT = 'made by the help desk'");
        assertThat(refused(helpdesk, "ALTER USER bystander SET COMMENT = 'not yours'"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(names(fixture.sql(helpdesk, "SHOW USERS"))).contains("TEMP_CONTRACTOR").doesNotContain("BYSTANDER");
        assertThat(refused(fixture.sessionOf("bystander", PASSWORD), "CREATE USER nobody_gave_me_this"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
    }

    @Test
    void revokingTheInheritedRoleBindsTheVeryNextStatement() {
        SessionContext helpdesk = fixture.sessionOf("helpdesk", PASSWORD);
        fixture.sql(helpdesk, "CREATE USER before_revoke");
        fixture.sql("REVOKE ROLE user_admins FROM ROLE middle");
        try {
            assertThat(refused(helpdesk, "CREATE USER after_revoke")).isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        } finally {
            fixture.sql("GRANT ROLE user_admins TO ROLE middle");
        }
        fixture.sql(helpdesk, "CREATE USER after_regrant");
    }

    @Test
    void aPolicyBelongsToTheRoleThatCreatedItAndMovesWithGrantOwnership() {
        SessionContext officer = fixture.sessionOf("security_officer", PASSWORD);
        fixture.sql(officer, "CREATE AUTHENTICATION POLICY security.policies.drivers_only CLIENT_TYPES = ('DRIVERS')");
        SessionContext helpdesk = fixture.sessionOf("helpdesk", PASSWORD);
        assertThat(refused(helpdesk, "ALTER AUTHENTICATION POLICY security.policies.drivers_only SET COMMENT = 'x'"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(refused(helpdesk, "CREATE AUTHENTICATION POLICY security.policies.elsewhere"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        fixture.sql(officer, "ALTER AUTHENTICATION POLICY security.policies.drivers_only SET COMMENT = 'mine'");
        fixture.sql("GRANT OWNERSHIP ON AUTHENTICATION POLICY security.policies.drivers_only TO ROLE middle");
        assertThat(refused(officer, "DROP AUTHENTICATION POLICY security.policies.drivers_only"))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        fixture.sql(helpdesk, "DROP AUTHENTICATION POLICY security.policies.drivers_only");
    }

    @Test
    void aPropertyRepeatedOrUnknownIsRefusedForEveryKindTheSameWay() {
        assertThat(refusedForAdmin("CREATE USER twice COMMENT = 'a' COMMENT = 'b'")).isEqualTo(ErrorCode.DUPLICATE_PROPERTY);
        assertThat(refusedForAdmin("CREATE NETWORK RULE twice TYPE = IPV4 VALUE_LIST = ('10.0.0.0/8') COMMENT = 'a' "
                + "COMMENT = 'b'")).isEqualTo(ErrorCode.DUPLICATE_PROPERTY);
        assertThat(refusedForAdmin("CREATE PASSWORD POLICY security.policies.twice PASSWORD_MIN_LENGTH = 10 "
                + "PASSWORD_MIN_LENGTH = 12")).isEqualTo(ErrorCode.DUPLICATE_PROPERTY);
        assertThat(refusedForAdmin("CREATE AUTHENTICATION POLICY security.policies.colourful COLOUR = 'red'"))
                .isEqualTo(ErrorCode.INVALID_PROPERTY);
        assertThat(fixture.rows("SHOW USERS LIKE 'TWICE'")).isEmpty();
    }
}
