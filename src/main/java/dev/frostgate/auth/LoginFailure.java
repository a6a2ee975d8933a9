package dev.frostgate.auth;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Optional;

/**
 * A refused login: the catalogued error the client sees, plus what the login history records (the
 * user, once known, and the method). The symbolic name in LOGIN_HISTORY is the error's name.
 * Failures Snowflake reports with a uuid carry one, appended to the message as {@code [uuid]}, so
 * an administrator can look the reason up with SYSTEM$GET_LOGIN_FAILURE_DETAILS.
 */
public final class LoginFailure extends FrostgateException {
    private final transient Optional<String> userName;
    private final boolean reportedWithFailureId;
    private final String failureId;
    /** What the login history records: the error itself, or the specific reason behind a general one. */
    private final ErrorCode recorded;

    public LoginFailure(ErrorCode errorCode, Optional<String> userName, Object... arguments) {
        this(errorCode, errorCode, userName, false, null, arguments);
    }

    private LoginFailure(ErrorCode errorCode, ErrorCode recorded, Optional<String> userName,
                         boolean reportedWithFailureId, String failureId, Object... arguments) {
        this(errorCode, recorded, userName, reportedWithFailureId, failureId, null, arguments);
    }

    private LoginFailure(ErrorCode errorCode, ErrorCode recorded, Optional<String> userName,
                         boolean reportedWithFailureId, String failureId, String integrationName,
                         Object... arguments) {
        super(errorCode, arguments);
        this.integrationName = integrationName;
        this.recorded = recorded;
        this.userName = userName;
        this.reportedWithFailureId = reportedWithFailureId;
        this.failureId = failureId;
        this.arguments = arguments;
    }

    private final transient Object[] arguments;
    /** The security integration that judged the credential, for LOGIN_HISTORY.AUTHENTICATING_INTEGRATION_NAME. */
    private final String integrationName;

    /** A failure whose reason is recorded for SYSTEM$GET_LOGIN_FAILURE_DETAILS (the uuid is added later). */
    public static LoginFailure withDetails(ErrorCode errorCode, Optional<String> userName, Object... arguments) {
        return new LoginFailure(errorCode, errorCode, userName, true, null, arguments);
    }

    /**
     * A failure the client sees only as {@code reported} (such as 390144 "JWT token is invalid."), while
     * the login history and the failure details record the specific {@code reason}, as Snowflake does.
     */
    public static LoginFailure withReason(ErrorCode reported, ErrorCode reason, Optional<String> userName) {
        return new LoginFailure(reported, reason, userName, true, null);
    }

    public boolean reportedWithFailureId() {
        return reportedWithFailureId;
    }

    /** The same failure, with the uuid under which its details were recorded. */
    public LoginFailure identifiedBy(String uuid) {
        return new LoginFailure(errorCode(), recorded, userName, true, uuid, integrationName, arguments);
    }

    /** The same failure, judged by the named security integration. */
    public LoginFailure inIntegration(String name) {
        return new LoginFailure(errorCode(), recorded, userName, reportedWithFailureId, failureId, name, arguments);
    }

    public Optional<String> integrationName() {
        return Optional.ofNullable(integrationName);
    }

    public Optional<String> failureId() {
        return Optional.ofNullable(failureId);
    }

    /** The catalogued message without the uuid: what the failure details record as the reason. */
    public String reason() {
        return recorded == errorCode() ? super.getMessage() : recorded.format();
    }

    /** The code the login history records. */
    public String recordedCode() {
        return recorded.code();
    }

    @Override
    public String getMessage() {
        return failureId == null ? super.getMessage() : super.getMessage() + " [" + failureId + "]";
    }

    public Optional<String> userName() {
        return userName;
    }

    public String symbolicName() {
        return recorded.name();
    }
}
