package dev.frostgate.sql;

import java.util.List;
import java.util.Optional;

/**
 * The generic CREATE / ALTER / DROP / DESCRIBE / SHOW shapes shared by databases, schemas, network
 * rules and policies, authentication / password / session policies and security integrations.
 * Each method starts after the statement's object-type keywords.
 */
final class ObjectStatementParser {

    /** The words naming each object type, singular and plural. */
    private record TypeWords(Statement.ObjectType type, String[] singular, String[] plural) {}

    private static final List<TypeWords> TYPES = List.of(
            new TypeWords(Statement.ObjectType.DATABASE, words("DATABASE"), words("DATABASES")),
            new TypeWords(Statement.ObjectType.SCHEMA, words("SCHEMA"), words("SCHEMAS")),
            new TypeWords(Statement.ObjectType.NETWORK_RULE, words("NETWORK", "RULE"), words("NETWORK", "RULES")),
            new TypeWords(Statement.ObjectType.NETWORK_POLICY, words("NETWORK", "POLICY"),
                    words("NETWORK", "POLICIES")),
            new TypeWords(Statement.ObjectType.AUTHENTICATION_POLICY, words("AUTHENTICATION", "POLICY"),
                    words("AUTHENTICATION", "POLICIES")),
            new TypeWords(Statement.ObjectType.PASSWORD_POLICY, words("PASSWORD", "POLICY"),
                    words("PASSWORD", "POLICIES")),
            new TypeWords(Statement.ObjectType.SESSION_POLICY, words("SESSION", "POLICY"),
                    words("SESSION", "POLICIES")),
            new TypeWords(Statement.ObjectType.SECURITY_INTEGRATION, words("SECURITY", "INTEGRATION"),
                    words("SECURITY", "INTEGRATIONS")));

    private final TokenCursor cursor;
    private final PropertyParser properties;

    ObjectStatementParser(TokenCursor cursor) {
        this.cursor = cursor;
        this.properties = new PropertyParser(cursor);
    }

    private static String[] words(String... words) {
        return words;
    }

    /**
     * Accepts an object type's singular words. {@code INTEGRATION} alone counts as a security
     * integration except after CREATE, where Snowflake requires {@code SECURITY INTEGRATION}.
     */
    static Optional<Statement.ObjectType> acceptType(TokenCursor cursor, boolean allowBareIntegration) {
        for (TypeWords type : TYPES) {
            if (cursor.acceptKeywords(type.singular())) {
                return Optional.of(type.type());
            }
        }
        if (allowBareIntegration && cursor.acceptKeyword("INTEGRATION")) {
            return Optional.of(Statement.ObjectType.SECURITY_INTEGRATION);
        }
        return Optional.empty();
    }

    static Optional<Statement.ObjectType> acceptPluralType(TokenCursor cursor) {
        for (TypeWords type : TYPES) {
            if (cursor.acceptKeywords(type.plural())) {
                return Optional.of(type.type());
            }
        }
        if (cursor.acceptKeyword("INTEGRATIONS")) {
            return Optional.of(Statement.ObjectType.SECURITY_INTEGRATION);
        }
        return Optional.empty();
    }

    Statement parseCreate(Statement.ObjectType type, boolean orReplace) {
        boolean ifNotExists = CommonClauses.acceptIfNotExists(cursor);
        QualifiedName name = qualifiedName();
        return new Statement.CreateObject(type, orReplace, ifNotExists, name, properties.parsePropertyList());
    }

    Statement parseAlter(Statement.ObjectType type) {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        QualifiedName name = qualifiedName();
        if (cursor.acceptKeyword("SET")) {
            return new Statement.AlterObjectSet(type, ifExists, name, properties.parseRequiredPropertyList());
        }
        if (cursor.acceptKeyword("UNSET")) {
            return new Statement.AlterObjectUnset(type, ifExists, name, properties.parsePropertyNames());
        }
        if (cursor.acceptKeywords("RENAME", "TO")) {
            return new Statement.AlterObjectRename(type, ifExists, name, qualifiedName());
        }
        if (type == Statement.ObjectType.NETWORK_POLICY && (cursor.isKeyword("ADD") || cursor.isKeyword("REMOVE"))) {
            boolean add = cursor.advance().isKeyword("ADD");
            return new Statement.AlterObjectListChange(type, ifExists, name, add, properties.parseProperty());
        }
        throw cursor.unexpected();
    }

    Statement parseDrop(Statement.ObjectType type) {
        boolean ifExists = CommonClauses.acceptIfExists(cursor);
        return new Statement.DropObject(type, ifExists, qualifiedName());
    }

    Statement parseDescribe(Statement.ObjectType type) {
        return new Statement.DescribeObject(type, qualifiedName());
    }

    /** {@code [LIKE 'p'] [IN ACCOUNT | IN DATABASE d | IN SCHEMA s | IN d] [ON ACCOUNT | ON USER u] [STARTS WITH 's'] [LIMIT n]}. */
    Statement parseShow(Statement.ObjectType type) {
        Optional<String> like = CommonClauses.acceptLike(cursor);
        Optional<QualifiedName> in = Optional.empty();
        if (cursor.acceptKeyword("IN")) {
            if (!cursor.acceptKeyword("ACCOUNT")) {
                if (!cursor.acceptKeyword("DATABASE")) {
                    cursor.acceptKeyword("SCHEMA");
                }
                in = Optional.of(qualifiedName());
            }
        }
        Optional<Statement.ShowTarget> on = Optional.empty();
        if (cursor.acceptKeyword("ON")) {
            if (cursor.acceptKeyword("ACCOUNT")) {
                on = Optional.of(new Statement.ShowTarget.Account());
            } else {
                cursor.expectKeyword("USER");
                on = Optional.of(new Statement.ShowTarget.User(cursor.expectName()));
            }
        }
        Optional<String> startsWith = cursor.acceptKeywords("STARTS", "WITH")
                ? Optional.of(cursor.expect(TokenType.STRING).value())
                : Optional.empty();
        Optional<Long> limit = cursor.acceptKeyword("LIMIT") ? Optional.of(cursor.expectCount()) : Optional.empty();
        return new Statement.ShowObjects(type, like, in, on, startsWith, limit);
    }

    /** {@code ALTER ACCOUNT SET param = value … | UNSET param[, …]}, or a policy attachment. */
    Statement parseAlterAccount() {
        PolicyAttachmentParser policies = new PolicyAttachmentParser(cursor);
        Statement.PolicyTarget account = new Statement.PolicyTarget.Account(Optional.empty());
        if (cursor.acceptKeyword("SET")) {
            return policies.startsPolicyKind() ? policies.parseSet(account)
                    : new Statement.AlterAccountSet(properties.parseRequiredPropertyList());
        }
        cursor.expectKeyword("UNSET");
        return policies.startsPolicyKind() ? policies.parseUnset(account)
                : new Statement.AlterAccountUnset(properties.parsePropertyNames());
    }

    /** {@code name}, {@code schema.name} or {@code database.schema.name}; a fourth part is a syntax error. */
    private QualifiedName qualifiedName() {
        List<String> parts = new java.util.ArrayList<>();
        parts.add(cursor.expectName());
        while (parts.size() < 3 && cursor.accept(TokenType.DOT)) {
            parts.add(cursor.expectName());
        }
        return new QualifiedName(parts);
    }
}
