package dev.frostgate.auth;

import static dev.frostgate.testing.CoreFixture.admitted;
import static dev.frostgate.testing.CoreFixture.login;
import static dev.frostgate.testing.CoreFixture.password;
import static dev.frostgate.testing.CoreFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.exec.Column;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.testing.CoreFixture;
import dev.frostgate.testing.TestKeyPair;
import java.time.Duration;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The login stages on the real core, without HTTP: each stage's refusal with its exact code, in Snowflake's
 * order (network and authentication policy before the credential is verified), and what the login history
 * records. Every test creates its own users.
 */
class LoginStagesTest {
    private static final String PASSWORD = "Stage-Test-Password-1";
    private static final String INSIDE = "10.20.30.40";
    private static final String OUTSIDE = "192.0.2.7";
    private static CoreFixture fixture;

    @BeforeAll
    static void start() {
        fixture = CoreFixture.start();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static String code(LoginOutcome outcome) {
        return refused(outcome).failure().errorCode().code();
    }

    private static String message(LoginOutcome outcome) {
        return refused(outcome).failure().getMessage();
    }

    @Test
    void aBlockedAddressIsRefusedBeforeThePasswordIsTried() {
        fixture.sql("CREATE USER net_user PASSWORD = '" + PASSWORD + "'",
                "CREATE NETWORK POLICY stages_ten ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER USER net_user SET NETWORK_POLICY = stages_ten");

        LoginOutcome blocked = fixture.login(login("net_user").password(PASSWORD).from(OUTSIDE).request());
        LoginOutcome blockedWrongPassword = fixture.login(login("net_user").password("wrong").from(OUTSIDE).request());

        assertThat(code(blocked)).isEqualTo("390422");
        assertThat(message(blocked)).startsWith("Incoming request with IP/Token " + OUTSIDE + " is not allowed");
        assertThat(code(blockedWrongPassword)).isEqualTo("390422");
        assertThat(admitted(fixture.login(login("net_user").password(PASSWORD).from(INSIDE).request()))
                .user().name()).isEqualTo("NET_USER");
        assertThat(fixture.loginHistory("net_user"))
                .containsExactly("NO INCOMING_IP_BLOCKED", "NO INCOMING_IP_BLOCKED", "YES");
    }

    @Test
    void theAuthenticationPolicyRefusesClientTypesAndMethodsWithAFailureId() {
        fixture.sql("CREATE USER ui_only PASSWORD = '" + PASSWORD + "'", "CREATE USER keys_only PASSWORD = '"
                        + PASSWORD + "'",
                "CREATE AUTHENTICATION POLICY stages_ui CLIENT_TYPES = ('SNOWFLAKE_UI')",
                "CREATE AUTHENTICATION POLICY stages_keys AUTHENTICATION_METHODS = ('KEYPAIR')",
                "ALTER USER ui_only SET AUTHENTICATION POLICY stages_ui",
                "ALTER USER keys_only SET AUTHENTICATION POLICY stages_keys");

        LoginOutcome clientType = fixture.login(password("ui_only", PASSWORD));
        LoginOutcome method = fixture.login(password("keys_only", PASSWORD));
        LoginOutcome methodWrongPassword = fixture.login(password("keys_only", "wrong"));

        assertThat(code(clientType)).isEqualTo("390447");
        assertThat(message(clientType)).matches("Authentication attempt rejected by the current authentication "
                + "policy: client type JDBC_DRIVER is not allowed\\. \\[[0-9a-f-]{36}]");
        assertThat(code(method)).isEqualTo("390447");
        assertThat(message(method)).contains("authentication method PASSWORD is not allowed.");
        assertThat(code(methodWrongPassword)).as("the policy is judged before the password").isEqualTo("390447");
        assertThat(refused(method).failure().failureId()).isPresent();
        assertThat(fixture.loginHistory("ui_only")).containsExactly("NO CLIENT_TYPE_NOT_ALLOWED");
        assertThat(fixture.loginHistory("keys_only"))
                .containsExactly("NO AUTHENTICATION_METHOD_NOT_ALLOWED", "NO AUTHENTICATION_METHOD_NOT_ALLOWED");
    }

    @Test
    void failedPasswordsLockTheUserUntilTheLockoutTimeHasPassedOnTheClock() {
        fixture.sql("CREATE USER locked_user PASSWORD = '" + PASSWORD + "'");

        for (int attempt = 1; attempt <= LockoutSettings.DEFAULTS.maximumRetries(); attempt++) {
            assertThat(code(fixture.login(password("locked_user", "wrong-" + attempt)))).isEqualTo("390100");
        }
        LoginOutcome locked = fixture.login(password("locked_user", PASSWORD));
        fixture.clock().advance(LockoutSettings.DEFAULTS.lockoutTime().minusMinutes(1));
        LoginOutcome stillLocked = fixture.login(password("locked_user", PASSWORD));
        // A second past the end: the store keeps times to the microsecond and may round the lock's end up.
        fixture.clock().advance(Duration.ofMinutes(1).plusSeconds(1));
        LoginOutcome unlocked = fixture.login(password("locked_user", PASSWORD));

        assertThat(code(locked)).isEqualTo("390102");
        assertThat(code(stillLocked)).isEqualTo("390102");
        assertThat(admitted(unlocked).user().name()).isEqualTo("LOCKED_USER");
        assertThat(fixture.loginHistory("locked_user")).containsExactly("NO INCORRECT_USERNAME_PASSWORD",
                "NO INCORRECT_USERNAME_PASSWORD", "NO INCORRECT_USERNAME_PASSWORD", "NO INCORRECT_USERNAME_PASSWORD",
                "NO INCORRECT_USERNAME_PASSWORD", "NO USER_LOCKED_TEMP", "NO USER_LOCKED_TEMP", "YES");
    }

    @Test
    void aRoleRestrictedTokenLogsInWithItsRoleOnlyAndAnUnknownTokenIs394400() {
        fixture.sql("CREATE ROLE stages_analyst", "CREATE USER pat_user PASSWORD = '" + PASSWORD + "'",
                "GRANT ROLE stages_analyst TO USER pat_user", "GRANT ROLE SYSADMIN TO USER pat_user",
                "CREATE NETWORK POLICY stages_pat_net ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER USER pat_user SET NETWORK_POLICY = stages_pat_net");
        String secret = tokenSecret(fixture.sql(
                "ALTER USER pat_user ADD PAT stages_token ROLE_RESTRICTION = 'STAGES_ANALYST'"));

        LoginOutcome.Admitted withToken = admitted(fixture.login(
                login("pat_user").token("PROGRAMMATIC_ACCESS_TOKEN", secret).from(INSIDE).request()));
        LoginOutcome.Admitted asPassword = admitted(fixture.login(login("pat_user").password(secret).from(INSIDE)
                .request()));
        LoginOutcome otherRole = fixture.login(login("pat_user").token("PROGRAMMATIC_ACCESS_TOKEN", secret)
                .role("SYSADMIN").from(INSIDE).request());
        LoginOutcome blocked = fixture.login(login("pat_user").token("PROGRAMMATIC_ACCESS_TOKEN", secret)
                .from(OUTSIDE).request());
        LoginOutcome unknown = fixture.login(login("pat_user").token("PROGRAMMATIC_ACCESS_TOKEN",
                secret.substring(0, secret.length() - 4) + "AAAA").from(INSIDE).request());

        assertThat(withToken.issued().session().primaryRole()).isEqualTo("STAGES_ANALYST");
        assertThat(withToken.issued().session().authenticationMethod()).isEqualTo("PROGRAMMATIC_ACCESS_TOKEN");
        assertThat(asPassword.issued().session().primaryRole()).isEqualTo("STAGES_ANALYST");
        assertThat(code(otherRole)).isEqualTo("390186");
        assertThat(message(otherRole)).isEqualTo(
                "Role 'SYSADMIN' specified in the request is not allowed for this programmatic access token.");
        assertThat(code(blocked)).isEqualTo("390422");
        assertThat(code(unknown)).isEqualTo("394400");
        assertThat(message(unknown)).doesNotContain(secret);
    }

    private static String tokenSecret(ResultTable added) {
        int column = added.columns().stream().map(Column::name).toList().indexOf("token_secret");
        return (String) added.rows().get(0).get(column);
    }

    @Test
    void aKeyPairJwtLogsInAndAnotherKeysOrAnExpiredOneIs390144WithTheReasonRecorded() {
        TestKeyPair key = TestKeyPair.generate();
        TestKeyPair stranger = TestKeyPair.generate();
        fixture.sql("CREATE USER stages_etl TYPE = SERVICE RSA_PUBLIC_KEY = '" + key.publicKeyBase64() + "'");
        long now = fixture.now().getEpochSecond();

        LoginOutcome.Admitted admitted = admitted(fixture.login(login("stages_etl")
                .token("SNOWFLAKE_JWT", key.jwt(CoreFixture.ACCOUNT, "stages_etl", now, 60, null)).request()));
        LoginOutcome otherKey = fixture.login(login("stages_etl")
                .token("SNOWFLAKE_JWT", stranger.jwt(CoreFixture.ACCOUNT, "stages_etl", now, 60, null)).request());
        LoginOutcome expired = fixture.login(login("stages_etl")
                .token("SNOWFLAKE_JWT", key.jwt(CoreFixture.ACCOUNT, "stages_etl", now - 600, 60, null)).request());

        assertThat(admitted.issued().session().authenticationMethod()).isEqualTo("RSA_KEYPAIR");
        assertThat(code(otherKey)).isEqualTo("390144");
        assertThat(message(otherKey)).matches("JWT token is invalid\\. \\[[0-9a-f-]{36}]");
        assertThat(code(expired)).isEqualTo("390144");
        assertThat(fixture.loginHistory("stages_etl")).containsExactly("YES",
                "NO JWT_TOKEN_INVALID_PUBLIC_KEY_FINGERPRINT_MISMATCH", "NO JWT_TOKEN_INVALID_EXPIRATION_TIME");
    }

    @Test
    void anUnknownUserIsRefusedLikeAWrongPasswordAfterTheSamePasswordWork() {
        fixture.sql("CREATE USER known_user PASSWORD = '" + PASSWORD + "'");

        LoginOutcome unknown = fixture.login(password("nobody_here", PASSWORD));
        LoginOutcome wrong = fixture.login(password("known_user", "wrong"));

        assertThat(code(unknown)).isEqualTo("390100");
        assertThat(message(unknown)).isEqualTo(message(wrong));
        assertThat(fixture.loginHistory("nobody_here")).containsExactly("NO INCORRECT_USERNAME_PASSWORD");
        // A refusal without the decoy Argon2id verification would take a small fraction of a real one.
        long unknownNanos = medianNanos(() -> fixture.login(password("nobody_here", PASSWORD)));
        long wrongNanos = medianNanos(() -> fixture.login(password("known_user", "wrong")));
        assertThat((double) unknownNanos / wrongNanos).as("unknown %d ns, wrong password %d ns", unknownNanos,
                wrongNanos).isGreaterThan(0.3);
    }

    @Test
    void anUnknownUserStillMeetsTheAccountsNetworkPolicyFirst() {
        fixture.sql("CREATE NETWORK POLICY stages_account_ten ALLOWED_IP_LIST = ('10.0.0.0/8')",
                "ALTER ACCOUNT SET NETWORK_POLICY = stages_account_ten");
        try {
            assertThat(code(fixture.login(login("nobody_at_all").password(PASSWORD).from(OUTSIDE).request())))
                    .isEqualTo("390422");
            assertThat(code(fixture.login(login("nobody_at_all").password(PASSWORD).from(INSIDE).request())))
                    .isEqualTo("390100");
        } finally {
            fixture.sql("ALTER ACCOUNT UNSET NETWORK_POLICY");
        }
    }

    @Test
    void anExternalOAuthTokenIsVerifiedAsItIsReadSoAnUnverifiableOneNamesNobody() {
        LoginOutcome garbage = fixture.login(login("oauth_probe").token("OAUTH", "not-a-jwt").from(OUTSIDE).request());

        assertThat(code(garbage)).isEqualTo("390303");
        assertThat(message(garbage)).matches("Invalid OAuth access token\\. \\[[0-9a-f-]{36}]");
        assertThat(fixture.loginHistory("oauth_probe")).containsExactly("NO EXTERNAL_OAUTH_JWS_INVALID_FORMAT");
    }

    private static long medianNanos(Supplier<LoginOutcome> login) {
        long[] nanos = new long[5];
        for (int index = 0; index < nanos.length; index++) {
            long start = System.nanoTime();
            refused(login.get());
            nanos[index] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos[nanos.length / 2];
    }
}
