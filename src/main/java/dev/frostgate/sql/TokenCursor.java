package dev.frostgate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A position in a statement's tokens, with the look-ahead, expectation and error helpers every statement
 * parser shares. Errors always point at the token that cannot be accepted.
 */
final class TokenCursor {

    /** Deepest parenthesis nesting accepted; deeper input is a syntax error rather than a stack overflow. */
    static final int MAXIMUM_NESTING = 200;

    private final List<Token> tokens;
    private int index;
    private int nesting;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    // ---- looking ---------------------------------------------------------------------------------

    Token peek() {
        return peek(0);
    }

    /** The token {@code ahead} places on; past the end this is the end-of-input token. */
    Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    /** The last token consumed; only meaningful after at least one {@link #advance()}. */
    Token previous() {
        return tokens.get(Math.max(index - 1, 0));
    }

    boolean is(TokenType type) {
        return peek().type() == type;
    }

    boolean is(int ahead, TokenType type) {
        return peek(ahead).type() == type;
    }

    boolean isKeyword(String keyword) {
        return peek().isKeyword(keyword);
    }

    boolean isKeyword(int ahead, String keyword) {
        return peek(ahead).isKeyword(keyword);
    }

    boolean atEnd() {
        return is(TokenType.END_OF_INPUT);
    }

    /** Whether the next token can be an object name: a quoted identifier, or an unreserved unquoted one. */
    boolean isName() {
        return isName(peek());
    }

    static boolean isName(Token token) {
        return switch (token.type()) {
            case QUOTED_IDENTIFIER -> !token.value().isEmpty();
            case IDENTIFIER -> !ReservedWords.isReserved(token);
            default -> false;
        };
    }

    // ---- consuming -------------------------------------------------------------------------------

    Token advance() {
        Token current = peek();
        if (current.type() != TokenType.END_OF_INPUT) {
            index++;
        }
        return current;
    }

    boolean accept(TokenType type) {
        if (is(type)) {
            advance();
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (isKeyword(keyword)) {
            advance();
            return true;
        }
        return false;
    }

    /** Accepts the keywords in order, only if all of them are next. */
    boolean acceptKeywords(String... keywords) {
        for (int ahead = 0; ahead < keywords.length; ahead++) {
            if (!isKeyword(ahead, keywords[ahead])) {
                return false;
            }
        }
        index += keywords.length;
        return true;
    }

    Token expect(TokenType type) {
        if (!is(type)) {
            throw unexpected();
        }
        return advance();
    }

    void expectKeyword(String... keywords) {
        for (String keyword : keywords) {
            if (!acceptKeyword(keyword)) {
                throw unexpected();
            }
        }
    }

    /** Any unquoted word, reserved or not (keywords, property names, privilege words); upper-cased. */
    String expectWord() {
        return expect(TokenType.IDENTIFIER).value();
    }

    /** An object name, normalised by Snowflake's identifier rules. */
    String expectName() {
        if (!isName()) {
            throw unexpected();
        }
        return advance().value();
    }

    /** {@code name[.name...]} as its normalised parts. */
    List<String> expectQualifiedName() {
        List<String> parts = new ArrayList<>();
        parts.add(expectName());
        while (accept(TokenType.DOT)) {
            parts.add(expectName());
        }
        return parts;
    }

    /** A (possibly qualified) name as one string, parts joined with '.'. */
    String expectDottedName() {
        return String.join(".", expectQualifiedName());
    }

    /** An unsigned integer literal that fits a long, such as a LIMIT. */
    long expectCount() {
        Token token = expect(TokenType.NUMBER);
        try {
            return Long.parseLong(token.raw());
        } catch (NumberFormatException notAnInteger) {
            throw unexpected(token);
        }
    }

    /** Consumes '(' and counts it toward the nesting limit; every recursive construct goes through here. */
    void openParenthesis() {
        if (!is(TokenType.LEFT_PARENTHESIS) || nesting >= MAXIMUM_NESTING) {
            throw unexpected();
        }
        advance();
        nesting++;
    }

    void closeParenthesis() {
        expect(TokenType.RIGHT_PARENTHESIS);
        nesting--;
    }

    // ---- errors ----------------------------------------------------------------------------------

    SqlSyntaxException unexpected() {
        return unexpected(peek());
    }

    /** Snowflake reports a 1-based line and a 0-based position within it. */
    static SqlSyntaxException unexpected(Token token) {
        return new SqlSyntaxException(token.line(), token.column() - 1, token.unexpectedText());
    }
}
