package dev.frostgate.sql;

import dev.frostgate.sql.Statement.ObjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The generic CREATE / ALTER / DROP / DESCRIBE / SHOW shapes shared by databases, schemas, network
 * rules and policies, authentication / password / session policies and security integrations.
 * Each method starts after the statement's object-type keywords. What differs between the types (how
 * many name parts, which ALTER actions, which SHOW clauses) is in {@link #SYNTAX}.
 */
final class ObjectStatementParser {

    /** The ALTER actions an object type takes besides SET and UNSET. */
    private enum AlterAction { RENAME, ADD_REMOVE }

    /** Which {@code IN ...} clause a type's SHOW takes. */
    private enum ShowIn {
        /** None. */
        NONE,
        /** {@code IN ACCOUNT | IN DATABASE [d]}: objects that live in databases. */
        DATABASE,
        /** {@code IN ACCOUNT | IN DATABASE [d] | IN SCHEMA [s] | IN s}: objects that live in schemas. */
        SCHEMA
    }

    /**
     * How one object type is written.
     *
     * @param singular     the words after CREATE / ALTER / DROP / DESCRIBE
     * @param plural       the words after SHOW
     * @param nameParts    the most parts its name may have: 1 for account objects, 2 for schemas, 3 for
     *                     schema objects
     * @param alters       the ALTER actions besides SET and UNSET
     * @param showIn       the IN clause of its SHOW
     * @param showOn       whether its SHOW takes {@code ON ACCOUNT | ON USER u}
     * @param showStarts   whether its SHOW takes {@code STARTS WITH} and {@code LIMIT}
     */
    private record Syntax(List<String> singular, List<String> plural, int nameParts, Set<AlterAction> alters,
                          ShowIn showIn, boolean showOn, boolean showStarts) {}

    private static final Set<AlterAction> RENAME = Set.of(AlterAction.RENAME);

    private static final Map<ObjectType, Syntax> SYNTAX = Map.of(
            ObjectType.DATABASE, new Syntax(List.of("DATABASE"), List.of("DATABASES"), 1, RENAME,
                    ShowIn.NONE, false, true),
            ObjectType.SCHEMA, new Syntax(List.of("SCHEMA"), List.of("SCHEMAS"), 2, RENAME,
                    ShowIn.DATABASE, false, true),
            ObjectType.NETWORK_RULE, new Syntax(List.of("NETWORK", "RULE"), List.of("NETWORK", "RULES"), 3,
                    Set.of(), ShowIn.SCHEMA, false, true),
            ObjectType.NETWORK_POLICY, new Syntax(List.of("NETWORK", "POLICY"), List.of("NETWORK", "POLICIES"), 1,
                    Set.of(AlterAction.RENAME, AlterAction.ADD_REMOVE), ShowIn.NONE, false, false),
            ObjectType.AUTHENTICATION_POLICY, new Syntax(List.of("AUTHENTICATION", "POLICY"),
                    List.of("AUTHENTICATION", "POLICIES"), 3, RENAME, ShowIn.SCHEMA, true, true),
            ObjectType.PASSWORD_POLICY, new Syntax(List.of("PASSWORD", "POLICY"), List.of("PASSWORD", "POLICIES"), 3,
                    RENAME, ShowIn.SCHEMA, true, true),
            ObjectType.SESSION_POLICY, new Syntax(List.of("SESSION", "POLICY"), List.of("SESSION", "POLICIES"), 3,
                    RENAME, ShowIn.SCHEMA, true, true),
            ObjectType.SECURITY_INTEGRATION, new Syntax(List.of("SECURITY", "INTEGRATION"),
                    List.of("SECURITY", "INTEGRATIONS"), 1, Set.of(), ShowIn.NONE, false, false));

    /**
     * Words that only ever start a two-word object type where a type may follow. Once one is read the
     * statement is committed to an object type, so {@code SHOW NETWORK POLICY} is reported at POLICY.
     * SESSION is among them although ALTER SESSION SET is a statement of its own: ALTER checks for that first.
     */
    private static final Set<String> TYPE_PREFIXES = Set.of("NETWORK", "AUTHENTICATION", "PASSWORD", "SESSION",
            "SECURITY");

    private final TokenCursor cursor;
    private final PropertyParser properties;

    ObjectStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.properties = new PropertyParser(cursor);
    }

    // ---- object types ------------------------------------------------------------------------------

    /**
     * Accepts an object type's singular words. {@code INTEGRATION} alone counts as a security
     * integration except after CREATE, where Snowflake requires {@code SECURITY INTEGRATION}. The first
     * word of a two-word type without its second word is an error at the word found instead.
     */
    static Optional<ObjectType> acceptType(TokenCursor cursor, boolean allowBareIntegration) {
        for (ObjectType type : ObjectType.values()) {
            if (cursor.acceptKeywords(SYNTAX.get(type).singular().toArray(String[]::new))) {
                return Optional.of(type);
            }
        }
        if (allowBareIntegration && cursor.acceptKeyword("INTEGRATION")) {
            return Optional.of(ObjectType.SECURITY_INTEGRATION);
        }
        rejectPartialType(cursor);
        return Optional.empty();
    }

    /** Accepts an object type's plural words, as after SHOW; {@code INTEGRATIONS} alone too. */
    static Optional<ObjectType> acceptPluralType(TokenCursor cursor) {
        for (ObjectType type : ObjectType.values()) {
            if (cursor.acceptKeywords(SYNTAX.get(type).plural().toArray(String[]::new))) {
                return Optional.of(type);
            }
        }
        if (cursor.acceptKeyword("INTEGRATIONS")) {
            return Optional.of(ObjectType.SECURITY_INTEGRATION);
        }
        rejectPartialType(cursor);
        return Optional.empty();
    }

    private static void rejectPartialType(TokenCursor cursor) {
        if (cursor.is(TokenType.IDENTIFIER) && TYPE_PREFIXES.contains(cursor.peek().value())) {
            cursor.advance();
            throw cursor.unexpected();
        }
    }

    /**
     * An object's name: as many parts as its type allows ({@code db.schema.name} for schema objects,
     * {@code db.schema} for schemas, one for account objects). A further '.' is left unread, so it is
     * the error.
     */
    static QualifiedName expectName(TokenCursor cursor, ObjectType type) {
        int maximum = SYNTAX.get(type).nameParts();
        List<String> parts = new ArrayList<>();
        parts.add(cursor.expectName());
        while (parts.size() < maximum && cursor.accept(TokenType.DOT)) {
            parts.add(cursor.expectName());
        }
        return new QualifiedName(parts);
    }

    // ---- statements --------------------------------------------------------------------------------

    /** After {@code CREATE [OR REPLACE] <type>}: {@code [IF NOT EXISTS] name [prop = value ...]}. */
    Statement parseCreate(ObjectType type, boolean orReplace) {
        boolean ifNotExists = CommonClauses.acceptIfNotExists(cursor);
        QualifiedName name = expectName(cursor, type);
        return new Statement.CreateObject(type, orReplace, ifNotExists, name, properties.parsePropertyList());
    }

    /**
     * After {@code ALTER <type>}: {@code [IF EXISTS] name} and SET, UNSET, and where the type has them,
     * RENAME TO or (network policies) ADD / REMOVE of one list.
     */
    Statement parseAlter(ObjectType type) {
        Syntax syntax = SYNTAX.get(type);
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        QualifiedName name = expectName(cursor, type);
        if (cursor.acceptKeyword("SET")) {
            return new Statement.AlterObjectSet(type, ifExists, name, properties.parseRequiredPropertyList());
        }
        if (cursor.acceptKeyword("UNSET")) {
            return new Statement.AlterObjectUnset(type, ifExists, name, properties.parsePropertyNames());
        }
        if (syntax.alters().contains(AlterAction.RENAME) && cursor.acceptKeyword("RENAME")) {
            cursor.expectKeyword("TO");
            return new Statement.AlterObjectRename(type, ifExists, name, expectName(cursor, type));
        }
        if (syntax.alters().contains(AlterAction.ADD_REMOVE) && (cursor.isKeyword("ADD") || cursor.isKeyword("REMOVE"))) {
            boolean add = cursor.advance().isKeyword("ADD");
            return new Statement.AlterObjectListChange(type, ifExists, name, add, properties.parseProperty());
        }
        throw cursor.unexpected();
    }

    /** After {@code DROP <type>}. */
    Statement parseDrop(ObjectType type) {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        return new Statement.DropObject(type, ifExists, expectName(cursor, type));
    }

    /** After {@code DESC[RIBE] <type>}. */
    Statement parseDescribe(ObjectType type) {
        return new Statement.DescribeObject(type, expectName(cursor, type));
    }

    /**
     * After {@code SHOW <types>}: {@code [LIKE 'p'] [IN ...] [ON ACCOUNT | ON USER u] [STARTS WITH 's'] [LIMIT n]},
     * in that order, each only where the type takes it; a clause the type does not take is left unread
     * and so reported where it stands.
     */
    Statement parseShow(ObjectType type) {
        Syntax syntax = SYNTAX.get(type);
        Optional<String> like = CommonClauses.acceptLike(cursor);
        Statement.ShowScope scope = Statement.ShowScope.DEFAULT;
        Optional<QualifiedName> in = Optional.empty();
        if (syntax.showIn() != ShowIn.NONE && cursor.acceptKeyword("IN")) {
            if (cursor.acceptKeyword("ACCOUNT")) {
                scope = Statement.ShowScope.ACCOUNT;
            } else if (cursor.acceptKeyword("DATABASE")) {
                scope = Statement.ShowScope.DATABASE;
                in = optionalScopeName(1);
            } else if (syntax.showIn() == ShowIn.SCHEMA && cursor.acceptKeyword("SCHEMA")) {
                scope = Statement.ShowScope.SCHEMA;
                in = optionalScopeName(2);
            } else if (syntax.showIn() == ShowIn.SCHEMA) {
                scope = Statement.ShowScope.SCHEMA;
                in = Optional.of(scopeName(2));
            } else {
                throw cursor.unexpected();
            }
        }
        Optional<Statement.ShowTarget> on = Optional.empty();
        if (syntax.showOn() && cursor.acceptKeyword("ON")) {
            if (cursor.acceptKeyword("ACCOUNT")) {
                on = Optional.of(new Statement.ShowTarget.Account());
            } else {
                cursor.expectKeyword("USER");
                on = Optional.of(new Statement.ShowTarget.User(cursor.expectName()));
            }
        }
        Optional<String> startsWith = Optional.empty();
        Optional<Long> limit = Optional.empty();
        if (syntax.showStarts()) {
            if (cursor.acceptKeywords("STARTS", "WITH")) {
                startsWith = Optional.of(cursor.expect(TokenType.STRING).value());
            }
            if (cursor.acceptKeyword("LIMIT")) {
                limit = Optional.of(cursor.expectCount());
            }
        }
        return new Statement.ShowObjects(type, like, in, on, startsWith, limit, scope);
    }

    /**
     * The name after {@code IN DATABASE} or {@code IN SCHEMA}, which may be left out (the current one).
     * A following {@code STARTS WITH} or {@code LIMIT n} is the next clause, not a name.
     */
    private Optional<QualifiedName> optionalScopeName(int maximumParts) {
        boolean nextClause = (cursor.isKeyword("STARTS") && cursor.isKeyword(1, "WITH"))
                || (cursor.isKeyword("LIMIT") && cursor.is(1, TokenType.NUMBER));
        return cursor.isName() && !nextClause ? Optional.of(scopeName(maximumParts)) : Optional.empty();
    }

    private QualifiedName scopeName(int maximumParts) {
        return expectName(cursor, maximumParts == 1 ? ObjectType.DATABASE : ObjectType.SCHEMA);
    }
}
