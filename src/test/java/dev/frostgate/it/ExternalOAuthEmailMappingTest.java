package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.loginFailureReason;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.OAuthTestEnvironment;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'EMAIL_ADDRESS' with a real identity provider (mock-oauth2-server)
 * and the real JDBC driver: the token's email claim names the user whose EMAIL it is, ignoring case; an email that
 * several users share names none of them.
 */
class ExternalOAuthEmailMappingTest {
    @RegisterExtension
    static final OAuthTestEnvironment oauth = new OAuthTestEnvironment();

    @BeforeAll
    static void start() throws Exception {
        execute(oauth.admin(), oauth.idp().createIntegration("mail_idp", "mail", "email", "EMAIL_ADDRESS"),
                "CREATE USER dana LOGIN_NAME = 'dana_login' EMAIL = 'Dana.Lee@Example.com'",
                "CREATE USER shared_one EMAIL = 'team@example.com'",
                "CREATE USER shared_two EMAIL = 'TEAM@example.com'");
    }

    private static String token(String email) {
        return oauth.idp().token("mail", "subject-ignored", Map.of("email", email,
                "scp", List.of("session:role:public")));
    }

    private static Connection jdbc(String token) throws SQLException {
        return SnowflakeJdbc.V3.connectWithOAuth(oauth.server(), token);
    }

    /** A refused login's 390303 and the specific reason SYSTEM$GET_LOGIN_FAILURE_DETAILS recorded for it. */
    private static String refusedReason(String token) throws Exception {
        return loginFailureReason(oauth.admin(), failsWith("390303", () -> jdbc(token).close()).getMessage());
    }

    @Test
    void theEmailClaimNamesTheUserWhateverItsCase() throws Exception {
        try (Connection dana = jdbc(token("DANA.LEE@example.COM"))) {
            assertThat(value(dana, "SELECT CURRENT_USER()")).isEqualTo("DANA");
        }
        assertThat(refusedReason(token("dana_login"))).as("the login name is not an email")
                .isEqualTo("EXTERNAL_OAUTH_USER_NOT_FOUND");
    }

    @Test
    void anEmailSeveralUsersShareIsRefusedAsAmbiguous() throws Exception {
        assertThat(refusedReason(token("team@example.com"))).isEqualTo("EXTERNAL_OAUTH_USER_AMBIGUOUS");
        execute(oauth.admin(), "ALTER USER shared_two SET EMAIL = 'team.two@example.com'");
        try {
            try (Connection one = jdbc(token("Team@Example.com"))) {
                assertThat(value(one, "SELECT CURRENT_USER()")).isEqualTo("SHARED_ONE");
            }
        } finally {
            execute(oauth.admin(), "ALTER USER shared_two SET EMAIL = 'TEAM@example.com'");
        }
    }

    @Test
    void changingOrUnsettingAUsersEmailChangesWhichTokensNameIt() throws Exception {
        execute(oauth.admin(), "CREATE USER erin EMAIL = 'erin@example.com'");
        try (Connection erin = jdbc(token("erin@example.com"))) {
            assertThat(value(erin, "SELECT CURRENT_USER()")).isEqualTo("ERIN");
        }
        execute(oauth.admin(), "ALTER USER erin SET EMAIL = 'erin.new@example.com'");
        assertThat(refusedReason(token("erin@example.com"))).isEqualTo("EXTERNAL_OAUTH_USER_NOT_FOUND");
        try (Connection erin = jdbc(token("Erin.New@example.com"))) {
            assertThat(value(erin, "SELECT CURRENT_USER()")).isEqualTo("ERIN");
        }
        execute(oauth.admin(), "ALTER USER erin UNSET EMAIL");
        assertThat(refusedReason(token("erin.new@example.com"))).isEqualTo("EXTERNAL_OAUTH_USER_NOT_FOUND");
    }
}
