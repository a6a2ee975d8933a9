package dev.frostgate.sql;

/** The kinds of token {@link SqlLexer} produces. Keywords are not a kind: they are unquoted identifiers. */
public enum TokenType {
    /** An unquoted identifier or keyword; its value is upper-cased. */
    IDENTIFIER,
    /** A double-quoted identifier; its value is kept exactly, with {@code ""} unescaped. */
    QUOTED_IDENTIFIER,
    /** A single-quoted or dollar-quoted string; its value is the unescaped content. */
    STRING,
    /** An integer or decimal literal, optionally with an exponent; its value is the text as written. */
    NUMBER,
    LEFT_PARENTHESIS,
    RIGHT_PARENTHESIS,
    COMMA,
    DOT,
    SEMICOLON,
    EQUALS,
    /** {@code !=} or {@code <>}. */
    NOT_EQUALS,
    LESS,
    LESS_OR_EQUAL,
    GREATER,
    GREATER_OR_EQUAL,
    STAR,
    MINUS,
    /** {@code =>}, for named function arguments. */
    ARROW,
    /**
     * Text that is not a token: an unknown character, or an unterminated string, quoted identifier or
     * comment. Kept as a token (not thrown) so the parser reports the first error in reading order.
     */
    INVALID,
    END_OF_INPUT
}
