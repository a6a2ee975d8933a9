package dev.frostgate.sql;

/** USE, ALTER SESSION and transaction control; each method starts after its leading keyword. */
final class SessionStatementParser {

    private final TokenCursor cursor;
    private final PropertyParser properties;

    SessionStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.properties = new PropertyParser(cursor);
    }

    /**
     * After {@code USE}: ROLE, SECONDARY ROLES, or a database/schema/warehouse. A bare qualified name
     * ({@code USE db.schema}) selects a schema, as in Snowflake; a bare simple name, a database.
     */
    Statement parseUse() {
        if (cursor.acceptKeyword("ROLE")) {
            return new Statement.UseRole(cursor.expectName());
        }
        if (cursor.acceptKeywords("SECONDARY", "ROLES")) {
            if (cursor.acceptKeyword("ALL")) {
                return new Statement.UseSecondaryRoles(true);
            }
            cursor.expectKeyword("NONE");
            return new Statement.UseSecondaryRoles(false);
        }
        if (cursor.acceptKeyword("WAREHOUSE")) {
            // A warehouse is an account-level object: its name has no qualifier.
            return new Statement.UseObject("WAREHOUSE", cursor.expectName());
        }
        for (String kind : new String[] {"DATABASE", "SCHEMA"}) {
            if (cursor.acceptKeyword(kind)) {
                return new Statement.UseObject(kind, cursor.expectDottedName());
            }
        }
        boolean qualified = cursor.is(1, TokenType.DOT);
        return new Statement.UseObject(qualified ? "SCHEMA" : "DATABASE", cursor.expectDottedName());
    }

    /** After {@code ALTER SESSION}. */
    Statement parseAlterSession() {
        if (cursor.acceptKeyword("SET")) {
            return new Statement.AlterSessionSet(properties.parseRequiredPropertyList());
        }
        cursor.expectKeyword("UNSET");
        return new Statement.AlterSessionUnset(properties.parsePropertyNames());
    }

    /** After {@code BEGIN}: {@code [WORK | TRANSACTION] [NAME name]}; the name is not kept. */
    Statement parseBegin() {
        if (!cursor.acceptKeyword("WORK")) {
            cursor.acceptKeyword("TRANSACTION");
        }
        acceptTransactionName();
        return new Statement.Begin();
    }

    /** After {@code START}: {@code TRANSACTION [NAME name]}. */
    Statement parseStart() {
        cursor.expectKeyword("TRANSACTION");
        acceptTransactionName();
        return new Statement.Begin();
    }

    /** After {@code COMMIT}. */
    Statement parseCommit() {
        cursor.acceptKeyword("WORK");
        return new Statement.Commit();
    }

    /** After {@code ROLLBACK}. */
    Statement parseRollback() {
        cursor.acceptKeyword("WORK");
        return new Statement.Rollback();
    }

    private void acceptTransactionName() {
        if (cursor.acceptKeyword("NAME")) {
            cursor.expectName();
        }
    }
}
