package dev.frostgate.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One row of LOGIN_HISTORY. {@code errorMessage} is Snowflake's symbolic name
 * (INCORRECT_USERNAME_PASSWORD, USER_LOCKED_TEMP …), never free text that could carry a secret.
 */
public record LoginEvent(
        long eventId,
        Instant eventTimestamp,
        String eventType,
        Optional<String> userName,
        Optional<String> clientIp,
        Optional<String> reportedClientType,
        Optional<String> reportedClientVersion,
        String firstAuthenticationFactor,
        Optional<String> secondAuthenticationFactor,
        boolean success,
        Optional<String> errorCode,
        Optional<String> errorMessage,
        Optional<String> firstAuthenticationFactorId,
        Optional<String> authenticatingIntegrationName,
        Optional<String> failureUuid,
        Optional<String> errorDetails) {}
