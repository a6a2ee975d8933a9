package dev.frostgate.sql;

import static dev.frostgate.sql.ObjectStatementParserTest.assertSyntaxError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.sql.Statement.PolicyKind;
import dev.frostgate.sql.Statement.PolicyTarget;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ALTER ACCOUNT parameters, and attaching policies to the account or a user. */
class AccountStatementParserTest {

    private static final PolicyTarget ACCOUNT = new PolicyTarget.Account(Optional.empty());
    private static final PolicyTarget PERSONS = new PolicyTarget.Account(Optional.of("PERSON"));
    private static final PolicyTarget SERVICES = new PolicyTarget.Account(Optional.of("SERVICE"));

    private static Statement parse(String sql) {
        return SqlParser.parse(sql);
    }

    private static PolicyTarget user(String name) {
        return new PolicyTarget.User(false, Optional.of(name));
    }

    @Test
    void accountParameters() {
        assertThat(parse("ALTER ACCOUNT SET NETWORK_POLICY = p")).isEqualTo(new Statement.AlterAccountSet(
                List.of(new Property("NETWORK_POLICY", new Value.Identifier("P")))));
        assertThat(parse("alter account set external_oauth_add_privileged_roles_to_blocked_list = false, "
                + "network_policy = \"Mixed\" CLIENT_ENCRYPTION_KEY_SIZE = 256"))
                .isEqualTo(new Statement.AlterAccountSet(List.of(
                        new Property("EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST", new Value.Bool(false)),
                        new Property("NETWORK_POLICY", new Value.Identifier("Mixed")),
                        new Property("CLIENT_ENCRYPTION_KEY_SIZE", new Value.Number(java.math.BigDecimal.valueOf(256))))));
        assertThat(parse("ALTER ACCOUNT UNSET NETWORK_POLICY")).isEqualTo(
                new Statement.AlterAccountUnset(List.of("NETWORK_POLICY")));
        assertThat(parse("ALTER ACCOUNT UNSET NETWORK_POLICY, EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST;"))
                .isEqualTo(new Statement.AlterAccountUnset(
                        List.of("NETWORK_POLICY", "EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST")));
    }

    @Test
    void accountPolicies() {
        assertThat(parse("ALTER ACCOUNT SET AUTHENTICATION POLICY p")).isEqualTo(
                new Statement.SetPolicy(ACCOUNT, PolicyKind.AUTHENTICATION, QualifiedName.of("P"), false));
        assertThat(parse("ALTER ACCOUNT SET AUTHENTICATION POLICY my_db.my_schema.p FOR ALL PERSON USERS")).isEqualTo(
                new Statement.SetPolicy(PERSONS, PolicyKind.AUTHENTICATION,
                        QualifiedName.of("MY_DB", "MY_SCHEMA", "P"), false));
        assertThat(parse("ALTER ACCOUNT SET AUTHENTICATION POLICY db.s.p FOR ALL SERVICE USERS FORCE")).isEqualTo(
                new Statement.SetPolicy(SERVICES, PolicyKind.AUTHENTICATION, QualifiedName.of("DB", "S", "P"), true));
        assertThat(parse("alter account set password policy s.strict force")).isEqualTo(
                new Statement.SetPolicy(ACCOUNT, PolicyKind.PASSWORD, QualifiedName.of("S", "STRICT"), true));
        assertThat(parse("ALTER ACCOUNT SET SESSION POLICY \"Brief\" FOR ALL PERSON USERS")).isEqualTo(
                new Statement.SetPolicy(PERSONS, PolicyKind.SESSION, QualifiedName.of("Brief"), false));
        assertThat(parse("ALTER ACCOUNT UNSET AUTHENTICATION POLICY")).isEqualTo(
                new Statement.UnsetPolicy(ACCOUNT, PolicyKind.AUTHENTICATION));
        assertThat(parse("ALTER ACCOUNT UNSET PASSWORD POLICY")).isEqualTo(
                new Statement.UnsetPolicy(ACCOUNT, PolicyKind.PASSWORD));
        assertThat(parse("ALTER ACCOUNT UNSET SESSION POLICY FOR ALL SERVICE USERS;")).isEqualTo(
                new Statement.UnsetPolicy(SERVICES, PolicyKind.SESSION));
        assertThat(parse("ALTER ACCOUNT UNSET AUTHENTICATION POLICY FOR ALL PERSON USERS")).isEqualTo(
                new Statement.UnsetPolicy(PERSONS, PolicyKind.AUTHENTICATION));
    }

