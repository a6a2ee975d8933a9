package dev.frostgate.sql;

import java.util.Optional;

/** Small clauses that recur across statements. */
final class CommonClauses {

    private CommonClauses() {}

    /** {@code IF NOT EXISTS}; a lone IF is left alone so it can still be a name. */
    static boolean acceptIfNotExists(TokenCursor cursor) {
        return cursor.acceptKeywords("IF", "NOT", "EXISTS");
    }

    /** {@code IF EXISTS}; a lone IF is left alone so it can still be a name. */
    static boolean acceptIfExists(TokenCursor cursor) {
        return cursor.acceptKeywords("IF", "EXISTS");
    }

    /** {@code [LIKE 'pattern']} of SHOW commands. */
    static Optional<String> acceptLike(TokenCursor cursor) {
        return cursor.acceptKeyword("LIKE")
                ? Optional.of(cursor.expect(TokenType.STRING).value())
                : Optional.empty();
    }
}
