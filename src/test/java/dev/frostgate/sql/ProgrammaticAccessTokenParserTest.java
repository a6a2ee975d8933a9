package dev.frostgate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.sql.Statement.AddProgrammaticAccessToken;
import dev.frostgate.sql.Statement.ModifyProgrammaticAccessToken;
import dev.frostgate.sql.Statement.RemoveProgrammaticAccessToken;
import dev.frostgate.sql.Statement.RotateProgrammaticAccessToken;
import dev.frostgate.sql.Statement.ShowProgrammaticAccessTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The PAT forms of ALTER USER and SHOW USER PATS, as the reference (§1.1–1.5) and seed 000 write them. */
class ProgrammaticAccessTokenParserTest {

    private static Property property(String name, Value value) {
        return new Property(name, value);
    }

    private static Value number(long value) {
        return new Value.Number(BigDecimal.valueOf(value));
    }

    @Test
    void addWithEveryOptionBothKeywordsAndSeed000sComments() {
        assertThat(SqlParser.parse("""
                alter user if exists tableau_user add programmatic access token tableau_token
                days_to_expiry = 365 -- up to 365 days
                role_restriction = 'PUBLIC';"""))
                .isEqualTo(new AddProgrammaticAccessToken(true, Optional.of("TABLEAU_USER"), false, "TABLEAU_TOKEN",
                        List.of(property("DAYS_TO_EXPIRY", number(365)),
                                property("ROLE_RESTRICTION", new Value.Text("PUBLIC")))));
        assertThat(SqlParser.parse("ALTER USER ADD PAT IF NOT EXISTS t MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT = 5 "
                + "COMMENT = 'c'")).isEqualTo(new AddProgrammaticAccessToken(false, Optional.empty(), true, "T",
                List.of(property("MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT", number(5)),
                        property("COMMENT", new Value.Text("c")))));
    }

    @Test
    void modifyRenameSetAndUnset() {
        assertThat(SqlParser.parse("ALTER USER u MODIFY PROGRAMMATIC ACCESS TOKEN IF EXISTS t RENAME TO t2"))
                .isEqualTo(new ModifyProgrammaticAccessToken(false, Optional.of("U"), true, "T", List.of(), List.of(),
                        Optional.of("T2")));
        assertThat(SqlParser.parse("ALTER USER u MODIFY PAT t SET DISABLED = FALSE COMMENT = 'back'"))
                .isEqualTo(new ModifyProgrammaticAccessToken(false, Optional.of("U"), false, "T",
                        List.of(property("DISABLED", new Value.Bool(false)), property("COMMENT", new Value.Text("back"))),
                        List.of(), Optional.empty()));
        assertThat(SqlParser.parse("ALTER USER MODIFY PAT t UNSET MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT, COMMENT"))
                .isEqualTo(new ModifyProgrammaticAccessToken(false, Optional.empty(), false, "T", List.of(),
                        List.of("MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT", "COMMENT"), Optional.empty()));
    }

    @Test
    void rotateRemoveAndShow() {
        assertThat(SqlParser.parse("ALTER USER IF EXISTS u ROTATE PROGRAMMATIC ACCESS TOKEN t "
                + "EXPIRE_ROTATED_TOKEN_AFTER_HOURS = 0"))
                .isEqualTo(new RotateProgrammaticAccessToken(true, Optional.of("U"), false, "T",
                        List.of(property("EXPIRE_ROTATED_TOKEN_AFTER_HOURS", number(0)))));
        assertThat(SqlParser.parse("ALTER USER u REMOVE PAT IF EXISTS t"))
                .isEqualTo(new RemoveProgrammaticAccessToken(false, Optional.of("U"), true, "T"));
        assertThat(SqlParser.parse("SHOW USER PATS")).isEqualTo(new ShowProgrammaticAccessTokens(Optional.empty()));
        assertThat(SqlParser.parse("show user programmatic access tokens for user \"Mixed\""))
                .isEqualTo(new ShowProgrammaticAccessTokens(Optional.of("Mixed")));
    }

    @Test
    void malformedFormsAreSyntaxErrors() {
        for (String sql : List.of("ALTER USER u ADD PAT", "ALTER USER u ADD PROGRAMMATIC TOKEN t",
                "ALTER USER u MODIFY PAT t", "ALTER USER u MODIFY PAT t RENAME t2", "ALTER USER u ROTATE PAT",
                "ALTER USER u REMOVE PAT t EXTRA", "SHOW USER PATS FOR u", "ALTER USER u ADD PAT t DAYS_TO_EXPIRY =")) {
            assertThatThrownBy(() -> SqlParser.parse(sql)).as(sql).isInstanceOf(SqlSyntaxException.class);
        }
    }
}
