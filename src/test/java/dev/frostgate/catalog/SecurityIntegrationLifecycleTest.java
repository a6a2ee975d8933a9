package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.testing.CoreFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Security integrations on the shared object lifecycle, through the real core: the order CREATE judges a statement
 * in, the grants that go with a replaced or dropped integration, and a refused DROP that leaves both as they were.
 */
class SecurityIntegrationLifecycleTest {
    private static final String CREATE = "CREATE SECURITY INTEGRATION %s TYPE = EXTERNAL_OAUTH "
            + "EXTERNAL_OAUTH_TYPE = CUSTOM EXTERNAL_OAUTH_ISSUER = 'https://issuer.example' "
            + "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME' "
            + "EXTERNAL_OAUTH_JWS_KEYS_URL = 'https://k.example/keys' ";
    private static CoreFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start();
        fixture.sql("CREATE ROLE integration_users");
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** The code the statement is refused with, as the client sees it. */
    private static String refused(String statement) {
        return assertThrows(FrostgateException.class, () -> fixture.sql(statement)).errorCode().code();
    }

    private static List<String> grantees(String integration) {
        return fixture.rows("SHOW GRANTS ON INTEGRATION " + integration).stream()
                .map(row -> (String) row.get("grantee_name")).toList();
    }

    @Test
    void aBadStatementIsReportedBeforeTheNameIsLookedAt() {
        fixture.sql(CREATE.formatted("judged_first"));
        assertThat(refused(CREATE.formatted("judged_first") + "COLOUR = 'red'")).isEqualTo("001008");
        assertThat(refused(CREATE.formatted("judged_first").replace("INTEGRATION", "INTEGRATION IF NOT EXISTS")
                + "EXTERNAL_OAUTH_ANY_ROLE_MODE = 'SOMETIMES'")).isEqualTo("002211");
        assertThat(refused("CREATE SECURITY INTEGRATION judged_first TYPE = SAML2"))
                .isEqualTo("000002");
        assertThat(refused(CREATE.formatted("judged_first"))).isEqualTo("002002");
    }

    @Test
    void grantsGoWithAReplacedOrDroppedIntegration() {
        fixture.sql(CREATE.formatted("granted"), "GRANT USAGE ON INTEGRATION granted TO ROLE integration_users");
        assertThat(grantees("granted")).containsExactly("INTEGRATION_USERS");
        fixture.sql(CREATE.replace("CREATE", "CREATE OR REPLACE").formatted("granted"));
        assertThat(grantees("granted")).isEmpty();

        fixture.sql("GRANT USAGE ON INTEGRATION granted TO ROLE integration_users", "DROP INTEGRATION granted",
                CREATE.formatted("granted"));
        assertThat(grantees("granted")).isEmpty();
    }

    @Test
    void aRefusedDropLeavesTheIntegrationAndItsGrants() {
        fixture.sql(CREATE.formatted("in_use"), "GRANT USAGE ON INTEGRATION in_use TO ROLE integration_users",
                "CREATE DATABASE lifecycle", "CREATE SCHEMA lifecycle.policies",
                "CREATE AUTHENTICATION POLICY lifecycle.policies.oauth SECURITY_INTEGRATIONS = ('IN_USE')");
        FrostgateException inUse = assertThrows(FrostgateException.class, () -> fixture.sql("DROP INTEGRATION in_use"));
        assertThat(inUse.errorCode()).isEqualTo(ErrorCode.OBJECT_IN_USE);
        assertThat(inUse.getMessage()).contains("Integration 'IN_USE' cannot be dropped because authentication "
                + "policy 'OAUTH' uses it.");
        assertThat(grantees("in_use")).containsExactly("INTEGRATION_USERS");

        // A replacement keeps the name the policy uses: allowed, as before the lifecycle.
        fixture.sql(CREATE.replace("CREATE", "CREATE OR REPLACE").formatted("in_use"));
        assertThat(grantees("in_use")).isEmpty();
    }
}
