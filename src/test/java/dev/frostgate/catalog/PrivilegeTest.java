package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.sql.SqlParser;
import dev.frostgate.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Every privilege a check can name is grantable, through the SQL door as Snowflake spells it, on the
 * kinds it is declared for; nothing else is accepted. (The live bug this pins: ATTACH POLICY was
 * checked but could not be granted.)
 */
class PrivilegeTest {

    @Test
    void everyPrivilegeIsGrantableOnSomeKindAndThatKindAcceptsIt() {
        for (Privilege privilege : Privilege.values()) {
            assertThat(privilege.grantableOn()).as(privilege.name()).isNotEmpty();
            privilege.grantableOn().forEach(kind -> assertThat(kind.accepts(privilege)).isTrue());
            assertThat(Privilege.named(privilege.displayName())).contains(privilege);
        }
    }

    @Test
    void everyPrivilegeParsesFromAGrantStatementOnEachOfItsKinds() {
        for (Privilege privilege : Privilege.values()) {
            for (ObjectKind kind : privilege.grantableOn()) {
                String on = switch (kind) {
                    case ACCOUNT -> "ACCOUNT";
                    case SCHEMA -> "SCHEMA db.s";
                    case INTEGRATION -> "INTEGRATION i";
                    default -> kind.name() + " x";
                };
                Statement parsed = SqlParser.parse("GRANT " + privilege.displayName() + " ON " + on + " TO ROLE r");
                assertThat(parsed).as(privilege + " on " + kind).isInstanceOfSatisfying(Statement.GrantPrivileges.class,
                        grant -> {
                            assertThat(grant.privileges()).containsExactly(privilege.displayName());
                            assertThat(ObjectKind.parse(grant.on().kind())).contains(kind);
                        });
            }
        }
    }

    @Test
    void allExpandsToWhatTheKindAcceptsAndKindsWithoutPrivilegesAcceptNone() {
        assertThat(ObjectKind.ACCOUNT.privileges()).contains(Privilege.ATTACH_POLICY, Privilege.MANAGE_GRANTS)
                .doesNotContain(Privilege.USE_ANY_ROLE, Privilege.IMPERSONATE);
        assertThat(ObjectKind.INTEGRATION.privileges()).containsExactly(Privilege.USAGE, Privilege.USE_ANY_ROLE);
        assertThat(ObjectKind.ROLE.privileges()).isEmpty();
        assertThat(Arrays.stream(Privilege.values()).filter(privilege -> privilege.grantableOn(ObjectKind.NETWORK_POLICY)))
                .isEmpty();
    }

    @Test
    void namesThatAreNotSnowflakePrivilegesAreUnknown() {
        assertThat(Privilege.named("APPLY NETWORK POLICY")).isEmpty();
        assertThat(Privilege.named("OWNERSHIP")).as("transferred with GRANT OWNERSHIP, not granted").isEmpty();
        assertThat(Privilege.named("manage grants")).as("as Snowflake spells it, upper case").isEmpty();
    }
}