    @Test
    void userPolicies() {
        assertThat(parse("ALTER USER example_user SET AUTHENTICATION POLICY restrict_client_type_policy;")).isEqualTo(
                new Statement.SetPolicy(user("EXAMPLE_USER"), PolicyKind.AUTHENTICATION,
                        QualifiedName.of("RESTRICT_CLIENT_TYPE_POLICY"), false));
        assertThat(parse("ALTER USER IF EXISTS u SET PASSWORD POLICY db.s.strict FORCE")).isEqualTo(
                new Statement.SetPolicy(new PolicyTarget.User(true, Optional.of("U")), PolicyKind.PASSWORD,
                        QualifiedName.of("DB", "S", "STRICT"), true));
        assertThat(parse("ALTER USER SET SESSION POLICY brief")).isEqualTo(new Statement.SetPolicy(
                new PolicyTarget.User(false, Optional.empty()), PolicyKind.SESSION, QualifiedName.of("BRIEF"), false));
        assertThat(parse("ALTER USER u UNSET AUTHENTICATION POLICY")).isEqualTo(
                new Statement.UnsetPolicy(user("U"), PolicyKind.AUTHENTICATION));
        assertThat(parse("ALTER USER IF EXISTS UNSET SESSION POLICY")).isEqualTo(new Statement.UnsetPolicy(
                new PolicyTarget.User(true, Optional.empty()), PolicyKind.SESSION));
        assertThat(parse("alter user u unset password policy")).isEqualTo(
                new Statement.UnsetPolicy(user("U"), PolicyKind.PASSWORD));
    }

    @Test
    void passwordAloneIsStillTheUserProperty() {
        assertThat(parse("ALTER USER u SET PASSWORD = 'x'")).isEqualTo(new Statement.AlterUserSet(false,
                Optional.of("U"), List.of(new Property("PASSWORD", new Value.Text("x")))));
        assertThat(parse("ALTER USER u UNSET PASSWORD")).isEqualTo(
                new Statement.AlterUserUnset(false, Optional.of("U"), List.of("PASSWORD")));
        assertThat(parse("ALTER USER u UNSET PASSWORD, COMMENT")).isEqualTo(
                new Statement.AlterUserUnset(false, Optional.of("U"), List.of("PASSWORD", "COMMENT")));
        assertThat(parse("ALTER USER SET PASSWORD = 'x' MUST_CHANGE_PASSWORD = TRUE")).isEqualTo(
                new Statement.AlterUserSet(false, Optional.empty(), List.of(
                        new Property("PASSWORD", new Value.Text("x")),
                        new Property("MUST_CHANGE_PASSWORD", new Value.Bool(true)))));
        assertThat(parse("ALTER USER password SET password = 'x'")).isEqualTo(new Statement.AlterUserSet(false,
                Optional.of("PASSWORD"), List.of(new Property("PASSWORD", new Value.Text("x")))));
        assertThat(parse("ALTER USER u SET NETWORK_POLICY = p")).isEqualTo(new Statement.AlterUserSet(false,
                Optional.of("U"), List.of(new Property("NETWORK_POLICY", new Value.Identifier("P")))));
        assertThat(parse("ALTER USER u UNSET NETWORK_POLICY")).isEqualTo(
                new Statement.AlterUserUnset(false, Optional.of("U"), List.of("NETWORK_POLICY")));
        assertThat(parse("ALTER USER u SET SESSION_POLICY = 'x'")).isInstanceOf(Statement.AlterUserSet.class);
    }

    @Test
    void errors() {
        assertSyntaxError("ALTER ACCOUNT", 1, 13, "<EOF>");
        assertSyntaxError("ALTER ACCOUNT FOO", 1, 14, "FOO");
        assertSyntaxError("ALTER ACCOUNT SET", 1, 17, "<EOF>");
        assertSyntaxError("ALTER ACCOUNT UNSET", 1, 19, "<EOF>");
        assertSyntaxError("ALTER ACCOUNT SET NETWORK_POLICY p", 1, 18, "NETWORK_POLICY");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY", 1, 39, "<EOF>");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY p FOR ALL ROBOT USERS", 1, 50, "ROBOT");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY p FOR ALL PERSON", 1, 56, "<EOF>");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY p FOR PERSON USERS", 1, 46, "PERSON");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY p FORCE FOR ALL PERSON USERS", 1, 48, "FOR");
        assertSyntaxError("ALTER ACCOUNT SET AUTHENTICATION POLICY db.s.p.q", 1, 46, ".");
        assertSyntaxError("ALTER ACCOUNT UNSET AUTHENTICATION POLICY p", 1, 42, "p");
        assertSyntaxError("ALTER ACCOUNT SET PASSWORD POLICY p\n  FOR ALL USERS", 2, 10, "USERS");
        assertSyntaxError("ALTER USER u SET AUTHENTICATION POLICY p FOR ALL PERSON USERS", 1, 41, "FOR");
        assertSyntaxError("ALTER USER u SET PASSWORD POLICY", 1, 32, "<EOF>");
        assertSyntaxError("ALTER USER u UNSET PASSWORD POLICY FORCE", 1, 35, "FORCE");
        assertSyntaxError("ALTER USER u UNSET SESSION POLICY FOR ALL PERSON USERS", 1, 34, "FOR");
        assertSyntaxError("ALTER USER u SET PASSWORD = 'x' PASSWORD POLICY p", 1, 32, "PASSWORD");
        assertSyntaxError("ALTER USER u SET PASSWORD 'x'", 1, 17, "PASSWORD");
    }
}
