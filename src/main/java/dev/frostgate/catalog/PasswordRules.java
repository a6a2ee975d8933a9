package dev.frostgate.catalog;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.Optional;

/**
 * Checks a new password against the password policy that governs its user, or — with none attached —
 * against Snowflake's built-in minimum (8 characters, an upper-case letter, a lower-case letter and a
 * digit), which is what a policy's defaults say too. Errors name the rule, never the password.
 */
public final class PasswordRules {
    private PasswordRules() {}

    public static void check(Optional<ParameterPolicy> policy, String password) {
        int length = password.codePointCount(0, password.length());
        require(length >= value(policy, "PASSWORD_MIN_LENGTH"), "at least " + value(policy, "PASSWORD_MIN_LENGTH")
                + " characters");
        require(length <= value(policy, "PASSWORD_MAX_LENGTH"), "at most " + value(policy, "PASSWORD_MAX_LENGTH")
                + " characters");
        require(count(password, Character::isUpperCase) >= value(policy, "PASSWORD_MIN_UPPER_CASE_CHARS"),
                value(policy, "PASSWORD_MIN_UPPER_CASE_CHARS") + " upper-case letter(s)");
        require(count(password, Character::isLowerCase) >= value(policy, "PASSWORD_MIN_LOWER_CASE_CHARS"),
                value(policy, "PASSWORD_MIN_LOWER_CASE_CHARS") + " lower-case letter(s)");
        require(count(password, Character::isDigit) >= value(policy, "PASSWORD_MIN_NUMERIC_CHARS"),
                value(policy, "PASSWORD_MIN_NUMERIC_CHARS") + " digit(s)");
        require(count(password, character -> !Character.isLetterOrDigit(character))
                        >= value(policy, "PASSWORD_MIN_SPECIAL_CHARS"),
                value(policy, "PASSWORD_MIN_SPECIAL_CHARS") + " special character(s)");
    }

    private static int value(Optional<ParameterPolicy> policy, String parameter) {
        return policy.map(found -> found.value(parameter))
                .orElseGet(() -> ParameterPolicyKind.PASSWORD.parameter(parameter).orElseThrow().defaultValue());
    }

    private static long count(String password, java.util.function.IntPredicate test) {
        return password.codePoints().filter(test).count();
    }

    private static void require(boolean satisfied, String rule) {
        if (!satisfied) {
            throw new FrostgateException(ErrorCode.PASSWORD_POLICY_VIOLATION, rule);
        }
    }
}
