package dev.frostgate.error;

/**
 * A failure with a catalogued Snowflake error. The message is built from the catalog template and
 * must never contain a secret: callers pass names, never credentials.
 */
public class FrostgateException extends RuntimeException {
    private final ErrorCode errorCode;

    public FrostgateException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.format(arguments), null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() { return errorCode; }
}
