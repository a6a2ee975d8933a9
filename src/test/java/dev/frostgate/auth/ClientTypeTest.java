package dev.frostgate.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientTypeTest {
    @Test
    void driversAreRecognisedFromTheirApplicationId() {
        assertThat(ClientType.fromApplicationId(Optional.of("JDBC"))).isEqualTo(ClientType.JDBC_DRIVER);
        assertThat(ClientType.fromApplicationId(Optional.of("JavaScript"))).isEqualTo(ClientType.JAVASCRIPT_DRIVER);
        assertThat(ClientType.fromApplicationId(Optional.of("PythonConnector"))).isEqualTo(ClientType.PYTHON_DRIVER);
        assertThat(ClientType.fromApplicationId(Optional.of("SnowSQL"))).isEqualTo(ClientType.SNOWSQL);
        assertThat(ClientType.fromApplicationId(Optional.of("curl"))).isEqualTo(ClientType.OTHER);
        assertThat(ClientType.fromApplicationId(Optional.empty())).isEqualTo(ClientType.OTHER);
        assertThat(ClientType.JDBC_DRIVER.isDriver()).isTrue();
        assertThat(ClientType.SNOWSQL.isDriver()).isFalse();
    }

    @Test
    void authenticatorsNameTheirMethod() {
        assertThat(AuthenticationMethod.fromAuthenticator(Optional.empty())).contains(AuthenticationMethod.PASSWORD);
        assertThat(AuthenticationMethod.fromAuthenticator(Optional.of("snowflake")))
                .contains(AuthenticationMethod.PASSWORD);
        assertThat(AuthenticationMethod.fromAuthenticator(Optional.of("SNOWFLAKE_JWT")))
                .contains(AuthenticationMethod.RSA_KEYPAIR);
        assertThat(AuthenticationMethod.fromAuthenticator(Optional.of("USERNAME_PASSWORD_MFA"))).isEmpty();
    }

    @Test
    void loginRequestsNeverPrintTheirSecrets() {
        LoginRequest request = new LoginRequest("A", Optional.of("U"), Optional.empty(), Optional.of("pw-secret"),
                Optional.of("token-secret"), Optional.empty(),
                new LoginRequest.ClientInfo("127.0.0.1", Optional.empty(), Optional.empty()));
        assertThat(request.toString()).doesNotContain("pw-secret").doesNotContain("token-secret");
    }
}
