package dev.frostgate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.sql.Statement.ObjectType;
import dev.frostgate.sql.Statement.ShowScope;
import dev.frostgate.sql.Statement.ShowTarget;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** CREATE / ALTER / DROP / DESCRIBE / SHOW of databases, schemas, network rules and policies, policies, integrations. */
class ObjectStatementParserTest {

    private static final ObjectType DATABASE = ObjectType.DATABASE;
    private static final ObjectType SCHEMA = ObjectType.SCHEMA;
    private static final ObjectType RULE = ObjectType.NETWORK_RULE;
    private static final ObjectType NETWORK_POLICY = ObjectType.NETWORK_POLICY;
    private static final ObjectType AUTHENTICATION = ObjectType.AUTHENTICATION_POLICY;
    private static final ObjectType PASSWORD = ObjectType.PASSWORD_POLICY;
    private static final ObjectType SESSION = ObjectType.SESSION_POLICY;
    private static final ObjectType INTEGRATION = ObjectType.SECURITY_INTEGRATION;

    private static Statement parse(String sql) {
        return SqlParser.parse(sql);
    }

    static void assertSyntaxError(String sql, int line, int position, String unexpected) {
        assertThatThrownBy(() -> SqlParser.parse(sql)).as(sql)
                .isInstanceOfSatisfying(SqlSyntaxException.class, error -> {
                    assertThat(error.line()).as("line of %s", sql).isEqualTo(line);
                    assertThat(error.position()).as("position in %s", sql).isEqualTo(position);
                    assertThat(error.unexpected()).as("unexpected in %s", sql).isEqualTo(unexpected);
                });
    }

    private static QualifiedName name(String... parts) {
        return QualifiedName.of(parts);
    }

    private static Property property(String name, Value value) {
        return new Property(name, value);
    }

    private static Value text(String text) {
        return new Value.Text(text);
    }

    private static Value word(String word) {
        return new Value.Identifier(word);
    }

    private static Value number(long number) {
        return new Value.Number(BigDecimal.valueOf(number));
    }

    private static Value texts(String... texts) {
        return new Value.ListOf(Arrays.stream(texts).map(ObjectStatementParserTest::text).toList());
    }

    private static Value nested(Property... properties) {
        return new Value.Nested(List.of(properties));
    }

