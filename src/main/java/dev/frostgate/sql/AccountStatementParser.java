package dev.frostgate.sql;

import java.util.Optional;

/** {@code ALTER ACCOUNT}: account parameters, and attaching or detaching account-level policies. */
final class AccountStatementParser {

    private final TokenCursor cursor;
    private final PropertyParser properties;
    private final PolicyAttachmentParser policies;

    AccountStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.properties = new PropertyParser(cursor);
        this.policies = new PolicyAttachmentParser(cursor);
    }

    /**
     * After {@code ALTER ACCOUNT}: {@code SET param = value ...}, {@code UNSET param[, ...]},
     * {@code SET <kind> POLICY p [FOR ALL PERSON USERS | FOR ALL SERVICE USERS] [FORCE]} or
     * {@code UNSET <kind> POLICY [FOR ALL ...]}. Only the two words {@code <kind> POLICY} make the policy
     * form; {@code SET NETWORK_POLICY = p} is a parameter.
     */
    Statement parseAlterAccount() {
        Statement.PolicyTarget account = new Statement.PolicyTarget.Account(Optional.empty());
        if (cursor.acceptKeyword("SET")) {
            return policies.startsPolicyKind() ? policies.parseSet(account)
                    : new Statement.AlterAccountSet(properties.parseRequiredPropertyList());
        }
        cursor.expectKeyword("UNSET");
        return policies.startsPolicyKind() ? policies.parseUnset(account)
                : new Statement.AlterAccountUnset(properties.parsePropertyNames());
    }
}
