package dev.frostgate.sql;

/**
 * One token of a statement.
 *
 * @param type   what kind of token this is
 * @param value  the normalised value: upper-cased for unquoted identifiers, unescaped for strings and
 *               quoted identifiers, the text itself otherwise
 * @param raw    the source text exactly as written (what syntax errors quote); empty at end of input
 * @param line   1-based line of the first character
 * @param column 1-based column of the first character
 * @param offset 0-based index of the first character in the source
 */
public record Token(TokenType type, String value, String raw, int line, int column, int offset) {

    /** Index just past the last character in the source. */
    public int endOffset() {
        return offset + raw.length();
    }

    /** Whether this is the unquoted keyword {@code keyword} (given upper-case). Quoted identifiers never are. */
    public boolean isKeyword(String keyword) {
        return type == TokenType.IDENTIFIER && value.equals(keyword);
    }

    /** The text Snowflake quotes in "unexpected '…'". */
    /**
     * The token as a syntax error quotes it. String literals are never quoted back: one may be a
     * password (an unterminated {@code PASSWORD = 'secret}, say), and errors must not carry secrets.
     */
    public String unexpectedText() {
        if (type == TokenType.END_OF_INPUT) {
            return "<EOF>";
        }
        boolean stringLiteral = type == TokenType.STRING
                || type == TokenType.INVALID && (raw.startsWith("'") || raw.startsWith("$$"));
        return stringLiteral ? "<string literal>" : raw;
    }
}
