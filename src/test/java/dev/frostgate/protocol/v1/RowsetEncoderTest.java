package dev.frostgate.protocol.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.exec.ColumnType;
import dev.frostgate.protocol.RowsetEncoder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RowsetEncoderTest {
    @Test
    void valuesAreEncodedAsTheDriversRead() {
        assertThat(RowsetEncoder.encode(null, ColumnType.TEXT)).isNull();
        assertThat(RowsetEncoder.encode(true, ColumnType.BOOLEAN)).isEqualTo("1");
        assertThat(RowsetEncoder.encode(false, ColumnType.BOOLEAN)).isEqualTo("0");
        assertThat(RowsetEncoder.encode(true, ColumnType.TEXT)).isEqualTo("true");
        assertThat(RowsetEncoder.encode(new BigDecimal("1E+3"), ColumnType.FIXED)).isEqualTo("1000");
        assertThat(RowsetEncoder.encode(Instant.parse("2025-01-01T00:00:00.123Z"), ColumnType.TIMESTAMP_LTZ))
                .isEqualTo("1735689600.123000000");
        assertThat(RowsetEncoder.encode(42L, ColumnType.FIXED)).isEqualTo("42");
    }

    @Test
    void onlySnowflakeTokenHeadersAreAccepted() {
        assertThat(SessionTokens.fromAuthorization(Optional.of("Snowflake Token=\"ST-abc\""))).contains("ST-abc");
        assertThat(SessionTokens.fromAuthorization(Optional.of("snowflake token=\"ST-abc\""))).contains("ST-abc");
        assertThat(SessionTokens.fromAuthorization(Optional.of("Bearer ST-abc"))).isEmpty();
        assertThat(SessionTokens.fromAuthorization(Optional.of("Snowflake Token=\"\""))).isEmpty();
        assertThat(SessionTokens.fromAuthorization(Optional.empty())).isEmpty();
    }
}
