package dev.frostgate.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** "This token expires soon": what the log line and the webhook say. Names and times, never a secret. */
public record TokenExpiryEvent(String account, String userName, String tokenName, Instant expiresAt, long daysLeft,
                               int thresholdDays) {
    public static final String TYPE = "programmatic_access_token_expiring";

    /** The JSON object of the webhook body and of the log line, in this order. */
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("event", TYPE);
        payload.put("account", account);
        payload.put("user", userName);
        payload.put("token", tokenName);
        payload.put("expires_at", expiresAt.toString());
        payload.put("days_left", daysLeft);
        payload.put("threshold_days", thresholdDays);
        return payload;
    }
}
