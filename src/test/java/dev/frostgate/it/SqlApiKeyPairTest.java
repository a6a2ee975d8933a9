package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.SqlApiClient;
import dev.frostgate.testing.TestKeyPair;
import dev.frostgate.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SQL API with a key-pair JWT as the bearer, declared or recognised from the token. */
class SqlApiKeyPairTest {
    private static final TestKeyPair KEY = TestKeyPair.generate();
    private static final TestKeyPair OTHER_KEY = TestKeyPair.generate();

    @RegisterExtension
    static final TestServer running = TestServer.perClass();
    private SqlApiClient api;

    @BeforeEach
    void start() throws Exception {
        execute(running.admin(), "CREATE ROLE etl", "CREATE USER loader TYPE = SERVICE DEFAULT_ROLE = etl "
                + "RSA_PUBLIC_KEY = '" + KEY.publicKeyBase64() + "'", "GRANT ROLE etl TO USER loader");
        api = new SqlApiClient(running.server());
    }

    @Test
    void aKeyPairJwtRunsStatementsWithOrWithoutTheTypeHeader() throws Exception {
        String token = KEY.jwt("frostgate", "loader");
        SqlApiClient.Reply declared = api.post("/api/v2/statements", "{\"statement\":\"SELECT CURRENT_USER(), "
                + "CURRENT_ROLE()\"}", SqlApiClient.bearer(token, "KEYPAIR_JWT"));
        assertThat(declared.status()).as(declared.text()).isEqualTo(200);
        assertThat(declared.body().path("data").get(0).get(0).asText()).isEqualTo("LOADER");
        assertThat(declared.body().path("data").get(0).get(1).asText()).isEqualTo("ETL");

        SqlApiClient.Reply recognised = api.statement(token, "SELECT 1");
        assertThat(recognised.status()).as(recognised.text()).isEqualTo(200);
        assertThat(rows(running.admin(), "SELECT first_authentication_factor FROM "
                + "SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE user_name = 'LOADER' AND is_success = 'YES'"))
                .isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("FIRST_AUTHENTICATION_FACTOR",
                        "RSA_KEYPAIR"));
    }

    @Test
    void aJwtSignedWithAnotherKeyOrSentAsAnotherTypeIsRefused() throws Exception {
        SqlApiClient.Reply forged = api.statement(OTHER_KEY.jwt("frostgate", "loader"), "SELECT 1");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("390144");
        assertThat(forged.body().path("message").asText()).matches("JWT token is invalid\\. \\[[0-9a-f-]{36}\\]");

        SqlApiClient.Reply asToken = api.post("/api/v2/statements", "{\"statement\":\"SELECT 1\"}",
                SqlApiClient.bearer(KEY.jwt("frostgate", "loader"), "PROGRAMMATIC_ACCESS_TOKEN"));
        assertThat(asToken.status()).isEqualTo(401);
        assertThat(asToken.code()).isEqualTo("394400");
        assertThat(asToken.text()).doesNotContain(KEY.jwt("frostgate", "loader").substring(0, 30));
    }

    @Test
    void theAuthenticationPolicyMayRefuseKeyPairs() throws Exception {
        execute(running.admin(), "CREATE AUTHENTICATION POLICY tokens_only AUTHENTICATION_METHODS = "
                + "('PROGRAMMATIC_ACCESS_TOKEN')", "ALTER USER loader SET AUTHENTICATION POLICY tokens_only");
        SqlApiClient.Reply refused = api.statement(KEY.jwt("frostgate", "loader"), "SELECT 1");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("390447");
    }
}
