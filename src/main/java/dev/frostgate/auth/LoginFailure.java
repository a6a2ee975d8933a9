package dev.frostgate.auth;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Optional;

/**
 * A refused login: the catalogued error the client sees, plus what the login history records (the
 * user, once known, and the method). The symbolic name in LOGIN_HISTORY is the error's name.
 */
public final class LoginFailure extends FrostgateException {
    private final transient Optional<String> userName;

    public LoginFailure(ErrorCode errorCode, Optional<String> userName, Object... arguments) {
        super(errorCode, arguments);
        this.userName = userName;
    }

    public Optional<String> userName() {
        return userName;
    }

    public String symbolicName() {
        return errorCode().name();
    }
}
