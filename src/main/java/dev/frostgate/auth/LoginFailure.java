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

    public LoginFailure(ErrorCode errorCode, Optional<String> userName, Object... arguments) {
        this(errorCode, userName, false, null, arguments);
    }

    private LoginFailure(ErrorCode errorCode, Optional<String> userName, boolean reportedWithFailureId,
                         String failureId, Object... arguments) {
        super(errorCode, arguments);
        this.userName = userName;
        this.reportedWithFailureId = reportedWithFailureId;
        this.failureId = failureId;
        this.arguments = arguments;
    }

    private final transient Object[] arguments;

    /** A failure whose reason is recorded for SYSTEM$GET_LOGIN_FAILURE_DETAILS (the uuid is added later). */
    public static LoginFailure withDetails(ErrorCode errorCode, Optional<String> userName, Object... arguments) {
        return new LoginFailure(errorCode, userName, true, null, arguments);
    }

    public boolean reportedWithFailureId() {
        return reportedWithFailureId;
    }

    /** The same failure, with the uuid under which its details were recorded. */
    public LoginFailure identifiedBy(String uuid) {
        return new LoginFailure(errorCode(), userName, true, uuid, arguments);
    }

    public Optional<String> failureId() {
        return Optional.ofNullable(failureId);
    }

    /** The catalogued message without the uuid: what the failure details record as the reason. */
    public String reason() {
        return super.getMessage();
    }

    @Override
    public String getMessage() {
        return failureId == null ? super.getMessage() : super.getMessage() + " [" + failureId + "]";
    }

    public Optional<String> userName() {
        return userName;
    }

    public String symbolicName() {
        return errorCode().name();
    }
}
