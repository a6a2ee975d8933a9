package dev.frostgate.it;

import static dev.frostgate.testing.Sql.execute;
import static dev.frostgate.testing.Sql.failsWith;
import static dev.frostgate.testing.Sql.rows;
import static dev.frostgate.testing.Sql.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.testing.RunningServer;
import dev.frostgate.testing.SnowflakeJdbc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Session statements, context functions, SELECT over system views and SQL errors, with both JDBC drivers. */
class SessionStatementsTest {
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start();
        try (Connection admin = SnowflakeJdbc.V3.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            execute(admin, "CREATE USER kim PASSWORD = 'Kim-Passw0rd!' DEFAULT_ROLE = SYSADMIN",
                    "GRANT ROLE SYSADMIN TO USER kim", "CREATE ROLE kim_extra", "GRANT ROLE kim_extra TO USER kim",
                    "CREATE DATABASE sales", "CREATE SCHEMA sales.public", "CREATE SCHEMA sales.raw",
                    "CREATE DATABASE bare");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void contextFunctionsDescribeTheSession(SnowflakeJdbc jdbc) throws Exception {
        try (Connection kim = jdbc.connect(server, "kim", "Kim-Passw0rd!")) {
            Map<String, String> row = rows(kim, "SELECT CURRENT_USER(), CURRENT_ROLE(), CURRENT_ACCOUNT(), "
                    + "CURRENT_SESSION(), CURRENT_SECONDARY_ROLES(), CURRENT_AVAILABLE_ROLES()").get(0);
            assertThat(row).containsEntry("CURRENT_USER()", "KIM").containsEntry("CURRENT_ROLE()", "SYSADMIN")
                    .containsEntry("CURRENT_ACCOUNT()", "FROSTGATE")
                    .containsEntry("CURRENT_SECONDARY_ROLES()", "{\"roles\":\"KIM_EXTRA,PUBLIC\",\"value\":\"ALL\"}")
                    .containsEntry("CURRENT_AVAILABLE_ROLES()", "[\"KIM_EXTRA\",\"PUBLIC\",\"SYSADMIN\"]");
            assertThat(Long.parseLong(row.get("CURRENT_SESSION()"))).isPositive();

            execute(kim, "USE SECONDARY ROLES NONE");
            assertThat(value(kim, "SELECT CURRENT_SECONDARY_ROLES()")).isEqualTo("{\"roles\":\"\",\"value\":\"\"}");
            execute(kim, "USE SECONDARY ROLES ALL", "USE ROLE kim_extra");
            assertThat(value(kim, "SELECT CURRENT_ROLE()")).isEqualTo("KIM_EXTRA");
            failsWith("003013", () -> execute(kim, "USE ROLE ACCOUNTADMIN"));
            assertThat(value(kim, "SELECT CURRENT_ROLE()")).isEqualTo("KIM_EXTRA");
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void useStatementsSetTheContextThatFunctionsAndTheDriverReport(SnowflakeJdbc jdbc) throws Exception {
        try (Connection kim = jdbc.connect(server, "kim", "Kim-Passw0rd!")) {
            assertThat(rows(kim, "SELECT CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_WAREHOUSE()").get(0))
                    .containsEntry("CURRENT_DATABASE()", null).containsEntry("CURRENT_SCHEMA()", null)
                    .containsEntry("CURRENT_WAREHOUSE()", null);
            assertThat(kim.getCatalog()).isNull();
            assertThat(kim.getSchema()).isNull();

            execute(kim, "USE DATABASE sales");
            assertThat(context(kim)).as("a database's PUBLIC schema becomes current with it")
                    .containsExactly("SALES", "PUBLIC", null);
            assertThat(kim.getCatalog()).isEqualTo("SALES");
            assertThat(kim.getSchema()).isEqualTo("PUBLIC");

            execute(kim, "USE SCHEMA raw", "USE WAREHOUSE load_wh");
            assertThat(context(kim)).containsExactly("SALES", "RAW", "LOAD_WH");
            assertThat(kim.getCatalog()).isEqualTo("SALES");
            assertThat(kim.getSchema()).isEqualTo("RAW");

            execute(kim, "USE bare");
            assertThat(context(kim)).as("no PUBLIC schema in BARE; the warehouse stays")
                    .containsExactly("BARE", null, "LOAD_WH");
            assertThat(kim.getCatalog()).isEqualTo("BARE");
            assertThat(kim.getSchema()).as("the driver keeps its last schema when an answer names none")
                    .isEqualTo("RAW");

            failsWith("002003", () -> execute(kim, "USE DATABASE no_such_database"));
            assertThat(kim.getCatalog()).isEqualTo("BARE");
            execute(kim, "USE sales.raw");
            assertThat(kim.getCatalog()).isEqualTo("SALES");
            assertThat(kim.getSchema()).isEqualTo("RAW");
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void theConnectStringsDatabaseSchemaAndWarehouseAreTheSessionsFirstContext(SnowflakeJdbc jdbc)
            throws Exception {
        try (Connection kim = connectWith(jdbc, Map.of("db", "sales", "schema", "raw", "warehouse", "load_wh"))) {
            assertThat(kim.getCatalog()).as("from the login answer, before any statement").isEqualTo("SALES");
            assertThat(kim.getSchema()).isEqualTo("RAW");
            assertThat(context(kim)).containsExactly("SALES", "RAW", "LOAD_WH");
        }
        try (Connection kim = connectWith(jdbc, Map.of("db", "sales"))) {
            assertThat(kim.getSchema()).isEqualTo("PUBLIC");
            assertThat(context(kim)).containsExactly("SALES", "PUBLIC", null);
        }
        try (Connection kim = connectWith(jdbc, Map.of("db", "\"sales\"", "warehouse", "\"Mixed Wh\""))) {
            assertThat(kim.getCatalog()).as("a quoted name keeps its case, so names no database").isNull();
            assertThat(context(kim)).containsExactly(null, null, "Mixed Wh");
        }
        try (Connection kim = connectWith(jdbc, Map.of("db", "no_such_database", "schema", "raw"))) {
            assertThat(kim.getCatalog()).as("a database that does not exist is none; the login succeeds").isNull();
            assertThat(kim.getSchema()).isNull();
        }
        try (Connection kim = connectWith(jdbc, Map.of("db", "sales", "schema", "no_such_schema"))) {
            assertThat(kim.getCatalog()).isEqualTo("SALES");
            assertThat(kim.getSchema()).isNull();
        }
    }

    private static Connection connectWith(SnowflakeJdbc jdbc, Map<String, String> connectString) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", "kim");
        properties.put("password", "Kim-Passw0rd!");
        properties.putAll(connectString);
        return jdbc.connect(server.jdbcUrl(), properties);
    }

    /** CURRENT_DATABASE(), CURRENT_SCHEMA() and CURRENT_WAREHOUSE(), in that order. */
    private static List<String> context(Connection connection) throws SQLException {
        Map<String, String> row = rows(connection, "SELECT CURRENT_DATABASE() AS d, CURRENT_SCHEMA() AS s, "
                + "CURRENT_WAREHOUSE() AS w").get(0);
        return java.util.Arrays.asList(row.get("D"), row.get("S"), row.get("W"));
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void literalsHaveTheirTypes(SnowflakeJdbc jdbc) throws Exception {
        try (Connection kim = jdbc.connect(server, "kim", "Kim-Passw0rd!");
             ResultSet result = kim.createStatement().executeQuery(
                     "select 1, 'It''s', TRUE, NULL, 2.5 AS ratio, -7 /* comment */ -- trailing\n")) {
            ResultSetMetaData metadata = result.getMetaData();
            assertThat(result.next()).isTrue();
            assertThat(metadata.getColumnLabel(1)).isEqualTo("1");
            assertThat(metadata.getColumnType(1)).isIn(Types.BIGINT, Types.DECIMAL, Types.NUMERIC, Types.INTEGER);
            assertThat(result.getLong(1)).isEqualTo(1);
            assertThat(result.getString(2)).isEqualTo("It's");
            assertThat(metadata.getColumnType(3)).isEqualTo(Types.BOOLEAN);
            assertThat(result.getBoolean(3)).isTrue();
            assertThat(result.getString(4)).isNull();
            assertThat(metadata.getColumnLabel(5)).isEqualTo("RATIO");
            assertThat(result.getDouble(5)).isEqualTo(2.5);
            assertThat(result.getLong(6)).isEqualTo(-7);
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void sessionAndTransactionStatementsAreAccepted(SnowflakeJdbc jdbc) throws Exception {
        try (Connection kim = jdbc.connect(server, "kim", "Kim-Passw0rd!")) {
            execute(kim, "ALTER SESSION SET QUERY_TAG = 'frostgate', TIMEZONE = 'UTC'",
                    "ALTER SESSION UNSET QUERY_TAG", "BEGIN", "COMMIT", "ROLLBACK", "USE WAREHOUSE wh");
            kim.setAutoCommit(false);
            kim.commit();
            kim.rollback();
            kim.setAutoCommit(true);
            try (PreparedStatement prepared = kim.prepareStatement("SELECT CURRENT_USER()");
                 ResultSet result = prepared.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("KIM");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void loginHistoryIsAQueryableView(SnowflakeJdbc jdbc) throws Exception {
        try (Connection admin = jdbc.connect(server, "ADMIN", RunningServer.ADMIN_PASSWORD)) {
            List<Map<String, String>> all = rows(admin, "SELECT * FROM snowflake.account_usage.login_history");
            assertThat(all).isNotEmpty();
            assertThat(all.get(0).keySet()).containsSubsequence("EVENT_ID", "EVENT_TIMESTAMP", "EVENT_TYPE",
                    "USER_NAME", "CLIENT_IP", "REPORTED_CLIENT_TYPE", "REPORTED_CLIENT_VERSION",
                    "FIRST_AUTHENTICATION_FACTOR", "SECOND_AUTHENTICATION_FACTOR", "IS_SUCCESS", "ERROR_CODE",
                    "ERROR_MESSAGE");
            for (int login = 0; login < 2; login++) {
                jdbc.connect(server, "kim", "Kim-Passw0rd!").close();
            }
            String successes = "FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY WHERE (user_name = 'KIM' "
                    + "OR user_name = 'ADMIN') AND is_success = 'YES' AND error_code IS NULL";
            List<Map<String, String>> filtered = rows(admin, "SELECT user_name, is_success, event_id " + successes
                    + " ORDER BY user_name DESC, event_id LIMIT 3");
            assertThat(filtered).isNotEmpty().hasSizeLessThanOrEqualTo(3)
                    .allSatisfy(row -> assertThat(row.get("IS_SUCCESS")).isEqualTo("YES"));
            assertThat(filtered.get(0).get("USER_NAME")).isEqualTo("KIM");
            // The same rows ordered and cut here: at least two of KIM's and two of ADMIN's, so that ignoring
            // ORDER BY (either key, or DESC) or LIMIT gives other rows.
            List<Map<String, String>> unordered = rows(admin, "SELECT user_name, event_id " + successes);
            assertThat(unordered).extracting(row -> row.get("USER_NAME")).contains("KIM", "ADMIN")
                    .hasSizeGreaterThan(3);
            assertThat(filtered).extracting(SessionStatementsTest::userAndEvent).containsExactlyElementsOf(
                    unordered.stream().sorted(Comparator.comparing((Map<String, String> row) -> row.get("USER_NAME"))
                                    .reversed().thenComparing(row -> Long.parseLong(row.get("EVENT_ID"))))
                            .limit(3).map(SessionStatementsTest::userAndEvent).toList());
            assertThat(rows(admin, "SELECT event_id FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY "
                    + "WHERE user_name IN ('NOBODY') OR event_timestamp < '2000-01-01'")).isEmpty();
            failsWith("000904", () -> rows(admin, "SELECT no_such_column FROM SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY"));
            failsWith("002003", () -> rows(admin, "SELECT * FROM SNOWFLAKE.ACCOUNT_USAGE.NO_SUCH_VIEW"));
            failsWith("002140", () -> rows(admin, "SELECT NO_SUCH_FUNCTION()"));
        }
    }

    @ParameterizedTest
    @EnumSource(SnowflakeJdbc.class)
    void malformedAndUnsupportedSqlGetSyntaxErrorsWithPositions(SnowflakeJdbc jdbc) throws Exception {
        try (Connection kim = jdbc.connect(server, "kim", "Kim-Passw0rd!")) {
            SQLException typo = failsWith("001003", () -> execute(kim, "SELEC 1"));
            assertThat(typo.getMessage()).isEqualTo(
                    "SQL compilation error:\nsyntax error line 1 at position 0 unexpected 'SELEC'.");
            assertThat(typo.getSQLState()).isEqualTo("42000");
            SQLException secondLine = failsWith("001003", () -> execute(kim, "CREATE USER x\n  COLOR"));
            assertThat(secondLine.getMessage()).contains("line 2 at position 2 unexpected 'COLOR'");
            failsWith("001003", () -> execute(kim, "CREATE TABLE t (a int)"));
            failsWith("001003", () -> execute(kim, "DELETE FROM users"));
            failsWith("001003", () -> execute(kim, "SELECT 'unterminated"));
            failsWith("001003", () -> execute(kim, "SELECT 1; SELECT 2"));
            failsWith("001003", () -> execute(kim, "SELECT " + "(".repeat(5_000) + "1" + ")".repeat(5_000)));
            assertThat(value(kim, "SELECT 1")).isEqualTo("1");
        }
    }

    private static String userAndEvent(Map<String, String> loginHistoryRow) {
        return loginHistoryRow.get("USER_NAME") + "#" + loginHistoryRow.get("EVENT_ID");
    }
}
