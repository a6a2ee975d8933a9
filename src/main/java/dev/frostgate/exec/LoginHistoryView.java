package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.audit.LoginHistory;
import dev.frostgate.catalog.AccessControl;
import java.util.List;

/** SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY: every login attempt; readable with MONITOR on the account. */
final class LoginHistoryView extends AccountUsageView {
    private static final List<Column> COLUMNS = List.of(Column.number("EVENT_ID"), Column.timestamp("EVENT_TIMESTAMP"),
            Column.text("EVENT_TYPE"), Column.text("USER_NAME"), Column.text("CLIENT_IP"),
            Column.text("REPORTED_CLIENT_TYPE"), Column.text("REPORTED_CLIENT_VERSION"),
            Column.text("FIRST_AUTHENTICATION_FACTOR"), Column.text("SECOND_AUTHENTICATION_FACTOR"),
            Column.text("IS_SUCCESS"), Column.number("ERROR_CODE"), Column.text("ERROR_MESSAGE"),
            Column.number("RELATED_EVENT_ID"), Column.text("CONNECTION"),
            Column.text("FIRST_AUTHENTICATION_FACTOR_ID"), Column.text("AUTHENTICATING_INTEGRATION_NAME"));

    private final LoginHistory history;

    LoginHistoryView(LoginHistory history, AccessControl accessControl, String accountName) {
        super("LOGIN_HISTORY", COLUMNS, accessControl, accountName);
        this.history = history;
    }

    @Override
    List<List<Object>> accountRows() {
        return history.recentEvents().stream().map(event -> row(event.eventId(), event.eventTimestamp(),
                event.eventType(), event.userName().orElse(null), event.clientIp().orElse(null),
                event.reportedClientType().orElse(null), event.reportedClientVersion().orElse(null),
                event.firstAuthenticationFactor(), event.secondAuthenticationFactor().orElse(null),
                event.success() ? "YES" : "NO",
                event.errorCode().map(Long::parseLong).orElse(null), event.errorMessage().orElse(null), 0L, null,
                event.firstAuthenticationFactorId().orElse(null),
                event.authenticatingIntegrationName().orElse(null))).toList();
    }
}
