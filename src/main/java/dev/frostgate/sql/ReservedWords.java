package dev.frostgate.sql;

import java.util.Set;

/** Snowflake's reserved keywords: unquoted, they cannot name an object, a column or an alias. */
final class ReservedWords {

    private static final Set<String> RESERVED = Set.of(
            "ACCOUNT", "ALL", "ALTER", "AND", "ANY", "AS", "BETWEEN", "BY", "CASE", "CAST", "CHECK", "COLUMN",
            "CONNECT", "CONNECTION", "CONSTRAINT", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_TIME",
            "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DELETE", "DISTINCT", "DROP", "ELSE", "EXISTS",
            "FALSE", "FOLLOWING", "FOR", "FROM", "FULL", "GRANT", "GROUP", "GSCLUSTER", "HAVING", "ILIKE", "IN",
            "INCREMENT", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "ISSUE", "JOIN", "LATERAL", "LEFT", "LIKE",
            "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "NATURAL", "NOT", "NULL", "OF", "ON", "OR", "ORDER",
            "ORGANIZATION", "QUALIFY", "REGEXP", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "SAMPLE", "SCHEMA",
            "SELECT", "SET", "SOME", "START", "TABLE", "TABLESAMPLE", "THEN", "TO", "TRIGGER", "TRUE", "TRY_CAST",
            "UNION", "UNIQUE", "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHENEVER", "WHERE", "WINDOW", "WITH");

    /** Reserved words that are nevertheless functions: {@code CURRENT_USER()}, {@code LEFT(s, 2)}. */
    private static final Set<String> CALLABLE = Set.of(
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP",
            "LEFT", "RIGHT");

    /** Reserved words that, written without parentheses, call a function of no arguments. */
    private static final Set<String> NILADIC = Set.of(
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "LOCALTIME", "LOCALTIMESTAMP");

    /** Non-reserved words that start a clause after a select item or source, so cannot be an implicit alias. */
    private static final Set<String> CLAUSE_STARTERS = Set.of("LIMIT", "OFFSET", "FETCH");

    private ReservedWords() {}

    static boolean isReserved(Token token) {
        return token.type() == TokenType.IDENTIFIER && RESERVED.contains(token.value());
    }

    static boolean isCallable(Token token) {
        return token.type() == TokenType.IDENTIFIER && CALLABLE.contains(token.value());
    }

    static boolean isNiladic(Token token) {
        return token.type() == TokenType.IDENTIFIER && NILADIC.contains(token.value());
    }

    static boolean startsClause(Token token) {
        return isReserved(token) || (token.type() == TokenType.IDENTIFIER && CLAUSE_STARTERS.contains(token.value()));
    }
}
