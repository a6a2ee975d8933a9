package dev.frostgate.store;

import dev.frostgate.audit.LoginEvent;
import dev.frostgate.audit.LoginHistoryRepository;
import java.util.List;

/** The append-only {@code login_history} table. */
public final class JdbcLoginHistoryRepository implements LoginHistoryRepository {
    private static final String COLUMNS = "event_timestamp, event_type, user_name, client_ip, reported_client_type, "
            + "reported_client_version, first_authentication_factor, second_authentication_factor, is_success, "
            + "error_code, error_message, first_authentication_factor_id, authenticating_integration_name, failure_uuid, "
            + "error_details";

    private final Jdbc jdbc;

    public JdbcLoginHistoryRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public void append(LoginEvent event) {
        // Several values are the client's own words (login name, authenticator, client version), of any
        // length: they are cut to their columns so that no attempt goes unrecorded.
        jdbc.update("INSERT INTO login_history (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                event.eventTimestamp(), fit(event.eventType(), 32), fit(event.userName(), 255),
                fit(event.clientIp(), 64), fit(event.reportedClientType(), 64), fit(event.reportedClientVersion(), 64),
                fit(event.firstAuthenticationFactor(), 64), fit(event.secondAuthenticationFactor(), 64),
                event.success(), fit(event.errorCode(), 16), fit(event.errorMessage(), 128),
                fit(event.firstAuthenticationFactorId(), 64), fit(event.authenticatingIntegrationName(), 255),
                fit(event.failureUuid(), 64), fit(event.errorDetails(), 4096));
    }

    private static java.util.Optional<String> fit(java.util.Optional<String> value, int width) {
        return value.map(text -> fit(text, width));
    }

    /** At most {@code width} characters, never splitting a surrogate pair. */
    private static String fit(String text, int width) {
        if (text.length() <= width) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(width - 1)) ? width - 1 : width;
        return text.substring(0, end);
    }

    @Override
    public java.util.Optional<LoginEvent> findByFailureUuid(String uuid) {
        return jdbc.queryOne("SELECT event_id, " + COLUMNS + " FROM login_history WHERE failure_uuid = ?",
                JdbcLoginHistoryRepository::map, uuid);
    }

    @Override
    public List<LoginEvent> newest(int limit) {
        return jdbc.query("SELECT event_id, " + COLUMNS + " FROM login_history ORDER BY event_id DESC LIMIT ?",
                JdbcLoginHistoryRepository::map, limit);
    }

    private static LoginEvent map(java.sql.ResultSet row) throws java.sql.SQLException {
        return new LoginEvent(row.getLong("event_id"), Jdbc.instant(row, "event_timestamp").orElseThrow(),
                        row.getString("event_type"), Jdbc.text(row, "user_name"), Jdbc.text(row, "client_ip"),
                        Jdbc.text(row, "reported_client_type"), Jdbc.text(row, "reported_client_version"),
                        row.getString("first_authentication_factor"),
                        Jdbc.text(row, "second_authentication_factor"), row.getBoolean("is_success"),
                        Jdbc.text(row, "error_code"), Jdbc.text(row, "error_message"),
                        Jdbc.text(row, "first_authentication_factor_id"),
                        Jdbc.text(row, "authenticating_integration_name"), Jdbc.text(row, "failure_uuid"),
                        Jdbc.text(row, "error_details"));
    }
}
