package dev.frostgate.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Records every login attempt for SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY. */
public final class LoginHistory {
    /** How many of the newest events the LOGIN_HISTORY view reads. */
    private static final int VIEW_WINDOW = 10_000;

    private final LoginHistoryRepository repository;
    private final Clock clock;

    public LoginHistory(LoginHistoryRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** The parts of an attempt that do not depend on its outcome. */
    public record Attempt(Optional<String> userName, String clientIp, String reportedClientType,
                          Optional<String> reportedClientVersion, String firstAuthenticationFactor,
                          Optional<String> firstAuthenticationFactorId, Optional<String> authenticatingIntegration) {}

    public void recordSuccess(Attempt attempt) {
        repository.append(event(attempt, true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()));
    }

    public void recordFailure(Attempt attempt, String errorCode, String symbolicName) {
        repository.append(event(attempt, false, Optional.of(errorCode), Optional.of(symbolicName), Optional.empty(),
                Optional.empty()));
    }

    /** A failure whose reason can be looked up by uuid; the reason never contains a credential. */
    public void recordFailure(Attempt attempt, String errorCode, String symbolicName, String failureUuid,
                              String reason) {
        repository.append(event(attempt, false, Optional.of(errorCode), Optional.of(symbolicName),
                Optional.of(failureUuid), Optional.of(reason)));
    }

    public Optional<LoginEvent> failure(String uuid) {
        return repository.findByFailureUuid(uuid);
    }

    public List<LoginEvent> recentEvents() {
        return repository.newest(VIEW_WINDOW);
    }

    private LoginEvent event(Attempt attempt, boolean success, Optional<String> errorCode,
                             Optional<String> errorMessage, Optional<String> failureUuid,
                             Optional<String> errorDetails) {
        return new LoginEvent(0, clock.instant(), "LOGIN", attempt.userName(), Optional.of(attempt.clientIp()),
                Optional.of(attempt.reportedClientType()), attempt.reportedClientVersion(),
                attempt.firstAuthenticationFactor(), Optional.empty(), success, errorCode, errorMessage,
                attempt.firstAuthenticationFactorId(), attempt.authenticatingIntegration(), failureUuid, errorDetails);
    }
}
