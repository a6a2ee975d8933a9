package dev.frostgate.sql;

import java.util.Optional;

/**
 * {@code SET <kind> POLICY name [FOR ALL PERSON USERS | FOR ALL SERVICE USERS] [FORCE]} and
 * {@code UNSET <kind> POLICY [FOR ALL …]} inside ALTER ACCOUNT and ALTER USER. Only the two-word
 * form is a policy: {@code SET PASSWORD = '…'} stays a user property.
 */
final class PolicyAttachmentParser {
    private final TokenCursor cursor;

    PolicyAttachmentParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** Whether the next tokens are {@code AUTHENTICATION|PASSWORD|SESSION POLICY}. */
    boolean startsPolicyKind() {
        return (cursor.isKeyword("AUTHENTICATION") || cursor.isKeyword("PASSWORD") || cursor.isKeyword("SESSION"))
                && cursor.isKeyword(1, "POLICY");
    }

    /** After SET: the policy kind, name, user-type scope (accounts only) and FORCE. */
    Statement parseSet(Statement.PolicyTarget target) {
        Statement.PolicyKind kind = kind();
        QualifiedName policy = ObjectStatementParser.expectName(cursor, policyType(kind));
        Statement.PolicyTarget scoped = scope(target);
        boolean force = cursor.acceptKeyword("FORCE");
        return new Statement.SetPolicy(scoped, kind, policy, force);
    }

    /** After UNSET: the policy kind and, for accounts, the user-type scope. */
    Statement parseUnset(Statement.PolicyTarget target) {
        Statement.PolicyKind kind = kind();
        return new Statement.UnsetPolicy(scope(target), kind);
    }

    private Statement.PolicyKind kind() {
        Statement.PolicyKind kind = Statement.PolicyKind.valueOf(cursor.advance().value());
        cursor.expectKeyword("POLICY");
        return kind;
    }

    private static Statement.ObjectType policyType(Statement.PolicyKind kind) {
        return switch (kind) {
            case AUTHENTICATION -> Statement.ObjectType.AUTHENTICATION_POLICY;
            case PASSWORD -> Statement.ObjectType.PASSWORD_POLICY;
            case SESSION -> Statement.ObjectType.SESSION_POLICY;
        };
    }

    /** {@code FOR ALL PERSON USERS | FOR ALL SERVICE USERS}, which only an account target takes. */
    private Statement.PolicyTarget scope(Statement.PolicyTarget target) {
        if (target instanceof Statement.PolicyTarget.Account && cursor.acceptKeyword("FOR")) {
            cursor.expectKeyword("ALL");
            String type = cursor.isKeyword("PERSON") || cursor.isKeyword("SERVICE") ? cursor.advance().value() : null;
            if (type == null) {
                throw cursor.unexpected();
            }
            cursor.expectKeyword("USERS");
            return new Statement.PolicyTarget.Account(Optional.of(type));
        }
        return target;
    }
}
