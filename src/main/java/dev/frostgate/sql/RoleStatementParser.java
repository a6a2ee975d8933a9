package dev.frostgate.sql;

import java.util.Optional;

/** CREATE, DROP and SHOW of roles; each method starts after the object keyword. */
final class RoleStatementParser {

    private final TokenCursor cursor;

    RoleStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** After {@code CREATE [OR REPLACE] ROLE}: a name and an optional {@code COMMENT = '…'}. */
    Statement parseCreate(boolean orReplace) {
        boolean ifNotExists = CommonClauses.acceptIfNotExists(cursor);
        String name = cursor.expectName();
        Optional<String> comment = Optional.empty();
        if (cursor.acceptKeyword("COMMENT")) {
            cursor.expect(TokenType.EQUALS);
            comment = Optional.of(cursor.expect(TokenType.STRING).value());
        }
        return new Statement.CreateRole(orReplace, ifNotExists, name, comment);
    }

    /** After {@code DROP ROLE}. */
    Statement parseDrop() {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        return new Statement.DropRole(ifExists, cursor.expectName());
    }

    /** After {@code SHOW ROLES}. */
    Statement parseShow() {
        return new Statement.ShowRoles(CommonClauses.acceptLike(cursor));
    }
}
