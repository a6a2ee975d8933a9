package dev.frostgate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.sql.Expression.Binary;
import dev.frostgate.sql.Expression.BooleanLiteral;
import dev.frostgate.sql.Expression.ColumnRef;
import dev.frostgate.sql.Expression.FunctionCall;
import dev.frostgate.sql.Expression.InList;
import dev.frostgate.sql.Expression.IsNull;
import dev.frostgate.sql.Expression.NamedArgument;
import dev.frostgate.sql.Expression.Negate;
import dev.frostgate.sql.Expression.Not;
import dev.frostgate.sql.Expression.NullLiteral;
import dev.frostgate.sql.Expression.NumberLiteral;
import dev.frostgate.sql.Expression.Operator;
import dev.frostgate.sql.Expression.StringLiteral;
import dev.frostgate.sql.Query.SelectItem;
import dev.frostgate.sql.Statement.GrantsScope;
import dev.frostgate.sql.Statement.SecurableObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SqlParserTest {

    private static Statement parse(String sql) {
        return SqlParser.parse(sql);
    }

    private static void assertSyntaxError(String sql, int line, int position, String unexpected) {
        assertThatThrownBy(() -> SqlParser.parse(sql))
                .isInstanceOfSatisfying(SqlSyntaxException.class, error -> {
                    assertThat(error.line()).as("line").isEqualTo(line);
                    assertThat(error.position()).as("position").isEqualTo(position);
                    assertThat(error.unexpected()).as("unexpected").isEqualTo(unexpected);
                });
    }

    private static Property property(String name, Value value) {
        return new Property(name, value);
    }

    private static Value text(String text) {
        return new Value.Text(text);
    }

    private static Value number(long number) {
        return new Value.Number(BigDecimal.valueOf(number));
    }

    private static Expression.NumberLiteral numberLiteral(long number) {
        return new NumberLiteral(BigDecimal.valueOf(number));
    }

    private static Query query(String sql) {
        return ((Statement.Select) parse(sql)).query();
    }

    private static Expression where(String condition) {
        return query("SELECT * FROM T WHERE " + condition).where().orElseThrow();
    }

    private static Expression onlyColumn(String sql) {
        return ((SelectItem.Column) query(sql).items().getFirst()).expression();
    }

    @Nested
    class Users {

        @Test
        void createUserWithEveryKindOfPropertyValue() {
            assertThat(parse("""
                    create or replace user if not exists alice
                      PASSWORD = 'Secret''1' login_name = "Alice" DISABLED = false, MUST_CHANGE_PASSWORD = TRUE
                      DAYS_TO_EXPIRY = 30.5, MINS_TO_UNLOCK = -1 TYPE = SERVICE DEFAULT_ROLE = MyRole
                      DEFAULT_SECONDARY_ROLES = ('ALL') BLOCKED = () DEFAULT_NAMESPACE = db.sch;
                    """)).isEqualTo(new Statement.CreateUser(true, true, "ALICE", List.of(
                    property("PASSWORD", text("Secret'1")),
                    property("LOGIN_NAME", new Value.Identifier("Alice")),
                    property("DISABLED", new Value.Bool(false)),
                    property("MUST_CHANGE_PASSWORD", new Value.Bool(true)),
                    property("DAYS_TO_EXPIRY", new Value.Number(new BigDecimal("30.5"))),
                    property("MINS_TO_UNLOCK", number(-1)),
                    property("TYPE", new Value.Identifier("SERVICE")),
                    property("DEFAULT_ROLE", new Value.Identifier("MYROLE")),
                    property("DEFAULT_SECONDARY_ROLES", new Value.ListOf(List.of(text("ALL")))),
                    property("BLOCKED", new Value.ListOf(List.of())),
                    property("DEFAULT_NAMESPACE", new Value.Identifier("DB.SCH")))));
        }

        @Test
        void createUserWithoutProperties() {
            assertThat(parse("CREATE USER \"bob smith\""))
                    .isEqualTo(new Statement.CreateUser(false, false, "bob smith", List.of()));
        }

        @Test
        void nestedPropertyBlocks() {
            assertThat(parse("""
                    CREATE USER u PAT_POLICY = (DEFAULT_EXPIRY_IN_DAYS = 30 BLOCKED_ROLES_LIST = ('X', 'Y'))
                      CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION = '3.25.0'), ODBC = ())
                    """)).isEqualTo(new Statement.CreateUser(false, false, "U", List.of(
                    property("PAT_POLICY", new Value.Nested(List.of(
                            property("DEFAULT_EXPIRY_IN_DAYS", number(30)),
                            property("BLOCKED_ROLES_LIST", new Value.ListOf(List.of(text("X"), text("Y"))))))),
                    property("CLIENT_POLICY", new Value.Nested(List.of(
                            property("JDBC_DRIVER", new Value.Nested(List.of(
                                    property("MINIMUM_VERSION", text("3.25.0"))))),
                            property("ODBC", new Value.ListOf(List.of()))))))));
        }

        @Test
        void alterUserSetUnsetAndRename() {
            assertThat(parse("ALTER USER IF EXISTS alice SET DISABLED = TRUE COMMENT = 'x'"))
                    .isEqualTo(new Statement.AlterUserSet(true, Optional.of("ALICE"), List.of(
                            property("DISABLED", new Value.Bool(true)), property("COMMENT", text("x")))));
            assertThat(parse("alter user alice unset comment, default_role"))
                    .isEqualTo(new Statement.AlterUserUnset(false, Optional.of("ALICE"),
                            List.of("COMMENT", "DEFAULT_ROLE")));
            assertThat(parse("ALTER USER alice RENAME TO \"Alice2\""))
                    .isEqualTo(new Statement.AlterUserRename(false, "ALICE", "Alice2"));
        }

        @Test
        void alterUserWithoutNameMeansTheCurrentUser() {
            assertThat(parse("ALTER USER SET RSA_PUBLIC_KEY = 'MIIB'"))
                    .isEqualTo(new Statement.AlterUserSet(false, Optional.empty(),
                            List.of(property("RSA_PUBLIC_KEY", text("MIIB")))));
            assertThat(parse("ALTER USER UNSET RSA_PUBLIC_KEY"))
                    .isEqualTo(new Statement.AlterUserUnset(false, Optional.empty(), List.of("RSA_PUBLIC_KEY")));
            assertThat(parse("ALTER USER \"SET\" SET COMMENT = 'c'"))
                    .isEqualTo(new Statement.AlterUserSet(false, Optional.of("SET"),
                            List.of(property("COMMENT", text("c")))));
        }

        @Test
        void alterUserErrors() {
            assertSyntaxError("ALTER USER alice SET", 1, 20, "<EOF>");
            assertSyntaxError("ALTER USER RENAME TO x", 1, 18, "TO");
            assertSyntaxError("ALTER USER alice RESET PASSWORD", 1, 17, "RESET");
            assertSyntaxError("ALTER USER alice SET PASSWORD 'x'", 1, 21, "PASSWORD");
            assertSyntaxError("ALTER USER alice UNSET a,", 1, 25, "<EOF>");
        }

        @Test
        void dropDescribeShow() {
            assertThat(parse("DROP USER IF EXISTS alice")).isEqualTo(new Statement.DropUser(true, "ALICE"));
            assertThat(parse("drop user \"a\"")).isEqualTo(new Statement.DropUser(false, "a"));
            assertThat(parse("DESC USER alice")).isEqualTo(new Statement.DescribeUser("ALICE"));
            assertThat(parse("describe user alice;")).isEqualTo(new Statement.DescribeUser("ALICE"));
            assertThat(parse("SHOW USERS"))
                    .isEqualTo(new Statement.ShowUsers(Optional.empty(), Optional.empty(), Optional.empty()));
            assertThat(parse("show users like 'A%' starts with 'AL' limit 10"))
                    .isEqualTo(new Statement.ShowUsers(Optional.of("A%"), Optional.of("AL"), Optional.of(10L)));
            assertSyntaxError("SHOW USERS LIMIT 1.5", 1, 17, "1.5");
        }

        @Test
        void createUserErrors() {
            assertSyntaxError("CREATE USER", 1, 11, "<EOF>");
            assertSyntaxError("CREATE USER alice FOO", 1, 18, "FOO");
            assertSyntaxError("CREATE USER alice PASSWORD =", 1, 28, "<EOF>");
            assertSyntaxError("CREATE USER alice A = 1,", 1, 24, "<EOF>");
            assertSyntaxError("CREATE USER alice A = ('x' 'y')", 1, 27, "<string literal>");
            assertSyntaxError("CREATE USER select", 1, 12, "select");
            assertSyntaxError("CREATE USER \"\"", 1, 12, "\"\"");
        }
    }

    @Nested
    class RolesAndGrants {

        @Test
        void roles() {
            assertThat(parse("CREATE OR REPLACE ROLE IF NOT EXISTS analyst COMMENT = 'reads'"))
                    .isEqualTo(new Statement.CreateRole(true, true, "ANALYST", Optional.of("reads")));
            assertThat(parse("create role r"))
                    .isEqualTo(new Statement.CreateRole(false, false, "R", Optional.empty()));
            assertThat(parse("DROP ROLE IF EXISTS r")).isEqualTo(new Statement.DropRole(true, "R"));
            assertThat(parse("SHOW ROLES")).isEqualTo(new Statement.ShowRoles(Optional.empty()));
            assertThat(parse("SHOW ROLES LIKE '%ADMIN'")).isEqualTo(new Statement.ShowRoles(Optional.of("%ADMIN")));
            assertSyntaxError("CREATE ROLE r COMMENT 'x'", 1, 22, "<string literal>");
        }

        @Test
        void grantAndRevokeRoles() {
            assertThat(parse("GRANT ROLE analyst TO USER alice")).isEqualTo(new Statement.GrantRole("ANALYST",
                    new Statement.Grantee(Statement.GranteeKind.USER, "ALICE")));
            assertThat(parse("grant role analyst to role sysadmin")).isEqualTo(new Statement.GrantRole("ANALYST",
                    new Statement.Grantee(Statement.GranteeKind.ROLE, "SYSADMIN")));
            assertThat(parse("REVOKE ROLE analyst FROM USER alice")).isEqualTo(new Statement.RevokeRole("ANALYST",
                    new Statement.Grantee(Statement.GranteeKind.USER, "ALICE")));
            assertSyntaxError("GRANT ROLE analyst TO alice", 1, 22, "alice");
        }

        @Test
        void grantMultiWordPrivileges() {
            assertThat(parse("""
                    GRANT create user, Create Role, MANAGE GRANTS, APPLY AUTHENTICATION POLICY,
                          MODIFY PROGRAMMATIC AUTHENTICATION METHODS ON ACCOUNT TO ROLE admin WITH GRANT OPTION
                    """)).isEqualTo(new Statement.GrantPrivileges(
                    List.of("CREATE USER", "CREATE ROLE", "MANAGE GRANTS", "APPLY AUTHENTICATION POLICY",
                            "MODIFY PROGRAMMATIC AUTHENTICATION METHODS"),
                    SecurableObject.account(), "ADMIN", true));
            assertThat(parse("GRANT ALL PRIVILEGES ON ACCOUNT TO admin")).isEqualTo(new Statement.GrantPrivileges(
                    List.of("ALL"), SecurableObject.account(), "ADMIN", false));
        }

        @Test
        void grantOnObjects() {
            assertThat(parse("GRANT MONITOR, IMPERSONATE ON USER alice TO ROLE r"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("MONITOR", "IMPERSONATE"),
                            new SecurableObject("USER", Optional.of("ALICE")), "R", false));
            assertThat(parse("GRANT USAGE ON INTEGRATION okta TO ROLE r"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("USAGE"),
                            new SecurableObject("INTEGRATION", Optional.of("OKTA")), "R", false));
            assertThat(parse("GRANT USAGE ON SECURITY INTEGRATION okta TO ROLE r"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("USAGE"),
                            new SecurableObject("INTEGRATION", Optional.of("OKTA")), "R", false));
            assertThat(parse("GRANT USE_ANY_ROLE ON INTEGRATION external_oauth_1 TO ROLE role1"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("USE_ANY_ROLE"),
                            new SecurableObject("INTEGRATION", Optional.of("EXTERNAL_OAUTH_1")), "ROLE1", false));
            assertThat(parse("REVOKE USE_ANY_ROLE ON INTEGRATION external_oauth_1 FROM ROLE role1"))
                    .isEqualTo(new Statement.RevokePrivileges(List.of("USE_ANY_ROLE"),
                            new SecurableObject("INTEGRATION", Optional.of("EXTERNAL_OAUTH_1")), "ROLE1"));
            assertThat(parse("GRANT OWNERSHIP ON INTEGRATION okta TO ROLE heir")).isEqualTo(
                    new Statement.GrantOwnership(new SecurableObject("INTEGRATION", Optional.of("OKTA")), "HEIR"));
            assertThat(parse("GRANT USE_ANY_ROLE ON INTEGRATION i TO r"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("USE_ANY_ROLE"),
                            new SecurableObject("INTEGRATION", Optional.of("I")), "R", false));
            assertThat(parse("REVOKE MONITOR ON ROLE analyst FROM ROLE r"))
                    .isEqualTo(new Statement.RevokePrivileges(List.of("MONITOR"),
                            new SecurableObject("ROLE", Optional.of("ANALYST")), "R"));
            assertThat(parse("REVOKE CREATE USER ON ACCOUNT FROM r"))
                    .isEqualTo(new Statement.RevokePrivileges(List.of("CREATE USER"), SecurableObject.account(), "R"));
        }

        @Test
        void grantOwnership() {
            assertThat(parse("GRANT OWNERSHIP ON USER alice TO ROLE r COPY CURRENT GRANTS"))
                    .isEqualTo(new Statement.GrantOwnership(new SecurableObject("USER", Optional.of("ALICE")), "R"));
            assertThat(parse("GRANT OWNERSHIP ON ROLE analyst TO ROLE r REVOKE CURRENT GRANTS"))
                    .isEqualTo(new Statement.GrantOwnership(new SecurableObject("ROLE", Optional.of("ANALYST")), "R"));
            assertThat(parse("GRANT OWNERSHIP ON ROLE analyst TO ROLE r"))
                    .isEqualTo(new Statement.GrantOwnership(new SecurableObject("ROLE", Optional.of("ANALYST")), "R"));
            assertSyntaxError("GRANT OWNERSHIP ON ACCOUNT TO ROLE r", 1, 19, "ACCOUNT");
            assertSyntaxError("GRANT OWNERSHIP, MONITOR ON USER u TO ROLE r", 1, 15, ",");
        }

        @Test
        void grantsOnDatabasesSchemasPoliciesAndIntegrations() {
            assertThat(parse("GRANT USAGE ON DATABASE my_database TO ROLE policy_admin")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("USAGE"),
                            new SecurableObject("DATABASE", Optional.of("MY_DATABASE")), "POLICY_ADMIN", false));
            assertThat(parse("GRANT USAGE ON SCHEMA my_database.my_schema TO ROLE policy_admin")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("USAGE"),
                            new SecurableObject("SCHEMA", Optional.of("MY_DATABASE.MY_SCHEMA")), "POLICY_ADMIN", false));
            assertThat(parse("GRANT CREATE NETWORK RULE ON SCHEMA d.s TO ROLE r")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("CREATE NETWORK RULE"),
                            new SecurableObject("SCHEMA", Optional.of("D.S")), "R", false));
            assertThat(parse("GRANT CREATE PASSWORD POLICY, CREATE SESSION POLICY ON SCHEMA s TO ROLE r")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("CREATE PASSWORD POLICY", "CREATE SESSION POLICY"),
                            new SecurableObject("SCHEMA", Optional.of("S")), "R", false));
            assertThat(parse("GRANT APPLY ON AUTHENTICATION POLICY my_db.my_schema.p TO ROLE r")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("APPLY"),
                            new SecurableObject("AUTHENTICATION_POLICY", Optional.of("MY_DB.MY_SCHEMA.P")), "R", false));
            assertThat(parse("GRANT APPLY PASSWORD POLICY ON ACCOUNT TO ROLE r")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("APPLY PASSWORD POLICY"), SecurableObject.account(), "R",
                            false));
            assertThat(parse("REVOKE USAGE ON DATABASE d FROM ROLE r")).isEqualTo(new Statement.RevokePrivileges(
                    List.of("USAGE"), new SecurableObject("DATABASE", Optional.of("D")), "R"));
            assertThat(parse("REVOKE APPLY AUTHENTICATION POLICY ON USER FROM ROLE r")).isEqualTo(
                    new Statement.RevokePrivileges(List.of("APPLY AUTHENTICATION POLICY"),
                            new SecurableObject("USER", Optional.empty()), "R"));
            assertThat(parse("REVOKE USAGE ON SCHEMA \"My Db\".s FROM ROLE r")).isEqualTo(new Statement.RevokePrivileges(
                    List.of("USAGE"), new SecurableObject("SCHEMA", Optional.of("My Db.S")), "R"));
            String[][] ownerships = {
                    {"NETWORK POLICY p", "NETWORK_POLICY", "P"},
                    {"AUTHENTICATION POLICY d.s.p", "AUTHENTICATION_POLICY", "D.S.P"},
                    {"NETWORK RULE s.r", "NETWORK_RULE", "S.R"},
                    {"PASSWORD POLICY p", "PASSWORD_POLICY", "P"},
                    {"SESSION POLICY d.s.p", "SESSION_POLICY", "D.S.P"},
                    {"DATABASE d", "DATABASE", "D"},
                    {"SCHEMA d.s", "SCHEMA", "D.S"},
                    {"INTEGRATION okta", "INTEGRATION", "OKTA"},
                    {"SECURITY INTEGRATION okta", "INTEGRATION", "OKTA"}};
            for (String[] ownership : ownerships) {
                SecurableObject object = new SecurableObject(ownership[1], Optional.of(ownership[2]));
                assertThat(parse("GRANT OWNERSHIP ON " + ownership[0] + " TO ROLE r COPY CURRENT GRANTS"))
                        .isEqualTo(new Statement.GrantOwnership(object, "R"));
                assertThat(parse("SHOW GRANTS ON " + ownership[0]))
                        .isEqualTo(new Statement.ShowGrants(new GrantsScope.OnObject(object)));
            }
            assertSyntaxError("GRANT USAGE ON DATABASE a.b TO ROLE r", 1, 25, ".");
            assertSyntaxError("GRANT OWNERSHIP ON NETWORK RULE a.b.c.d TO ROLE r", 1, 37, ".");
            assertSyntaxError("GRANT USAGE ON NETWORK x TO ROLE r", 1, 23, "x");
            assertSyntaxError("GRANT OWNERSHIP ON AUTHENTICATION POLICIES p TO ROLE r", 1, 34, "POLICIES");
            assertSyntaxError("GRANT OWNERSHIP ON DATABASE TO ROLE r", 1, 28, "TO");
            assertSyntaxError("SHOW GRANTS ON NETWORK POLICY", 1, 29, "<EOF>");
            assertSyntaxError("GRANT APPLY ON AUTHENTICATION POLICY p\n  TO r2 ROLE", 2, 8, "ROLE");
        }

        @Test
        void grantErrors() {
            assertSyntaxError("GRANT ON ACCOUNT TO ROLE r", 1, 6, "ON");
            assertSyntaxError("GRANT MONITOR TO ROLE r", 1, 14, "TO");
            assertSyntaxError("GRANT MONITOR ON WAREHOUSE w TO ROLE r", 1, 17, "WAREHOUSE");
            assertSyntaxError("GRANT MONITOR ON SCHEMA TO ROLE r", 1, 24, "TO");
            assertThat(parse("GRANT CREATE AUTHENTICATION POLICY ON SCHEMA my_database.my_schema TO ROLE policy_admin"))
                    .isEqualTo(new Statement.GrantPrivileges(List.of("CREATE AUTHENTICATION POLICY"),
                            new SecurableObject("SCHEMA", Optional.of("MY_DATABASE.MY_SCHEMA")), "POLICY_ADMIN", false));
            assertThat(parse("GRANT APPLY AUTHENTICATION POLICY ON USER TO ROLE my_policy_admin")).isEqualTo(
                    new Statement.GrantPrivileges(List.of("APPLY AUTHENTICATION POLICY"),
                            new SecurableObject("USER", Optional.empty()), "MY_POLICY_ADMIN", false));
            assertThat(parse("GRANT OWNERSHIP ON NETWORK POLICY p TO ROLE r")).isEqualTo(new Statement.GrantOwnership(
                    new SecurableObject("NETWORK_POLICY", Optional.of("P")), "R"));
            assertSyntaxError("GRANT MONITOR, ON ACCOUNT TO ROLE r", 1, 15, "ON");
            assertSyntaxError("GRANT CREATE USER ON ACCOUNT TO ROLE r WITH GRANT", 1, 39, "WITH");
        }

        @Test
        void showGrants() {
            assertThat(parse("SHOW GRANTS TO USER alice"))
                    .isEqualTo(new Statement.ShowGrants(new GrantsScope.ToUser("ALICE")));
            assertThat(parse("SHOW GRANTS TO ROLE r")).isEqualTo(new Statement.ShowGrants(new GrantsScope.ToRole("R")));
            assertThat(parse("SHOW GRANTS OF ROLE r")).isEqualTo(new Statement.ShowGrants(new GrantsScope.OfRole("R")));
            assertThat(parse("show grants on account")).isEqualTo(new Statement.ShowGrants(new GrantsScope.OnAccount()));
            assertThat(parse("SHOW GRANTS ON USER alice")).isEqualTo(new Statement.ShowGrants(
                    new GrantsScope.OnObject(new SecurableObject("USER", Optional.of("ALICE")))));
            assertThat(parse("SHOW GRANTS ON SECURITY INTEGRATION i")).isEqualTo(new Statement.ShowGrants(
                    new GrantsScope.OnObject(new SecurableObject("INTEGRATION", Optional.of("I")))));
            assertSyntaxError("SHOW GRANTS", 1, 11, "<EOF>");
            assertSyntaxError("SHOW GRANTS TO SHARE s", 1, 15, "SHARE");
        }
    }

    @Nested
    class Session {

        @Test
        void useStatements() {
            assertThat(parse("USE ROLE analyst")).isEqualTo(new Statement.UseRole("ANALYST"));
            assertThat(parse("use secondary roles all")).isEqualTo(new Statement.UseSecondaryRoles(true));
            assertThat(parse("USE SECONDARY ROLES NONE")).isEqualTo(new Statement.UseSecondaryRoles(false));
            assertThat(parse("USE DATABASE db")).isEqualTo(new Statement.UseObject("DATABASE", "DB"));
            assertThat(parse("USE SCHEMA db.\"Sch\"")).isEqualTo(new Statement.UseObject("SCHEMA", "DB.Sch"));
            assertThat(parse("USE WAREHOUSE wh")).isEqualTo(new Statement.UseObject("WAREHOUSE", "WH"));
            assertThat(parse("USE WAREHOUSE \"Load Wh\"")).isEqualTo(new Statement.UseObject("WAREHOUSE", "Load Wh"));
            assertSyntaxError("USE WAREHOUSE db.wh", 1, 16, ".");
            assertThat(parse("USE db")).isEqualTo(new Statement.UseObject("DATABASE", "DB"));
            assertThat(parse("USE db.sch")).isEqualTo(new Statement.UseObject("SCHEMA", "DB.SCH"));
            assertSyntaxError("USE SECONDARY ROLES r1", 1, 20, "r1");
            assertSyntaxError("USE ROLE", 1, 8, "<EOF>");
        }

        @Test
        void alterSession() {
            assertThat(parse("ALTER SESSION SET TIMEZONE = 'UTC' QUERY_TAG = 'x', LOCK_TIMEOUT = 10"))
                    .isEqualTo(new Statement.AlterSessionSet(List.of(property("TIMEZONE", text("UTC")),
                            property("QUERY_TAG", text("x")), property("LOCK_TIMEOUT", number(10)))));
            assertThat(parse("alter session unset timezone, query_tag"))
                    .isEqualTo(new Statement.AlterSessionUnset(List.of("TIMEZONE", "QUERY_TAG")));
            assertSyntaxError("ALTER SESSION RESET", 1, 14, "RESET");
        }

        @Test
        void transactions() {
            assertThat(parse("BEGIN")).isEqualTo(new Statement.Begin());
            assertThat(parse("begin transaction;")).isEqualTo(new Statement.Begin());
            assertThat(parse("START TRANSACTION")).isEqualTo(new Statement.Begin());
            assertThat(parse("COMMIT")).isEqualTo(new Statement.Commit());
            assertThat(parse("COMMIT WORK")).isEqualTo(new Statement.Commit());
            assertThat(parse("ROLLBACK")).isEqualTo(new Statement.Rollback());
            assertThat(parse("rollback work")).isEqualTo(new Statement.Rollback());
            assertSyntaxError("START", 1, 5, "<EOF>");
        }
    }

    @Nested
    class Queries {

        @Test
        void selectLiteralKeepsTheSourceTextOfEachColumn() {
            assertThat(query("SELECT 1")).isEqualTo(new Query(
                    List.of(new SelectItem.Column(numberLiteral(1), Optional.empty(), "1")),
                    Optional.empty(), Optional.empty(), List.of(), Optional.empty()));
            assertThat(query("select current_user(), 'a' AS x, y \"Why\" , -  2").items()).containsExactly(
                    new SelectItem.Column(new FunctionCall(List.of("CURRENT_USER"), List.of(), List.of()),
                            Optional.empty(), "current_user()"),
                    new SelectItem.Column(new StringLiteral("a"), Optional.of("X"), "'a'"),
                    new SelectItem.Column(new ColumnRef("Y"), Optional.of("Why"), "y"),
                    new SelectItem.Column(new Negate(numberLiteral(2)), Optional.empty(), "-  2"));
        }

        @Test
        void functionCalls() {
            assertThat(onlyColumn("SELECT SYSTEM$DECODE_PAT('tok')"))
                    .isEqualTo(new FunctionCall(List.of("SYSTEM$DECODE_PAT"), List.of(new StringLiteral("tok")),
                            List.of()));
            assertThat(onlyColumn("SELECT CURRENT_USER")).isEqualTo(
                    new FunctionCall(List.of("CURRENT_USER"), List.of(), List.of()));
            assertThat(onlyColumn("SELECT a.b.f(1, x => 'y')")).isEqualTo(new FunctionCall(List.of("A", "B", "F"),
                    List.of(numberLiteral(1)), List.of(new NamedArgument("X", new StringLiteral("y")))));
            assertThat(onlyColumn("SELECT current_role()"))
                    .isEqualTo(new FunctionCall(List.of("CURRENT_ROLE"), List.of(), List.of()));
        }

        @Test
        void fromQualifiedNameWithFilterOrderAndLimit() {
            assertThat(query("""
                    SELECT *, user_name
                    FROM snowflake.account_usage.login_history h
                    WHERE h.is_success = 'NO' AND event_timestamp >= '2024-01-01'
                    ORDER BY event_timestamp DESC, user_name ASC, 2
                    LIMIT 100;
                    """)).isEqualTo(new Query(
                    List.of(new SelectItem.Star(),
                            new SelectItem.Column(new ColumnRef("USER_NAME"), Optional.empty(), "user_name")),
                    Optional.of(new Query.Source.Table(List.of("SNOWFLAKE", "ACCOUNT_USAGE", "LOGIN_HISTORY"))),
                    Optional.of(new Binary(Operator.AND,
                            new Binary(Operator.EQ, new ColumnRef("IS_SUCCESS"), new StringLiteral("NO")),
                            new Binary(Operator.GE, new ColumnRef("EVENT_TIMESTAMP"),
                                    new StringLiteral("2024-01-01")))),
                    List.of(new Query.OrderItem(new ColumnRef("EVENT_TIMESTAMP"), true),
                            new Query.OrderItem(new ColumnRef("USER_NAME"), false),
                            new Query.OrderItem(numberLiteral(2), false)),
                    Optional.of(100L)));
        }

        @Test
        void fromTableFunctionWithNamedArguments() {
            assertThat(query("SELECT * FROM TABLE(INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => 'p')) t")
                    .from()).contains(new Query.Source.TableFunction(new FunctionCall(
                    List.of("INFORMATION_SCHEMA", "POLICY_REFERENCES"), List.of(),
                    List.of(new NamedArgument("POLICY_NAME", new StringLiteral("p"))))));
        }

        @Test
        void policyReferencesTableFunction() {
            assertThat(query("SELECT * FROM TABLE(my_db.INFORMATION_SCHEMA.POLICY_REFERENCES("
                    + "POLICY_NAME => 'my_db.my_schema.p'))").from()).contains(new Query.Source.TableFunction(
                    new FunctionCall(List.of("MY_DB", "INFORMATION_SCHEMA", "POLICY_REFERENCES"), List.of(),
                            List.of(new NamedArgument("POLICY_NAME", new StringLiteral("my_db.my_schema.p"))))));
            assertThat(query("select * from table(information_schema.policy_references("
                    + "ref_entity_domain => 'USER', ref_entity_name => 'bob'));").from()).contains(
                    new Query.Source.TableFunction(new FunctionCall(List.of("INFORMATION_SCHEMA", "POLICY_REFERENCES"),
                            List.of(), List.of(new NamedArgument("REF_ENTITY_DOMAIN", new StringLiteral("USER")),
                            new NamedArgument("REF_ENTITY_NAME", new StringLiteral("bob"))))));
            assertSyntaxError("SELECT * FROM TABLE(my_db.INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => ))",
                    1, 78, ")");
        }

        @Test
        void selectWithoutAliasBeforeLimit() {
            Query query = query("SELECT name FROM users LIMIT 5");
            assertThat(query.items()).containsExactly(
                    new SelectItem.Column(new ColumnRef("NAME"), Optional.empty(), "name"));
            assertThat(query.limit()).contains(5L);
        }

        @Test
        void operatorPrecedence() {
            Expression a = new ColumnRef("A");
            Expression b = new ColumnRef("B");
            Expression c = new ColumnRef("C");
            assertThat(where("a OR b AND NOT c")).isEqualTo(new Binary(Operator.OR, a,
                    new Binary(Operator.AND, b, new Not(c))));
            assertThat(where("(a OR b) AND c")).isEqualTo(new Binary(Operator.AND,
                    new Binary(Operator.OR, a, b), c));
            assertThat(where("NOT a = -1")).isEqualTo(new Not(new Binary(Operator.EQ, a, new Negate(numberLiteral(1)))));
            assertThat(where("a <> b OR a != c")).isEqualTo(new Binary(Operator.OR,
                    new Binary(Operator.NE, a, b), new Binary(Operator.NE, a, c)));
        }

        @Test
        void predicates() {
            Expression name = new ColumnRef("NAME");
            assertThat(where("name LIKE 'A%'")).isEqualTo(new Binary(Operator.LIKE, name, new StringLiteral("A%")));
            assertThat(where("name NOT LIKE 'A%'"))
                    .isEqualTo(new Binary(Operator.NOT_LIKE, name, new StringLiteral("A%")));
            assertThat(where("name ilike 'a%'")).isEqualTo(new Binary(Operator.ILIKE, name, new StringLiteral("a%")));
            assertThat(where("name not ilike 'a%'"))
                    .isEqualTo(new Binary(Operator.NOT_ILIKE, name, new StringLiteral("a%")));
            assertThat(where("name IS NULL")).isEqualTo(new IsNull(name, false));
            assertThat(where("name IS NOT NULL")).isEqualTo(new IsNull(name, true));
            assertThat(where("name IN ('a', 'b')")).isEqualTo(new InList(name,
                    List.of(new StringLiteral("a"), new StringLiteral("b")), false));
            assertThat(where("name NOT IN (1)")).isEqualTo(new InList(name, List.of(numberLiteral(1)), true));
            assertThat(where("x < 1 AND y <= 2 AND z > 3 AND w >= TRUE AND v = NULL")).isEqualTo(
                    new Binary(Operator.AND, new Binary(Operator.AND, new Binary(Operator.AND,
                            new Binary(Operator.AND,
                                    new Binary(Operator.LT, new ColumnRef("X"), numberLiteral(1)),
                                    new Binary(Operator.LE, new ColumnRef("Y"), numberLiteral(2))),
                            new Binary(Operator.GT, new ColumnRef("Z"), numberLiteral(3))),
                            new Binary(Operator.GE, new ColumnRef("W"), new BooleanLiteral(true))),
                            new Binary(Operator.EQ, new ColumnRef("V"), new NullLiteral())));
        }

        @Test
        void queryErrors() {
            assertSyntaxError("SELECT", 1, 6, "<EOF>");
            assertSyntaxError("SELECT 1 +", 1, 9, "+");
            assertSyntaxError("SELECT a = b = c", 1, 13, "=");
            assertSyntaxError("SELECT * FROM t GROUP BY a", 1, 16, "GROUP");
            assertSyntaxError("SELECT * FROM t WHERE a IN ()", 1, 28, ")");
            assertSyntaxError("SELECT f(1", 1, 10, "<EOF>");
            assertSyntaxError("SELECT 1 AS from", 1, 12, "from");
            assertSyntaxError("SELECT DISTINCT a", 1, 7, "DISTINCT");
        }
    }

    @Nested
    class SyntaxErrors {

        @Test
        void messageFollowsSnowflake() {
            assertThatThrownBy(() -> SqlParser.parse("CREATE FOO"))
                    .hasMessage("syntax error line 1 at position 7 unexpected 'FOO'.");
        }

        @Test
        void unknownOrUnsupportedStatements() {
            assertSyntaxError("SELEC 1", 1, 0, "SELEC");
            assertSyntaxError("CREATE TABLE t (a INT)", 1, 7, "TABLE");
            assertSyntaxError("DELETE FROM t", 1, 0, "DELETE");
            assertSyntaxError("???", 1, 0, "?");
            assertSyntaxError(";", 1, 0, ";");
        }

        @Test
        void emptyInput() {
            assertSyntaxError("", 1, 0, "<EOF>");
            assertSyntaxError("  -- only a comment\n", 2, 0, "<EOF>");
            assertSyntaxError(null, 1, 0, "<EOF>");
        }

        @Test
        void onlyOneStatement() {
            assertSyntaxError("SELECT 1; SELECT 2", 1, 10, "SELECT");
            assertSyntaxError("SELECT 1;;", 1, 9, ";");
            assertThat(parse("SELECT 1 ; -- trailing comment")).isInstanceOf(Statement.Select.class);
        }

        @Test
        void unterminatedText() {
            assertSyntaxError("CREATE USER u PASSWORD = 'abc", 1, 25, "<string literal>");
            assertSyntaxError("CREATE USER u PASSWORD = 'a' 'secret'", 1, 29, "<string literal>");
            assertSyntaxError("SELECT \"abc", 1, 7, "\"abc");
            assertSyntaxError("SELECT 1 /* never closed", 1, 9, "/* never closed");
        }

        @Test
        void multiLineStatementsReportTheLineAndPositionWithinIt() {
            assertSyntaxError("CREATE USER alice\n  PASSWORD = 'x'\n  DISABLED TRUE", 3, 2, "DISABLED");
            assertSyntaxError("SELECT 'a\nb'\n  FROM WHERE", 3, 7, "WHERE");
        }

        @Test
        void keywordsAreCaseInsensitiveButQuotedWordsAreNotKeywords() {
            assertThat(parse("sHoW rOlEs")).isEqualTo(new Statement.ShowRoles(Optional.empty()));
            assertSyntaxError("\"SHOW\" ROLES", 1, 0, "\"SHOW\"");
        }

        @Test
        void deepNestingIsASyntaxErrorNotAStackOverflow() {
            int depth = TokenCursor.MAXIMUM_NESTING;
            assertThat(parse("SELECT " + "(".repeat(depth) + "1" + ")".repeat(depth)))
                    .isInstanceOf(Statement.Select.class);
            assertSyntaxError("SELECT " + "(".repeat(20_000), 1, 7 + depth, "(");
            assertSyntaxError("SELECT " + "f(".repeat(20_000), 1, 7 + 2 * depth + 1, "(");
            assertSyntaxError("CREATE USER u A = " + "(".repeat(20_000), 1, 18 + depth, "(");
            assertThat(parse("SELECT " + "NOT ".repeat(20_000) + "- ".repeat(20_000) + "1"))
                    .isInstanceOf(Statement.Select.class);
        }

        @Test
        void randomInputOnlyEverFailsWithSyntaxErrors() {
            String[] pieces = {"SELECT", "CREATE", "USER", "ROLE", "GRANT", "ON", "TO", "ACCOUNT", "SET", "(", ")",
                    ",", ".", ";", "=", "=>", "'s'", "1", "x", "\"q\"", "NOT", "IN", "IS", "NULL", "FROM", "TABLE",
                    "WHERE", "ORDER", "BY", "LIMIT", "-", "*", "ALTER", "USE", "SHOW", "'", "/*", "$$", "<>"};
            Random random = new Random(42);
            for (int attempt = 0; attempt < 5_000; attempt++) {
                StringBuilder sql = new StringBuilder();
                int length = random.nextInt(12);
                for (int index = 0; index < length; index++) {
                    sql.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "\n");
                }
                try {
                    SqlParser.parse(sql.toString());
                } catch (SqlSyntaxException expected) {
                    assertThat(expected.line()).isPositive();
                    assertThat(expected.position()).isNotNegative();
                }
            }
        }
    }
}
