package dev.frostgate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Running SQL through a real JDBC connection and reading results as plain maps. */
public final class Sql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILURE_ID = Pattern.compile("\\[([0-9a-f-]{36})\\]");

    private Sql() {}

    /** Executes a statement and returns its rows (column label → string value), empty for hidden DDL rows. */
    public static List<Map<String, String>> rows(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            boolean hasResultSet = statement.execute(sql);
            List<Map<String, String>> rows = new ArrayList<>();
            if (!hasResultSet) {
                return rows;
            }
            try (ResultSet result = statement.getResultSet()) {
                ResultSetMetaData metadata = result.getMetaData();
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int column = 1; column <= metadata.getColumnCount(); column++) {
                        row.put(metadata.getColumnLabel(column), result.getString(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    public static void execute(Connection connection, String... statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * Puts the account under a network policy that admits only loopback, which programmatic access
     * tokens need under the default NETWORK_POLICY_EVALUATION = ENFORCED_REQUIRED.
     */
    public static void allowLoopbackOnly(Connection admin) throws SQLException {
        execute(admin, "CREATE NETWORK RULE loopback_rule TYPE = IPV4 VALUE_LIST = ('127.0.0.1')",
                "CREATE NETWORK POLICY loopback_only ALLOWED_NETWORK_RULE_LIST = ('loopback_rule')",
                "ALTER ACCOUNT SET NETWORK_POLICY = loopback_only");
    }

    /** The secret of the token an ADD (or ROTATE) statement returns in its one row. */
    public static String tokenSecret(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row with the secret").isTrue();
            return result.getString("token_secret");
        }
    }

    /** The single value of a one-row, one-column query. */
    public static String value(Connection connection, String sql) throws SQLException {
        List<Map<String, String>> rows = rows(connection, sql);
        assertThat(rows).hasSize(1);
        return rows.get(0).values().iterator().next();
    }

    /**
     * The symbolic reason (errorCode) SYSTEM$GET_LOGIN_FAILURE_DETAILS recorded for the refused login whose message
     * carries its failure uuid in brackets; the connection needs MONITOR on the account.
     */
    public static String loginFailureReason(Connection admin, String refusalMessage) throws SQLException {
        Matcher failureId = FAILURE_ID.matcher(String.valueOf(refusalMessage));
        assertThat(failureId.find()).as("a failure uuid in %s", refusalMessage).isTrue();
        String details = value(admin, "SELECT SYSTEM$GET_LOGIN_FAILURE_DETAILS('" + failureId.group(1) + "')");
        try {
            return JSON.readTree(details).path("errorCode").asText();
        } catch (JsonProcessingException malformed) {
            throw new AssertionError("failure details are not JSON: " + details, malformed);
        }
    }

    @FunctionalInterface
    public interface SqlAction {
        void run() throws SQLException;
    }

    /** Asserts that the action fails with the given Snowflake error code and returns the exception. */
    public static SQLException failsWith(String errorCode, SqlAction action) {
        SQLException failure = catchThrowableOfType(SQLException.class, action::run);
        assertThat((Throwable) failure).as("expected error %s", errorCode).isNotNull();
        assertThat(String.format("%06d", failure.getErrorCode())).as(failure.getMessage()).isEqualTo(errorCode);
        return failure;
    }
}
