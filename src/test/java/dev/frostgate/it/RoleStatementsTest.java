package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Roles, the system hierarchy, grants, ownership and privilege checks, through the real JDBC driver. */
class RoleStatementsTest {
    private static final String PASSWORD = "Role-Test-Passw0rd";
    private static RunningServer server;
    private static Connection admin;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start();
        admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        admin.close();
        server.close();
    }

    private static Connection userSession(String name) throws SQLException {
        execute(admin, "CREATE USER IF NOT EXISTS " + name + " PASSWORD = '" + PASSWORD + "'");
        return SnowflakeJdbc.V3.connect(server, name, PASSWORD);
    }

    @Test
    void systemRolesAndHierarchyExist() throws Exception {
        assertThat(rows(admin, "SHOW ROLES")).extracting(row -> row.get("name"))
                .contains("ACCOUNTADMIN", "SECURITYADMIN", "USERADMIN", "SYSADMIN", "PUBLIC");
        assertThat(rows(admin, "SHOW GRANTS TO ROLE ACCOUNTADMIN")).extracting(row -> row.get("name"))
                .contains("SECURITYADMIN", "SYSADMIN");
        assertThat(rows(admin, "SHOW GRANTS TO ROLE USERADMIN")).extracting(row -> row.get("privilege"))
                .contains("CREATE USER", "CREATE ROLE");
        assertThat(rows(admin, "SHOW GRANTS TO ROLE SECURITYADMIN")).extracting(row -> row.get("privilege"))
                .contains("MANAGE GRANTS", "USAGE");
        assertThat(rows(admin, "SHOW GRANTS TO USER admin")).extracting(row -> row.get("role"))
                .containsExactly("ACCOUNTADMIN");
        assertThat(value(admin, "SELECT CURRENT_AVAILABLE_ROLES()"))
                .isEqualTo("[\"ACCOUNTADMIN\",\"PUBLIC\",\"SECURITYADMIN\",\"SYSADMIN\",\"USERADMIN\"]");
    }

    @Test
    void createShowAndDropRoles() throws Exception {
        execute(admin, "CREATE ROLE analyst COMMENT = 'reads things'");
        Map<String, String> row = rows(admin, "SHOW ROLES LIKE 'ANALYST'").get(0);
        assertThat(row).containsEntry("name", "ANALYST").containsEntry("owner", "ACCOUNTADMIN")
                .containsEntry("comment", "reads things");
        failsWith("002002", () -> execute(admin, "CREATE ROLE analyst"));
        execute(admin, "CREATE ROLE IF NOT EXISTS analyst", "CREATE OR REPLACE ROLE analyst");
        execute(admin, "DROP ROLE analyst");
        failsWith("002003", () -> execute(admin, "DROP ROLE analyst"));
        execute(admin, "DROP ROLE IF EXISTS analyst");
        failsWith("003541", () -> execute(admin, "DROP ROLE SYSADMIN"));
    }

    @Test
    void grantAndRevokeRolesToUsersAndRoles() throws Exception {
        execute(admin, "CREATE ROLE reader", "CREATE ROLE writer", "GRANT ROLE reader TO ROLE writer");
        try (Connection frank = userSession("frank")) {
            execute(admin, "GRANT ROLE writer TO USER frank");
            assertThat(rows(admin, "SHOW GRANTS OF ROLE writer")).extracting(row -> row.get("grantee_name"))
                    .containsExactly("FRANK");
            assertThat(rows(admin, "SHOW GRANTS TO USER frank")).extracting(row -> row.get("role"))
                    .containsExactly("WRITER");
            execute(frank, "USE ROLE reader");
            assertThat(value(frank, "SELECT CURRENT_ROLE()")).isEqualTo("READER");
            SQLException cycle = failsWith("001009", () -> execute(admin, "GRANT ROLE writer TO ROLE reader"));
            assertThat(cycle.getMessage()).contains("cycle");
            execute(admin, "REVOKE ROLE writer FROM USER frank");
            SQLException refused = failsWith("003013", () -> execute(frank, "USE ROLE writer"));
            assertThat(refused.getMessage()).contains("Requested role 'WRITER' is not assigned to the executing user.");
        }
        failsWith("002003", () -> execute(admin, "GRANT ROLE no_such_role TO USER frank"));
        failsWith("002003", () -> execute(admin, "GRANT ROLE reader TO USER no_such_user"));
    }

    @Test
    void publicRoleHoldsNoAdministrativePrivileges() throws Exception {
        try (Connection grace = userSession("grace")) {
            assertThat(value(grace, "SELECT CURRENT_ROLE()")).isEqualTo("PUBLIC");
            SQLException refused = failsWith("003001", () -> execute(grace, "CREATE USER mallory"));
            assertThat(refused.getMessage()).isEqualTo(
                    "SQL access control error:\nInsufficient privileges to operate on account 'FROSTGATE'.");
            assertThat(refused.getSQLState()).isEqualTo("42501");
            failsWith("003001", () -> execute(grace, "CREATE ROLE mallory_role"));
            failsWith("003001", () -> execute(grace, "GRANT ROLE SYSADMIN TO USER grace"));
            failsWith("003001", () -> execute(grace, "ALTER USER admin SET COMMENT = 'pwned'"));
            failsWith("003001", () -> execute(grace, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY"));
            failsWith("002003", () -> execute(grace, "DESCRIBE USER admin"));
            assertThat(rows(grace, "SHOW USERS")).extracting(row -> row.get("name")).containsExactly("GRACE");
            assertThat(rows(grace, "SHOW GRANTS TO USER grace")).isEmpty();
            assertThat(rows(grace, "SHOW GRANTS TO ROLE PUBLIC")).isEmpty();
            failsWith("003001", () -> rows(grace, "SHOW GRANTS TO USER admin"));
            failsWith("003001", () -> rows(grace, "SHOW GRANTS TO ROLE ACCOUNTADMIN"));
            failsWith("003001", () -> rows(grace, "SHOW GRANTS OF ROLE SYSADMIN"));
            failsWith("003001", () -> rows(grace, "SHOW GRANTS ON ACCOUNT"));
            failsWith("003001", () -> rows(grace, "SHOW GRANTS ON USER admin"));
            execute(grace, "ALTER USER grace SET DEFAULT_ROLE = PUBLIC");
        }
    }

    @Test
    void privilegesAreInheritedThroughTheHierarchy() throws Exception {
        execute(admin, "CREATE ROLE hr_admin", "GRANT ROLE USERADMIN TO ROLE hr_admin");
        try (Connection heidi = userSession("heidi")) {
            execute(admin, "GRANT ROLE hr_admin TO USER heidi");
            execute(heidi, "USE ROLE hr_admin");
            execute(heidi, "CREATE USER new_hire");
            assertThat(rows(admin, "SHOW USERS LIKE 'NEW_HIRE'").get(0)).containsEntry("owner", "HR_ADMIN");
            execute(heidi, "ALTER USER new_hire SET COMMENT = 'owned by hr'");
            failsWith("003001", () -> execute(heidi, "ALTER USER admin SET COMMENT = 'not mine'"));
            execute(heidi, "DROP USER new_hire");
        }
    }

    @Test
    void accountPrivilegesCanBeGrantedAndRevoked() throws Exception {
        execute(admin, "CREATE ROLE auditor", "GRANT MONITOR ON ACCOUNT TO ROLE auditor");
        assertThat(rows(admin, "SHOW GRANTS ON ACCOUNT")).anySatisfy(row -> {
            assertThat(row.get("privilege")).isEqualTo("MONITOR");
            assertThat(row.get("grantee_name")).isEqualTo("AUDITOR");
        });
        try (Connection ivan = userSession("ivan")) {
            execute(admin, "GRANT ROLE auditor TO USER ivan");
            execute(ivan, "USE ROLE auditor");
            assertThat(rows(ivan, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY LIMIT 1")).hasSize(1);
            execute(admin, "REVOKE MONITOR ON ACCOUNT FROM ROLE auditor");
            failsWith("003001", () -> rows(ivan, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY"));
        }
        execute(admin, "GRANT CREATE USER, CREATE ROLE ON ACCOUNT TO ROLE auditor WITH GRANT OPTION");
        failsWith("001008", () -> execute(admin, "GRANT FLY ON ACCOUNT TO ROLE auditor"));
    }

    @Test
    void userPrivilegesAndOwnershipTransfer() throws Exception {
        execute(admin, "CREATE ROLE token_admin", "CREATE USER svc TYPE = SERVICE",
                "GRANT MODIFY PROGRAMMATIC AUTHENTICATION METHODS ON USER svc TO ROLE token_admin",
                "GRANT MONITOR ON USER svc TO ROLE token_admin");
        List<Map<String, String>> onUser = rows(admin, "SHOW GRANTS ON USER svc");
        assertThat(onUser).extracting(row -> row.get("privilege"))
                .contains("MODIFY PROGRAMMATIC AUTHENTICATION METHODS", "MONITOR");
        try (Connection judy = userSession("judy")) {
            execute(admin, "GRANT ROLE token_admin TO USER judy");
            execute(judy, "USE ROLE token_admin");
            assertThat(rows(judy, "DESCRIBE USER svc")).isNotEmpty();
            failsWith("003001", () -> execute(judy, "ALTER USER svc SET COMMENT = 'x'"));
            execute(admin, "GRANT OWNERSHIP ON USER svc TO ROLE token_admin");
            execute(judy, "ALTER USER svc SET COMMENT = 'now mine'");
            execute(admin, "GRANT OWNERSHIP ON ROLE token_admin TO ROLE SECURITYADMIN");
            assertThat(rows(admin, "SHOW ROLES LIKE 'TOKEN_ADMIN'").get(0)).containsEntry("owner", "SECURITYADMIN");
        }
        failsWith("001008", () -> execute(admin, "GRANT CREATE USER ON USER svc TO ROLE token_admin"));
    }
}