    private static Statement.ShowObjects showAll(ObjectType type) {
        return new Statement.ShowObjects(type, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), ShowScope.DEFAULT);
    }

    @Nested
    class Databases {

        @Test
        void createDropAlterDescribe() {
            assertThat(parse("CREATE DATABASE d")).isEqualTo(
                    new Statement.CreateObject(DATABASE, false, false, name("D"), List.of()));
            assertThat(parse("create or replace database if not exists security comment = 'policies live here'"))
                    .isEqualTo(new Statement.CreateObject(DATABASE, true, true, name("SECURITY"),
                            List.of(property("COMMENT", text("policies live here")))));
            assertThat(parse("DROP DATABASE IF EXISTS \"my db\"")).isEqualTo(
                    new Statement.DropObject(DATABASE, true, name("my db")));
            assertThat(parse("ALTER DATABASE IF EXISTS d SET COMMENT = 'c', DATA_RETENTION_TIME_IN_DAYS = 1"))
                    .isEqualTo(new Statement.AlterObjectSet(DATABASE, true, name("D"), List.of(
                            property("COMMENT", text("c")), property("DATA_RETENTION_TIME_IN_DAYS", number(1)))));
            assertThat(parse("ALTER DATABASE d UNSET COMMENT")).isEqualTo(
                    new Statement.AlterObjectUnset(DATABASE, false, name("D"), List.of("COMMENT")));
            assertThat(parse("ALTER DATABASE d RENAME TO d2")).isEqualTo(
                    new Statement.AlterObjectRename(DATABASE, false, name("D"), name("D2")));
            assertThat(parse("DESC DATABASE d")).isEqualTo(new Statement.DescribeObject(DATABASE, name("D")));
            assertThat(parse("DESCRIBE DATABASE d;")).isEqualTo(new Statement.DescribeObject(DATABASE, name("D")));
        }

        @Test
        void show() {
            assertThat(parse("SHOW DATABASES")).isEqualTo(showAll(DATABASE));
            assertThat(parse("show databases like 'SEC%' starts with 'SEC' limit 2")).isEqualTo(
                    new Statement.ShowObjects(DATABASE, Optional.of("SEC%"), Optional.empty(), Optional.empty(),
                            Optional.of("SEC"), Optional.of(2L), ShowScope.DEFAULT));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE DATABASE a.b", 1, 17, ".");
            assertSyntaxError("CREATE DATABASE", 1, 15, "<EOF>");
            assertSyntaxError("DROP DATABASE IF EXISTS", 1, 23, "<EOF>");
            assertSyntaxError("ALTER DATABASE d", 1, 16, "<EOF>");
            assertSyntaxError("ALTER DATABASE d SET", 1, 20, "<EOF>");
            assertSyntaxError("ALTER DATABASE d RENAME d2", 1, 24, "d2");
            assertSyntaxError("ALTER DATABASE d ADD COMMENT = 'x'", 1, 17, "ADD");
            assertSyntaxError("SHOW DATABASES IN ACCOUNT", 1, 15, "IN");
            assertSyntaxError("SHOW DATABASE", 1, 5, "DATABASE");
        }
    }

    @Nested
    class Schemas {

        @Test
        void createDropAlterDescribe() {
            assertThat(parse("CREATE OR REPLACE SCHEMA IF NOT EXISTS my_database.my_schema COMMENT = 'x'"))
                    .isEqualTo(new Statement.CreateObject(SCHEMA, true, true, name("MY_DATABASE", "MY_SCHEMA"),
                            List.of(property("COMMENT", text("x")))));
            assertThat(parse("CREATE SCHEMA s")).isEqualTo(
                    new Statement.CreateObject(SCHEMA, false, false, name("S"), List.of()));
            assertThat(parse("DROP SCHEMA IF EXISTS d.s")).isEqualTo(
                    new Statement.DropObject(SCHEMA, true, name("D", "S")));
            assertThat(parse("ALTER SCHEMA IF EXISTS d.s SET COMMENT = 'c'")).isEqualTo(
                    new Statement.AlterObjectSet(SCHEMA, true, name("D", "S"), List.of(property("COMMENT", text("c")))));
            assertThat(parse("ALTER SCHEMA s UNSET COMMENT")).isEqualTo(
                    new Statement.AlterObjectUnset(SCHEMA, false, name("S"), List.of("COMMENT")));
            assertThat(parse("ALTER SCHEMA d.s RENAME TO d.s2")).isEqualTo(
                    new Statement.AlterObjectRename(SCHEMA, false, name("D", "S"), name("D", "S2")));
            assertThat(parse("DESC SCHEMA d.s")).isEqualTo(new Statement.DescribeObject(SCHEMA, name("D", "S")));
        }

        @Test
        void show() {
            assertThat(parse("SHOW SCHEMAS")).isEqualTo(showAll(SCHEMA));
            assertThat(parse("SHOW SCHEMAS IN DATABASE my_database")).isEqualTo(new Statement.ShowObjects(SCHEMA,
                    Optional.empty(), Optional.of(name("MY_DATABASE")), Optional.empty(), Optional.empty(),
                    Optional.empty(), ShowScope.DATABASE));
            assertThat(parse("SHOW SCHEMAS LIKE 'A%' IN ACCOUNT LIMIT 10")).isEqualTo(new Statement.ShowObjects(SCHEMA,
                    Optional.of("A%"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(10L),
                    ShowScope.ACCOUNT));
            assertThat(parse("SHOW SCHEMAS IN DATABASE")).isEqualTo(new Statement.ShowObjects(SCHEMA,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    ShowScope.DATABASE));
            assertThat(parse("SHOW SCHEMAS IN DATABASE STARTS WITH 'X'")).isEqualTo(new Statement.ShowObjects(SCHEMA,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("X"), Optional.empty(),
                    ShowScope.DATABASE));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE SCHEMA a.b.c", 1, 17, ".");
            assertSyntaxError("SHOW SCHEMAS IN SCHEMA s", 1, 16, "SCHEMA");
            assertSyntaxError("SHOW SCHEMAS IN d", 1, 16, "d");
            assertSyntaxError("SHOW SCHEMAS IN DATABASE a.b", 1, 26, ".");
            assertSyntaxError("SHOW SCHEMAS ON ACCOUNT", 1, 13, "ON");
        }
    }

    @Nested
    class NetworkRules {

        @Test
        void create() {
            assertThat(parse("CREATE OR REPLACE NETWORK RULE IF NOT EXISTS db.sch.corp TYPE = IPV4 "
                    + "VALUE_LIST = ('10.0.0.0/8', '192.168.1.1') MODE = INGRESS COMMENT = 'corporate'"))
                    .isEqualTo(new Statement.CreateObject(RULE, true, true, name("DB", "SCH", "CORP"), List.of(
                            property("TYPE", word("IPV4")),
                            property("VALUE_LIST", texts("10.0.0.0/8", "192.168.1.1")),
                            property("MODE", word("INGRESS")),
                            property("COMMENT", text("corporate")))));
            assertThat(parse("create network rule r type = ipv6, value_list = ('::1'), mode = ingress"))
                    .isEqualTo(new Statement.CreateObject(RULE, false, false, name("R"), List.of(
                            property("TYPE", word("IPV6")), property("VALUE_LIST", texts("::1")),
                            property("MODE", word("INGRESS")))));
            assertThat(parse("CREATE NETWORK RULE s.r TYPE = HOST_PORT VALUE_LIST = ('example.com:443') MODE = EGRESS"))
                    .isEqualTo(new Statement.CreateObject(RULE, false, false, name("S", "R"), List.of(
                            property("TYPE", word("HOST_PORT")), property("VALUE_LIST", texts("example.com:443")),
                            property("MODE", word("EGRESS")))));
        }

        @Test
        void alterDropDescribe() {
            assertThat(parse("ALTER NETWORK RULE IF EXISTS corp SET VALUE_LIST = ('10.1.0.0/16') COMMENT = 'c'"))
                    .isEqualTo(new Statement.AlterObjectSet(RULE, true, name("CORP"), List.of(
                            property("VALUE_LIST", texts("10.1.0.0/16")), property("COMMENT", text("c")))));
            assertThat(parse("ALTER NETWORK RULE corp SET VALUE_LIST = ()")).isEqualTo(new Statement.AlterObjectSet(
                    RULE, false, name("CORP"), List.of(property("VALUE_LIST", new Value.ListOf(List.of())))));
            assertThat(parse("alter network rule if exists corp unset value_list, comment"))
                    .isEqualTo(new Statement.AlterObjectUnset(RULE, true, name("CORP"), List.of("VALUE_LIST", "COMMENT")));
            assertThat(parse("ALTER NETWORK RULE d.s.corp UNSET COMMENT")).isEqualTo(
                    new Statement.AlterObjectUnset(RULE, false, name("D", "S", "CORP"), List.of("COMMENT")));
            assertThat(parse("DROP NETWORK RULE corp")).isEqualTo(new Statement.DropObject(RULE, false, name("CORP")));
            assertThat(parse("DROP NETWORK RULE IF EXISTS d.s.corp")).isEqualTo(
                    new Statement.DropObject(RULE, true, name("D", "S", "CORP")));
            assertThat(parse("DESC NETWORK RULE corp")).isEqualTo(new Statement.DescribeObject(RULE, name("CORP")));
            assertThat(parse("DESCRIBE NETWORK RULE s.corp")).isEqualTo(
                    new Statement.DescribeObject(RULE, name("S", "CORP")));
        }

        @Test
        void show() {
            assertThat(parse("SHOW NETWORK RULES")).isEqualTo(showAll(RULE));
            assertThat(parse("SHOW NETWORK RULES LIKE 'C%' IN SCHEMA db.sch STARTS WITH 'C' LIMIT 3"))
                    .isEqualTo(new Statement.ShowObjects(RULE, Optional.of("C%"), Optional.of(name("DB", "SCH")),
                            Optional.empty(), Optional.of("C"), Optional.of(3L), ShowScope.SCHEMA));
            assertThat(parse("SHOW NETWORK RULES IN ACCOUNT")).isEqualTo(new Statement.ShowObjects(RULE,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    ShowScope.ACCOUNT));
            assertThat(parse("SHOW NETWORK RULES IN DATABASE d")).isEqualTo(new Statement.ShowObjects(RULE,
                    Optional.empty(), Optional.of(name("D")), Optional.empty(), Optional.empty(), Optional.empty(),
                    ShowScope.DATABASE));
            assertThat(parse("SHOW NETWORK RULES IN SCHEMA s")).isEqualTo(new Statement.ShowObjects(RULE,
                    Optional.empty(), Optional.of(name("S")), Optional.empty(), Optional.empty(), Optional.empty(),
                    ShowScope.SCHEMA));
            assertThat(parse("SHOW NETWORK RULES IN s LIMIT 1")).isEqualTo(new Statement.ShowObjects(RULE,
                    Optional.empty(), Optional.of(name("S")), Optional.empty(), Optional.empty(), Optional.of(1L),
                    ShowScope.SCHEMA));
            assertThat(parse("SHOW NETWORK RULES IN SCHEMA LIMIT 5")).isEqualTo(new Statement.ShowObjects(RULE,
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(5L),
                    ShowScope.SCHEMA));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE NETWORK RULE", 1, 19, "<EOF>");
            assertSyntaxError("CREATE NETWORK RULE r TYPE IPV4", 1, 22, "TYPE");
            assertSyntaxError("CREATE NETWORK RULE r TYPE = IPV4,", 1, 34, "<EOF>");
            assertSyntaxError("CREATE NETWORK RULE r VALUE_LIST = ('a',)", 1, 40, ")");
            assertSyntaxError("CREATE NETWORK RULE r VALUE_LIST = ('a'", 1, 39, "<EOF>");
            assertSyntaxError("CREATE NETWORK RULES r", 1, 15, "RULES");
            assertSyntaxError("ALTER NETWORK RULE r ADD VALUE_LIST = ('1.2.3.4')", 1, 21, "ADD");
            assertSyntaxError("ALTER NETWORK RULE r RENAME TO s", 1, 21, "RENAME");
            assertSyntaxError("ALTER NETWORK RULE r UNSET", 1, 26, "<EOF>");
            assertSyntaxError("ALTER NETWORK RULE r UNSET VALUE_LIST,", 1, 38, "<EOF>");
            assertSyntaxError("DROP NETWORK RULE a.b.c.d", 1, 23, ".");
            assertSyntaxError("SHOW NETWORK RULE", 1, 13, "RULE");
            assertSyntaxError("SHOW NETWORK RULES IN SCHEMA a.b.c", 1, 32, ".");
            assertSyntaxError("SHOW NETWORK RULES LIMIT 3 LIKE 'x'", 1, 27, "LIKE");
            assertSyntaxError("SHOW NETWORK RULES ON ACCOUNT", 1, 19, "ON");
            assertSyntaxError("SHOW NETWORK RULES LIMIT 'x'", 1, 25, "<string literal>");
            assertSyntaxError("SHOW NETWORK RULES IN", 1, 21, "<EOF>");
            assertSyntaxError("DESC NETWORK", 1, 12, "<EOF>");
        }
    }

    @Nested
    class NetworkPolicies {

        @Test
        void create() {
            assertThat(parse("""
                    CREATE OR REPLACE NETWORK POLICY IF NOT EXISTS corp_only
                      ALLOWED_NETWORK_RULE_LIST = ('r1', 'db.s.r2')
                      BLOCKED_NETWORK_RULE_LIST = ('r3')
                      ALLOWED_IP_LIST = ('1.2.3.0/24')
                      BLOCKED_IP_LIST = ('1.2.3.4')
                      COMMENT = 'corporate only';
                    """)).isEqualTo(new Statement.CreateObject(NETWORK_POLICY, true, true, name("CORP_ONLY"), List.of(
                    property("ALLOWED_NETWORK_RULE_LIST", texts("r1", "db.s.r2")),
                    property("BLOCKED_NETWORK_RULE_LIST", texts("r3")),
                    property("ALLOWED_IP_LIST", texts("1.2.3.0/24")),
                    property("BLOCKED_IP_LIST", texts("1.2.3.4")),
                    property("COMMENT", text("corporate only")))));
            assertThat(parse("CREATE NETWORK POLICY p")).isEqualTo(
                    new Statement.CreateObject(NETWORK_POLICY, false, false, name("P"), List.of()));
        }

        @Test
        void alter() {
            assertThat(parse("ALTER NETWORK POLICY IF EXISTS p SET ALLOWED_IP_LIST = ('0.0.0.0/0'), COMMENT = 'c'"))
                    .isEqualTo(new Statement.AlterObjectSet(NETWORK_POLICY, true, name("P"), List.of(
                            property("ALLOWED_IP_LIST", texts("0.0.0.0/0")), property("COMMENT", text("c")))));
            assertThat(parse("ALTER NETWORK POLICY p UNSET BLOCKED_IP_LIST, COMMENT")).isEqualTo(
                    new Statement.AlterObjectUnset(NETWORK_POLICY, false, name("P"),
                            List.of("BLOCKED_IP_LIST", "COMMENT")));
            assertThat(parse("ALTER NETWORK POLICY p RENAME TO n2")).isEqualTo(
                    new Statement.AlterObjectRename(NETWORK_POLICY, false, name("P"), name("N2")));
            assertThat(parse("ALTER NETWORK POLICY p ADD ALLOWED_NETWORK_RULE_LIST = ('r3')")).isEqualTo(
                    new Statement.AlterObjectListChange(NETWORK_POLICY, false, name("P"), true,
                            property("ALLOWED_NETWORK_RULE_LIST", texts("r3"))));
            assertThat(parse("alter network policy if exists p remove blocked_ip_list = ('1.2.3.4')")).isEqualTo(
                    new Statement.AlterObjectListChange(NETWORK_POLICY, true, name("P"), false,
                            property("BLOCKED_IP_LIST", texts("1.2.3.4"))));
        }

        @Test
        void dropDescribeShow() {
            assertThat(parse("DROP NETWORK POLICY IF EXISTS p")).isEqualTo(
                    new Statement.DropObject(NETWORK_POLICY, true, name("P")));
            assertThat(parse("DESC NETWORK POLICY p")).isEqualTo(new Statement.DescribeObject(NETWORK_POLICY, name("P")));
            assertThat(parse("SHOW NETWORK POLICIES")).isEqualTo(showAll(NETWORK_POLICY));
            assertThat(parse("SHOW NETWORK POLICIES LIKE 'CORP%'")).isEqualTo(new Statement.ShowObjects(NETWORK_POLICY,
                    Optional.of("CORP%"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    ShowScope.DEFAULT));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE NETWORK POLICY", 1, 21, "<EOF>");
            assertSyntaxError("SHOW NETWORK POLICY", 1, 13, "POLICY");
            assertSyntaxError("CREATE NETWORK POLICIES p", 1, 15, "POLICIES");
            assertSyntaxError("CREATE NETWORK p", 1, 15, "p");
            assertSyntaxError("CREATE NETWORK POLICY db.s.p", 1, 24, ".");
            assertSyntaxError("ALTER NETWORK POLICY p ADD ALLOWED_IP_LIST = ('1.2.3.4') BLOCKED_IP_LIST = ()", 1, 57,
                    "BLOCKED_IP_LIST");
            assertSyntaxError("ALTER NETWORK POLICY p ADD", 1, 26, "<EOF>");
            assertSyntaxError("ALTER NETWORK POLICY p REMOVE ALLOWED_IP_LIST", 1, 45, "<EOF>");
            assertSyntaxError("ALTER NETWORK POLICY p RENAME TO", 1, 32, "<EOF>");
            assertSyntaxError("ALTER NETWORK POLICY p SET ALLOWED_IP_LIST = ('1.2.3.4'", 1, 55, "<EOF>");
            assertSyntaxError("SHOW NETWORK POLICIES IN ACCOUNT", 1, 22, "IN");
            assertSyntaxError("SHOW NETWORK POLICIES LIMIT 1", 1, 22, "LIMIT");
            assertSyntaxError("CREATE NETWORK POLICY p\n  ALLOWED_IP_LIST = ('1.2.3.4')\n  BLOCKED_IP_LIST ('5.6.7.8')",
                    3, 2, "BLOCKED_IP_LIST");
        }
    }

    @Nested
    class Policies {

        @Test
        void seedAuthenticationPolicy() {
            assertThat(parse("CREATE AUTHENTICATION POLICY my_example_authentication_policy\n"
                    + "  CLIENT_TYPES = ('SNOWFLAKE_UI')\n  AUTHENTICATION_METHODS = ('OAUTH', 'PASSWORD');"))
                    .isEqualTo(new Statement.CreateObject(AUTHENTICATION, false, false,
                            name("MY_EXAMPLE_AUTHENTICATION_POLICY"), List.of(
                            property("CLIENT_TYPES", texts("SNOWFLAKE_UI")),
                            property("AUTHENTICATION_METHODS", texts("OAUTH", "PASSWORD")))));
        }

        @Test
        void createAuthenticationPolicyWithEveryKindOfValue() {
            assertThat(parse("""
                    CREATE OR REPLACE AUTHENTICATION POLICY IF NOT EXISTS my_db.my_schema.restrict_login
                      AUTHENTICATION_METHODS = ('SAML', 'PASSWORD')
                      CLIENT_TYPES = ('SNOWFLAKE_UI', 'SNOWSQL', 'DRIVERS')
                      SECURITY_INTEGRATIONS = ('EXAMPLE_OKTA_INTEGRATION')
                      MFA_ENROLLMENT = REQUIRED
                      PAT_POLICY = (DEFAULT_EXPIRY_IN_DAYS = 30 MAX_EXPIRY_IN_DAYS = 90
                                    NETWORK_POLICY_EVALUATION = ENFORCED_NOT_REQUIRED
                                    BLOCKED_ROLES_LIST = ('ACCOUNTADMIN'))
                      CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION = '3.25.0') GO_DRIVER = (MINIMUM_VERSION = '1.0.0'))
                      MFA_POLICY = (ALLOWED_METHODS = ('PASSKEY', 'TOTP') ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION = 'ALL')
                      COMMENT = 'only SAML or passwords';
                    """)).isEqualTo(new Statement.CreateObject(AUTHENTICATION, true, true,
                    name("MY_DB", "MY_SCHEMA", "RESTRICT_LOGIN"), List.of(
                    property("AUTHENTICATION_METHODS", texts("SAML", "PASSWORD")),
                    property("CLIENT_TYPES", texts("SNOWFLAKE_UI", "SNOWSQL", "DRIVERS")),
                    property("SECURITY_INTEGRATIONS", texts("EXAMPLE_OKTA_INTEGRATION")),
                    property("MFA_ENROLLMENT", word("REQUIRED")),
                    property("PAT_POLICY", nested(
                            property("DEFAULT_EXPIRY_IN_DAYS", number(30)),
                            property("MAX_EXPIRY_IN_DAYS", number(90)),
                            property("NETWORK_POLICY_EVALUATION", word("ENFORCED_NOT_REQUIRED")),
                            property("BLOCKED_ROLES_LIST", texts("ACCOUNTADMIN")))),
                    property("CLIENT_POLICY", nested(
                            property("JDBC_DRIVER", nested(property("MINIMUM_VERSION", text("3.25.0")))),
                            property("GO_DRIVER", nested(property("MINIMUM_VERSION", text("1.0.0")))))),
                    property("MFA_POLICY", nested(
                            property("ALLOWED_METHODS", texts("PASSKEY", "TOTP")),
                            property("ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION", text("ALL")))),
                    property("COMMENT", text("only SAML or passwords")))));
        }

        @Test
        void passwordAndSessionPolicies() {
            assertThat(parse("CREATE PASSWORD POLICY IF NOT EXISTS s.strict PASSWORD_MIN_LENGTH = 12 "
                    + "PASSWORD_MAX_RETRIES = 3"))
                    .isEqualTo(new Statement.CreateObject(PASSWORD, false, true, name("S", "STRICT"), List.of(
                            property("PASSWORD_MIN_LENGTH", number(12)), property("PASSWORD_MAX_RETRIES", number(3)))));
            assertThat(parse("create or replace session policy brief session_idle_timeout_mins = 30, comment = 'c'"))
                    .isEqualTo(new Statement.CreateObject(SESSION, true, false, name("BRIEF"), List.of(
                            property("SESSION_IDLE_TIMEOUT_MINS", number(30)), property("COMMENT", text("c")))));
        }

        @Test
        void alterDropDescribeEveryKind() {
            for (ObjectType type : List.of(AUTHENTICATION, PASSWORD, SESSION)) {
                String kind = type.name().replace('_', ' ');
                assertThat(parse("ALTER " + kind + " IF EXISTS db.s.p SET COMMENT = 'c'")).isEqualTo(
                        new Statement.AlterObjectSet(type, true, name("DB", "S", "P"),
                                List.of(property("COMMENT", text("c")))));
                assertThat(parse("ALTER " + kind + " p UNSET COMMENT, CLIENT_TYPES")).isEqualTo(
                        new Statement.AlterObjectUnset(type, false, name("P"), List.of("COMMENT", "CLIENT_TYPES")));
                assertThat(parse("ALTER " + kind + " p RENAME TO s.q")).isEqualTo(
                        new Statement.AlterObjectRename(type, false, name("P"), name("S", "Q")));
                assertThat(parse("DROP " + kind + " IF EXISTS p")).isEqualTo(new Statement.DropObject(type, true, name("P")));
                assertThat(parse("DROP " + kind + " p")).isEqualTo(new Statement.DropObject(type, false, name("P")));
                assertThat(parse("DESC " + kind + " d.s.p")).isEqualTo(
                        new Statement.DescribeObject(type, name("D", "S", "P")));
                assertThat(parse("describe " + kind.toLowerCase() + " p")).isEqualTo(
                        new Statement.DescribeObject(type, name("P")));
                assertThat(parse("CREATE " + kind + " p")).isEqualTo(
                        new Statement.CreateObject(type, false, false, name("P"), List.of()));
            }
            assertThat(parse("ALTER SESSION POLICY brief_sessions SET SESSION_IDLE_TIMEOUT_MINS = 5")).isEqualTo(
                    new Statement.AlterObjectSet(SESSION, false, name("BRIEF_SESSIONS"),
                            List.of(property("SESSION_IDLE_TIMEOUT_MINS", number(5)))));
            assertThat(parse("ALTER SESSION SET TIMEZONE = 'UTC'")).isInstanceOf(Statement.AlterSessionSet.class);
        }

        @Test
        void showEveryKind() {
            for (ObjectType type : List.of(AUTHENTICATION, PASSWORD, SESSION)) {
                String kinds = type.name().replace("_POLICY", " POLICIES");
                assertThat(parse("SHOW " + kinds)).isEqualTo(showAll(type));
                assertThat(parse("SHOW " + kinds + " LIKE 'P%' IN DATABASE d ON ACCOUNT STARTS WITH 'P' LIMIT 10"))
                        .isEqualTo(new Statement.ShowObjects(type, Optional.of("P%"), Optional.of(name("D")),
                                Optional.of(new ShowTarget.Account()), Optional.of("P"), Optional.of(10L),
                                ShowScope.DATABASE));
                assertThat(parse("SHOW " + kinds + " ON USER bob")).isEqualTo(new Statement.ShowObjects(type,
                        Optional.empty(), Optional.empty(), Optional.of(new ShowTarget.User("BOB")),
                        Optional.empty(), Optional.empty(), ShowScope.DEFAULT));
                assertThat(parse("SHOW " + kinds + " IN SCHEMA d.s")).isEqualTo(new Statement.ShowObjects(type,
                        Optional.empty(), Optional.of(name("D", "S")), Optional.empty(), Optional.empty(),
                        Optional.empty(), ShowScope.SCHEMA));
            }
            assertThat(parse("show authentication policies on user \"Bob\"")).isEqualTo(new Statement.ShowObjects(
                    AUTHENTICATION, Optional.empty(), Optional.empty(), Optional.of(new ShowTarget.User("Bob")),
                    Optional.empty(), Optional.empty(), ShowScope.DEFAULT));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE AUTHENTICATION POLICY", 1, 28, "<EOF>");
            assertSyntaxError("CREATE AUTHENTICATION p", 1, 22, "p");
            assertSyntaxError("CREATE PASSWORD POLICY p PASSWORD_MIN_LENGTH = ", 1, 47, "<EOF>");
            assertSyntaxError("CREATE SESSION POLICY p SESSION_IDLE_TIMEOUT_MINS = 30 30", 1, 55, "30");
            assertSyntaxError("ALTER AUTHENTICATION POLICY p ADD CLIENT_TYPES = ('DRIVERS')", 1, 30, "ADD");
            assertSyntaxError("ALTER PASSWORD POLICY p RENAME q", 1, 31, "q");
            assertSyntaxError("ALTER SESSION FOO", 1, 14, "FOO");
            assertSyntaxError("SHOW AUTHENTICATION POLICY", 1, 20, "POLICY");
            assertSyntaxError("SHOW PASSWORD", 1, 13, "<EOF>");
            assertSyntaxError("SHOW SESSION POLICIES ON USER", 1, 29, "<EOF>");
            assertSyntaxError("SHOW SESSION POLICIES ON ROLE r", 1, 25, "ROLE");
            assertSyntaxError("SHOW AUTHENTICATION POLICIES ON USER a.b", 1, 38, ".");
            assertSyntaxError("SHOW PASSWORD POLICIES ON ACCOUNT IN ACCOUNT", 1, 34, "IN");
            assertSyntaxError("SHOW PASSWORD POLICIES STARTS 'x'", 1, 23, "STARTS");
            assertSyntaxError("DESCRIBE SESSION POLICY", 1, 23, "<EOF>");
            assertSyntaxError("DROP AUTHENTICATION POLICY p q", 1, 29, "q");
            assertSyntaxError("CREATE AUTHENTICATION POLICY p\n  CLIENT_POLICY = (JDBC_DRIVER = (MINIMUM_VERSION '3.25.0'))",
                    2, 50, "<string literal>");
        }
    }

    @Nested
    class SecurityIntegrations {

        @Test
        void create() {
            assertThat(parse("""
                    CREATE OR REPLACE SECURITY INTEGRATION IF NOT EXISTS external_oauth_okta
                      TYPE = EXTERNAL_OAUTH
                      ENABLED = TRUE
                      EXTERNAL_OAUTH_TYPE = OKTA
                      EXTERNAL_OAUTH_ISSUER = 'https://example.okta.com/oauth2/default'
                      EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://example.okta.com/oauth2/default/v1/keys'
                      EXTERNAL_OAUTH_AUDIENCE_LIST = ('https://example.snowflakecomputing.com')
                      EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = ('upn', 'email')
                      EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'
                      EXTERNAL_OAUTH_ANY_ROLE_MODE = 'DISABLE'
                      EXTERNAL_OAUTH_ALLOWED_ROLES_LIST = ('ANALYST', 'PUBLIC');
                    """)).isEqualTo(new Statement.CreateObject(INTEGRATION, true, true, name("EXTERNAL_OAUTH_OKTA"),
                    List.of(property("TYPE", word("EXTERNAL_OAUTH")),
                            property("ENABLED", new Value.Bool(true)),
                            property("EXTERNAL_OAUTH_TYPE", word("OKTA")),
                            property("EXTERNAL_OAUTH_ISSUER", text("https://example.okta.com/oauth2/default")),
                            property("EXTERNAL_OAUTH_JWS_KEYS_URL",
                                    text("https://example.okta.com/oauth2/default/v1/keys")),
                            property("EXTERNAL_OAUTH_AUDIENCE_LIST", texts("https://example.snowflakecomputing.com")),
                            property("EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM", texts("upn", "email")),
                            property("EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE", text("LOGIN_NAME")),
                            property("EXTERNAL_OAUTH_ANY_ROLE_MODE", text("DISABLE")),
                            property("EXTERNAL_OAUTH_ALLOWED_ROLES_LIST", texts("ANALYST", "PUBLIC")))));
        }

        @Test
        void alterDropDescribeShowWithOrWithoutSecurity() {
            for (String words : List.of("SECURITY INTEGRATION", "INTEGRATION", "security integration")) {
                assertThat(parse("ALTER " + words + " IF EXISTS okta SET ENABLED = FALSE")).isEqualTo(
                        new Statement.AlterObjectSet(INTEGRATION, true, name("OKTA"),
                                List.of(property("ENABLED", new Value.Bool(false)))));
                assertThat(parse("ALTER " + words + " okta UNSET EXTERNAL_OAUTH_ALLOWED_ROLES_LIST, COMMENT"))
                        .isEqualTo(new Statement.AlterObjectUnset(INTEGRATION, false, name("OKTA"),
                                List.of("EXTERNAL_OAUTH_ALLOWED_ROLES_LIST", "COMMENT")));
                assertThat(parse("DROP " + words + " IF EXISTS okta")).isEqualTo(
                        new Statement.DropObject(INTEGRATION, true, name("OKTA")));
                assertThat(parse("DESC " + words + " okta")).isEqualTo(
                        new Statement.DescribeObject(INTEGRATION, name("OKTA")));
                assertThat(parse("DESCRIBE " + words + " okta")).isEqualTo(
                        new Statement.DescribeObject(INTEGRATION, name("OKTA")));
                assertThat(parse("SHOW " + words + "S")).isEqualTo(showAll(INTEGRATION));
                assertThat(parse("SHOW " + words + "S LIKE 'OKTA%'")).isEqualTo(new Statement.ShowObjects(INTEGRATION,
                        Optional.of("OKTA%"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                        ShowScope.DEFAULT));
            }
        }

        @Test
        void seedFourAlterSyntaxForExternalOAuth() {
            assertThat(parse("""
                    ALTER SECURITY INTEGRATION IF EXISTS okta SET TYPE = EXTERNAL_OAUTH ENABLED = TRUE
                      EXTERNAL_OAUTH_TYPE = AZURE EXTERNAL_OAUTH_ISSUER = 'https://sts.windows.net/t/'
                      EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'upn'
                      EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'EMAIL_ADDRESS'
                      EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://login.example/keys'
                      EXTERNAL_OAUTH_RSA_PUBLIC_KEY = 'MIIB
                    IjAN' EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2 = 'MIIC'
                      EXTERNAL_OAUTH_AUDIENCE_LIST = ('https://example.com/api/v2/', 'https://example.com')
                      EXTERNAL_OAUTH_ANY_ROLE_MODE = 'ENABLE_FOR_PRIVILEGE'
                    """)).isEqualTo(new Statement.AlterObjectSet(INTEGRATION, true, name("OKTA"), List.of(
                    property("TYPE", word("EXTERNAL_OAUTH")), property("ENABLED", new Value.Bool(true)),
                    property("EXTERNAL_OAUTH_TYPE", word("AZURE")),
                    property("EXTERNAL_OAUTH_ISSUER", text("https://sts.windows.net/t/")),
                    property("EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM", text("upn")),
                    property("EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE", text("EMAIL_ADDRESS")),
                    property("EXTERNAL_OAUTH_JWS_KEYS_URL", text("https://login.example/keys")),
                    property("EXTERNAL_OAUTH_RSA_PUBLIC_KEY", text("MIIB\nIjAN")),
                    property("EXTERNAL_OAUTH_RSA_PUBLIC_KEY_2", text("MIIC")),
                    property("EXTERNAL_OAUTH_AUDIENCE_LIST", texts("https://example.com/api/v2/", "https://example.com")),
                    property("EXTERNAL_OAUTH_ANY_ROLE_MODE", text("ENABLE_FOR_PRIVILEGE")))));
            assertThat(parse("ALTER SECURITY INTEGRATION IF EXISTS okta UNSET ENABLED, EXTERNAL_OAUTH_AUDIENCE_LIST"))
                    .isEqualTo(new Statement.AlterObjectUnset(INTEGRATION, true, name("OKTA"),
                            List.of("ENABLED", "EXTERNAL_OAUTH_AUDIENCE_LIST")));
            assertThat(parse("CREATE SECURITY INTEGRATION \"Mixed Case\" TYPE = EXTERNAL_OAUTH, ENABLED = FALSE"))
                    .isEqualTo(new Statement.CreateObject(INTEGRATION, false, false, name("Mixed Case"),
                            List.of(property("TYPE", word("EXTERNAL_OAUTH")), property("ENABLED", new Value.Bool(false)))));
        }

        @Test
        void errors() {
            assertSyntaxError("CREATE INTEGRATION x TYPE = SCIM", 1, 7, "INTEGRATION");
            assertSyntaxError("CREATE OR REPLACE INTEGRATION x TYPE = SCIM", 1, 18, "INTEGRATION");
            assertSyntaxError("CREATE SECURITY INTEGRATION", 1, 27, "<EOF>");
            assertSyntaxError("CREATE SECURITY x", 1, 16, "x");
            assertSyntaxError("CREATE SECURITY INTEGRATION a.b TYPE = SCIM", 1, 29, ".");
            // Snowflake's ALTER [SECURITY] INTEGRATION has SET, UNSET and their TAG forms, no RENAME.
            assertSyntaxError("ALTER INTEGRATION okta RENAME TO o2", 1, 23, "RENAME");
            assertSyntaxError("ALTER SECURITY INTEGRATION okta SET", 1, 35, "<EOF>");
            assertSyntaxError("ALTER SECURITY INTEGRATION okta UNSET ENABLED,", 1, 46, "<EOF>");
            assertSyntaxError("SHOW INTEGRATION", 1, 5, "INTEGRATION");
            assertSyntaxError("SHOW SECURITY INTEGRATION", 1, 14, "INTEGRATION");
            assertSyntaxError("SHOW INTEGRATIONS IN ACCOUNT", 1, 18, "IN");
            assertSyntaxError("CREATE SECURITY INTEGRATION i TYPE = EXTERNAL_OAUTH\n  ENABLED = TRUE\n"
                    + "  EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = ('upn' 'email')", 3, 51, "<string literal>");
        }
    }

    @Test
    void randomObjectStatementsOnlyEverFailWithSyntaxErrors() {
        String[] pieces = {"CREATE", "ALTER", "DROP", "DESC", "SHOW", "GRANT", "OWNERSHIP", "ON", "TO", "ROLE", "OR",
                "REPLACE", "IF", "NOT", "EXISTS", "DATABASE", "DATABASES", "SCHEMA", "SCHEMAS", "NETWORK", "RULE",
                "RULES", "POLICY", "POLICIES", "AUTHENTICATION", "PASSWORD", "SESSION", "SECURITY", "INTEGRATION",
                "INTEGRATIONS", "ACCOUNT", "USER", "SET", "UNSET", "RENAME", "ADD", "REMOVE", "IN", "LIKE", "STARTS",
                "WITH", "LIMIT", "FOR", "ALL", "PERSON", "SERVICE", "USERS", "FORCE", "x", "\"q\"", ".", ",", "=",
                "(", ")", "'s'", "1", ";"};
        Random random = new Random(7);
        for (int attempt = 0; attempt < 1_000; attempt++) {
            StringBuilder sql = new StringBuilder(pieces[random.nextInt(5)]);
            int length = random.nextInt(10);
            for (int index = 0; index < length; index++) {
                sql.append(random.nextBoolean() ? " " : "\n").append(pieces[random.nextInt(pieces.length)]);
            }
            try {
                SqlParser.parse(sql.toString());
            } catch (SqlSyntaxException expected) {
                assertThat(expected.line()).as(sql.toString()).isPositive();
                assertThat(expected.position()).as(sql.toString()).isNotNegative();
            }
        }
    }
}
