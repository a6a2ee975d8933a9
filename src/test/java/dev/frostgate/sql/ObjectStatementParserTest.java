package dev.frostgate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectStatementParserTest {
    private static final Statement.ObjectType RULE = Statement.ObjectType.NETWORK_RULE;
    private static final Statement.ObjectType POLICY = Statement.ObjectType.NETWORK_POLICY;

    private static void assertSyntaxError(String sql, int position, String unexpected) {
        SqlSyntaxException error = catchThrowableOfType(SqlSyntaxException.class, () -> SqlParser.parse(sql));
        assertThat(error).as(sql).isNotNull();
        assertThat(error.position()).as("position in %s", sql).isEqualTo(position);
        assertThat(error.unexpected()).isEqualTo(unexpected);
    }

    @Test
    void networkRules() {
        Statement create = SqlParser.parse("CREATE OR REPLACE NETWORK RULE IF NOT EXISTS db.sch.corp TYPE = IPV4 "
                + "VALUE_LIST = ('10.0.0.0/8', '192.168.1.7') MODE = INGRESS COMMENT = 'c'");
        assertThat(create).isEqualTo(new Statement.CreateObject(RULE, true, true, QualifiedName.of("DB", "SCH", "CORP"),
                List.of(new Property("TYPE", new Value.Identifier("IPV4")),
                        new Property("VALUE_LIST", new Value.ListOf(List.of(new Value.Text("10.0.0.0/8"),
                                new Value.Text("192.168.1.7")))),
                        new Property("MODE", new Value.Identifier("INGRESS")),
                        new Property("COMMENT", new Value.Text("c")))));
        assertThat(SqlParser.parse("alter network rule if exists corp unset value_list, comment"))
                .isEqualTo(new Statement.AlterObjectUnset(RULE, true, QualifiedName.of("CORP"),
                        List.of("VALUE_LIST", "COMMENT")));
        assertThat(SqlParser.parse("DROP NETWORK RULE corp")).isEqualTo(
                new Statement.DropObject(RULE, false, QualifiedName.of("CORP")));
        assertThat(SqlParser.parse("DESC NETWORK RULE corp")).isEqualTo(
                new Statement.DescribeObject(RULE, QualifiedName.of("CORP")));
        assertThat(SqlParser.parse("SHOW NETWORK RULES LIKE 'C%' IN SCHEMA db.sch STARTS WITH 'C' LIMIT 3"))
                .isEqualTo(new Statement.ShowObjects(RULE, Optional.of("C%"), Optional.of(QualifiedName.of("DB", "SCH")),
                        Optional.empty(), Optional.of("C"), Optional.of(3L)));
    }

    @Test
    void networkPolicies() {
        assertThat(SqlParser.parse("ALTER NETWORK POLICY p ADD ALLOWED_IP_LIST = ('1.2.3.4')"))
                .isEqualTo(new Statement.AlterObjectListChange(POLICY, false, QualifiedName.of("P"), true,
                        new Property("ALLOWED_IP_LIST", new Value.ListOf(List.of(new Value.Text("1.2.3.4"))))));
        assertThat(SqlParser.parse("ALTER NETWORK POLICY p REMOVE BLOCKED_NETWORK_RULE_LIST = ('r')"))
                .isInstanceOf(Statement.AlterObjectListChange.class)
                .extracting(statement -> ((Statement.AlterObjectListChange) statement).add()).isEqualTo(false);
        assertThat(SqlParser.parse("ALTER NETWORK POLICY p RENAME TO q")).isEqualTo(
                new Statement.AlterObjectRename(POLICY, false, QualifiedName.of("P"), QualifiedName.of("Q")));
        assertThat(SqlParser.parse("SHOW NETWORK POLICIES")).isEqualTo(new Statement.ShowObjects(POLICY,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(SqlParser.parse("ALTER ACCOUNT SET NETWORK_POLICY = p")).isEqualTo(new Statement.AlterAccountSet(
                List.of(new Property("NETWORK_POLICY", new Value.Identifier("P")))));
        assertThat(SqlParser.parse("ALTER ACCOUNT UNSET NETWORK_POLICY")).isEqualTo(
                new Statement.AlterAccountUnset(List.of("NETWORK_POLICY")));
    }

    @Test
    void otherObjectTypesShareTheShapes() {
        Statement policy = SqlParser.parse("CREATE AUTHENTICATION POLICY my_example_authentication_policy\n"
                + "  CLIENT_TYPES = ('SNOWFLAKE_UI')\n  AUTHENTICATION_METHODS = ('OAUTH', 'PASSWORD');");
        assertThat(policy).isInstanceOf(Statement.CreateObject.class);
        assertThat(((Statement.CreateObject) policy).type()).isEqualTo(Statement.ObjectType.AUTHENTICATION_POLICY);
        Statement pat = SqlParser.parse("CREATE AUTHENTICATION POLICY p PAT_POLICY = (DEFAULT_EXPIRY_IN_DAYS = 30 "
                + "BLOCKED_ROLES_LIST = ('ACCOUNTADMIN'))");
        assertThat(((Statement.CreateObject) pat).properties().get(0).value()).isEqualTo(new Value.Nested(List.of(
                new Property("DEFAULT_EXPIRY_IN_DAYS", new Value.Number(BigDecimal.valueOf(30))),
                new Property("BLOCKED_ROLES_LIST", new Value.ListOf(List.of(new Value.Text("ACCOUNTADMIN")))))));
        assertThat(SqlParser.parse("SHOW AUTHENTICATION POLICIES ON USER bob")).isEqualTo(new Statement.ShowObjects(
                Statement.ObjectType.AUTHENTICATION_POLICY, Optional.empty(), Optional.empty(),
                Optional.of(new Statement.ShowTarget.User("BOB")), Optional.empty(), Optional.empty()));
        assertThat(SqlParser.parse("DROP INTEGRATION okta")).isEqualTo(new Statement.DropObject(
                Statement.ObjectType.SECURITY_INTEGRATION, false, QualifiedName.of("OKTA")));
        assertThat(SqlParser.parse("SHOW INTEGRATIONS")).isInstanceOf(Statement.ShowObjects.class);
        assertThat(SqlParser.parse("CREATE DATABASE IF NOT EXISTS security")).isEqualTo(new Statement.CreateObject(
                Statement.ObjectType.DATABASE, false, true, QualifiedName.of("SECURITY"), List.of()));
        assertThat(SqlParser.parse("ALTER SESSION SET TIMEZONE = 'UTC'")).isInstanceOf(Statement.AlterSessionSet.class);
        assertThat(SqlParser.parse("ALTER USER u SET PASSWORD = 'x'")).isInstanceOf(Statement.AlterUserSet.class);
    }

    @Test
    void policyAttachments() {
        assertThat(SqlParser.parse("ALTER ACCOUNT SET AUTHENTICATION POLICY db.s.p FOR ALL SERVICE USERS FORCE"))
                .isEqualTo(new Statement.SetPolicy(new Statement.PolicyTarget.Account(Optional.of("SERVICE")),
                        Statement.PolicyKind.AUTHENTICATION, QualifiedName.of("DB", "S", "P"), true));
        assertThat(SqlParser.parse("ALTER ACCOUNT UNSET PASSWORD POLICY")).isEqualTo(new Statement.UnsetPolicy(
                new Statement.PolicyTarget.Account(Optional.empty()), Statement.PolicyKind.PASSWORD));
        assertThat(SqlParser.parse("ALTER USER example_user SET AUTHENTICATION POLICY restrict_client_type_policy;"))
                .isEqualTo(new Statement.SetPolicy(new Statement.PolicyTarget.User(false, Optional.of("EXAMPLE_USER")),
                        Statement.PolicyKind.AUTHENTICATION, QualifiedName.of("RESTRICT_CLIENT_TYPE_POLICY"), false));
        assertThat(SqlParser.parse("ALTER USER IF EXISTS UNSET SESSION POLICY")).isEqualTo(new Statement.UnsetPolicy(
                new Statement.PolicyTarget.User(true, Optional.empty()), Statement.PolicyKind.SESSION));
        assertThat(SqlParser.parse("ALTER USER u SET PASSWORD = 'x'")).isInstanceOf(Statement.AlterUserSet.class);
        assertThat(SqlParser.parse("ALTER USER u UNSET PASSWORD")).isInstanceOf(Statement.AlterUserUnset.class);
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY p FOR ALL ROBOT USERS", 50, "ROBOT");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY", 39, "<EOF>");
        assertSyntaxError("ALTER USER u SET AUTHENTICATION POLICY p FOR ALL PERSON USERS", 41, "FOR");
    }

    @Test
    void malformedObjectStatements() {
        assertSyntaxError("CREATE NETWORK POLICY", 21, "<EOF>");
        assertSyntaxError("CREATE INTEGRATION x TYPE = SCIM", 7, "INTEGRATION");
        assertSyntaxError("SHOW NETWORK POLICY", 5, "NETWORK");
        assertSyntaxError("ALTER NETWORK RULE r ADD VALUE_LIST = ('1.2.3.4')", 21, "ADD");
        assertSyntaxError("ALTER NETWORK POLICY p ADD ALLOWED_IP_LIST = ('1.2.3.4') BLOCKED_IP_LIST = ()", 57,
                "BLOCKED_IP_LIST");
        assertSyntaxError("DROP NETWORK RULE a.b.c.d", 23, ".");
        assertSyntaxError("ALTER ACCOUNT", 13, "<EOF>");
    }
}
