package dev.frostgate.sql;

import dev.frostgate.sql.Statement.GrantsScope;
import dev.frostgate.sql.Statement.SecurableObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GRANT, REVOKE and SHOW GRANTS; each method starts after its leading keywords. */
final class GrantStatementParser {

    private final TokenCursor cursor;

    GrantStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /** After {@code GRANT}: a role to a user or role, ownership, or privileges to a role. */
    Statement parseGrant() {
        if (cursor.acceptKeyword("ROLE")) {
            String role = cursor.expectName();
            cursor.expectKeyword("TO");
            return new Statement.GrantRole(role, parseGrantee());
        }
        if (cursor.acceptKeyword("OWNERSHIP")) {
            return parseGrantOwnership();
        }
        List<String> privileges = parsePrivileges();
        cursor.expectKeyword("ON");
        SecurableObject on = parseSecurableObject(true);
        cursor.expectKeyword("TO");
        cursor.acceptKeyword("ROLE");
        String role = cursor.expectName();
        boolean withGrantOption = cursor.acceptKeywords("WITH", "GRANT", "OPTION");
        return new Statement.GrantPrivileges(privileges, on, role, withGrantOption);
    }

    /** After {@code REVOKE}: a role from a user or role, or privileges from a role. */
    Statement parseRevoke() {
        if (cursor.acceptKeyword("ROLE")) {
            String role = cursor.expectName();
            cursor.expectKeyword("FROM");
            return new Statement.RevokeRole(role, parseGrantee());
        }
        List<String> privileges = parsePrivileges();
        cursor.expectKeyword("ON");
        SecurableObject on = parseSecurableObject(true);
        cursor.expectKeyword("FROM");
        cursor.acceptKeyword("ROLE");
        return new Statement.RevokePrivileges(privileges, on, cursor.expectName());
    }

    /** After {@code SHOW GRANTS}. */
    Statement parseShowGrants() {
        GrantsScope scope;
        if (cursor.acceptKeyword("TO")) {
            if (cursor.acceptKeyword("USER")) {
                scope = new GrantsScope.ToUser(cursor.expectName());
            } else {
                cursor.expectKeyword("ROLE");
                scope = new GrantsScope.ToRole(cursor.expectName());
            }
        } else if (cursor.acceptKeyword("OF")) {
            cursor.expectKeyword("ROLE");
            scope = new GrantsScope.OfRole(cursor.expectName());
        } else if (cursor.acceptKeyword("ON")) {
            SecurableObject object = parseSecurableObject(true);
            scope = object.name().isEmpty() ? new GrantsScope.OnAccount() : new GrantsScope.OnObject(object);
        } else {
            throw cursor.unexpected();
        }
        return new Statement.ShowGrants(scope);
    }

    /** After {@code GRANT OWNERSHIP}: the current grants clause is accepted; the AST does not keep it. */
    private Statement parseGrantOwnership() {
        cursor.expectKeyword("ON");
        SecurableObject on = parseSecurableObject(false);
        cursor.expectKeyword("TO", "ROLE");
        String role = cursor.expectName();
        if (!cursor.acceptKeywords("COPY", "CURRENT", "GRANTS")) {
            cursor.acceptKeywords("REVOKE", "CURRENT", "GRANTS");
        }
        return new Statement.GrantOwnership(on, role);
    }

    private Statement.Grantee parseGrantee() {
        if (cursor.acceptKeyword("USER")) {
            return new Statement.Grantee(Statement.GranteeKind.USER, cursor.expectName());
        }
        cursor.expectKeyword("ROLE");
        return new Statement.Grantee(Statement.GranteeKind.ROLE, cursor.expectName());
    }

    /**
     * {@code priv[, priv...]}, each privilege the words up to ',' or ON joined by single spaces, e.g.
     * {@code CREATE USER}. TO and FROM also end a privilege so a missing ON is reported where it belongs.
     */
    private List<String> parsePrivileges() {
        List<String> privileges = new ArrayList<>();
        do {
            List<String> words = new ArrayList<>();
            while (cursor.is(TokenType.IDENTIFIER)
                    && !cursor.isKeyword("ON") && !cursor.isKeyword("TO") && !cursor.isKeyword("FROM")) {
                words.add(cursor.advance().value());
            }
            if (words.isEmpty()) {
                throw cursor.unexpected();
            }
            String privilege = String.join(" ", words);
            // ALL and ALL PRIVILEGES are the same grant.
            privileges.add(privilege.equals("ALL PRIVILEGES") ? "ALL" : privilege);
        } while (cursor.accept(TokenType.COMMA));
        return privileges;
    }

    /**
     * {@code ACCOUNT}, or a kind and a name: USER, ROLE, or any object type of the generic object
     * statements (DATABASE, SCHEMA, NETWORK POLICY, AUTHENTICATION POLICY, [SECURITY] INTEGRATION …),
     * whose kind is written with underscores. {@code ON USER} without a name means every user.
     */
    private SecurableObject parseSecurableObject(boolean accountAllowed) {
        if (accountAllowed && cursor.acceptKeyword("ACCOUNT")) {
            return SecurableObject.account();
        }
        if (cursor.acceptKeyword("USER")) {
            boolean everyUser = cursor.isKeyword("TO") || cursor.isKeyword("FROM");
            return new SecurableObject("USER", everyUser ? Optional.empty() : Optional.of(cursor.expectName()));
        }
        if (cursor.acceptKeyword("ROLE")) {
            return new SecurableObject("ROLE", Optional.of(cursor.expectName()));
        }
        Statement.ObjectType type = ObjectStatementParser.acceptType(cursor, true).orElseThrow(cursor::unexpected);
        String kind = type == Statement.ObjectType.SECURITY_INTEGRATION ? "INTEGRATION" : type.name();
        return new SecurableObject(kind, Optional.of(ObjectStatementParser.expectName(cursor, type).toString()));
    }
}
