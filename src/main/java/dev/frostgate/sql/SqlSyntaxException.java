package dev.frostgate.sql;

/**
 * A statement that does not parse. Carries Snowflake's position information so the executor can
 * report {@code 001003 SQL compilation error: syntax error line L at position P unexpected 'X'.}
 */
public final class SqlSyntaxException extends RuntimeException {
    private final int line;
    private final int position;
    private final String unexpected;

    public SqlSyntaxException(int line, int position, String unexpected) {
        super("syntax error line " + line + " at position " + position + " unexpected '" + unexpected + "'.");
        this.line = line;
        this.position = position;
        this.unexpected = unexpected;
    }

    public int line() { return line; }

    public int position() { return position; }

    public String unexpected() { return unexpected; }
}
