package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JdbcSmokeTest {
    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void selectOne(SnowflakeJdbc jdbc) throws Exception {
        try (RunningServer server = RunningServer.start();
             Connection connection = jdbc.connect(server, "admin", RunningServer.ADMIN_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT 1, current_user(), current_role()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.getString(2)).isEqualTo("ADMIN");
            assertThat(rows.getString(3)).isEqualTo("ACCOUNTADMIN");
        }
    }
}
