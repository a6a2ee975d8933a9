package dev.frostgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a statement into tokens by Snowflake's lexical rules. Never throws: text that is not a token
 * becomes an {@link TokenType#INVALID} token, so the parser can report it at its place in reading order.
 */
public final class SqlLexer {

    private final String source;
    private final List<Token> tokens = new ArrayList<>();
    private int offset;
    private int line = 1;
    private int lineStart;

    private SqlLexer(String source) {
        this.source = source;
    }

    /** The tokens of {@code sql}, always ending with one {@link TokenType#END_OF_INPUT} token. */
    public static List<Token> tokenize(String sql) {
        return new SqlLexer(sql == null ? "" : sql).run();
    }

    private List<Token> run() {
        while (true) {
            skipWhitespaceAndComments();
            if (offset >= source.length()) {
                tokens.add(new Token(TokenType.END_OF_INPUT, "", "", line, offset - lineStart + 1, offset));
                return List.copyOf(tokens);
            }
            readToken();
        }
    }

    private void skipWhitespaceAndComments() {
        while (offset < source.length()) {
            char current = source.charAt(offset);
            if (Character.isWhitespace(current)) {
                advanceTo(offset + 1);
            } else if (startsWith("--") || startsWith("//")) {
                int newline = source.indexOf('\n', offset);
                advanceTo(newline < 0 ? source.length() : newline + 1);
            } else if (startsWith("/*")) {
                int close = source.indexOf("*/", offset + 2);
                if (close < 0) {
                    // An unterminated comment would silently swallow the rest of the statement.
                    emit(TokenType.INVALID, source.length(), source.substring(offset));
                    return;
                }
                advanceTo(close + 2);
            } else {
                return;
            }
        }
    }

    private void readToken() {
        char current = source.charAt(offset);
        int codePoint = source.codePointAt(offset);
        if (Character.isLetter(codePoint) || current == '_') {
            readUnquotedIdentifier();
        } else if (isDigit(current) || (current == '.' && isDigit(charAt(offset + 1)))) {
            readNumber();
        } else if (current == '\'') {
            readSingleQuotedString();
        } else if (current == '"') {
            readQuotedIdentifier();
        } else if (startsWith("$$")) {
            readDollarQuotedString();
        } else {
            readPunctuation(current, codePoint);
        }
    }

    private void readUnquotedIdentifier() {
        int end = offset;
        while (end < source.length()) {
            int codePoint = source.codePointAt(end);
            if (!Character.isLetterOrDigit(codePoint) && codePoint != '_' && codePoint != '$') {
                break;
            }
            end += Character.charCount(codePoint);
        }
        emit(TokenType.IDENTIFIER, end, source.substring(offset, end).toUpperCase(Locale.ROOT));
    }

    private void readNumber() {
        int end = skipDigits(offset);
        if (charAt(end) == '.') {
            end = skipDigits(end + 1);
        }
        char exponent = charAt(end);
        if (exponent == 'e' || exponent == 'E') {
            int digitsStart = end + 1;
            if (charAt(digitsStart) == '+' || charAt(digitsStart) == '-') {
                digitsStart++;
            }
            // Only an exponent with digits belongs to the number; otherwise "1e" is 1 followed by E.
            if (isDigit(charAt(digitsStart))) {
                end = skipDigits(digitsStart);
            }
        }
        emit(TokenType.NUMBER, end, source.substring(offset, end));
    }

    private void readSingleQuotedString() {
        StringBuilder value = new StringBuilder();
        int position = offset + 1;
        while (position < source.length()) {
            char current = source.charAt(position);
            if (current == '\'') {
                if (charAt(position + 1) == '\'') {
                    value.append('\'');
                    position += 2;
                    continue;
                }
                emit(TokenType.STRING, position + 1, value.toString());
                return;
            }
            if (current == '\\' && position + 1 < source.length()) {
                value.append(unescape(source.charAt(position + 1)));
                position += 2;
                continue;
            }
            value.append(current);
            position++;
        }
        emitUnterminated();
    }

    /** Snowflake's backslash escapes; any other escaped character stands for itself (so \' and \\ work). */
    private static char unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case '0' -> '\0';
            default -> escaped;
        };
    }

    private void readQuotedIdentifier() {
        StringBuilder value = new StringBuilder();
        int position = offset + 1;
        while (position < source.length()) {
            char current = source.charAt(position);
            if (current == '"') {
                if (charAt(position + 1) == '"') {
                    value.append('"');
                    position += 2;
                    continue;
                }
                emit(TokenType.QUOTED_IDENTIFIER, position + 1, value.toString());
                return;
            }
            value.append(current);
            position++;
        }
        emitUnterminated();
    }

    private void readDollarQuotedString() {
        int close = source.indexOf("$$", offset + 2);
        if (close < 0) {
            emitUnterminated();
            return;
        }
        emit(TokenType.STRING, close + 2, source.substring(offset + 2, close));
    }

    private void readPunctuation(char current, int codePoint) {
        char next = charAt(offset + 1);
        switch (current) {
            case '(' -> emit(TokenType.LEFT_PARENTHESIS, offset + 1);
            case ')' -> emit(TokenType.RIGHT_PARENTHESIS, offset + 1);
            case ',' -> emit(TokenType.COMMA, offset + 1);
            case '.' -> emit(TokenType.DOT, offset + 1);
            case ';' -> emit(TokenType.SEMICOLON, offset + 1);
            case '*' -> emit(TokenType.STAR, offset + 1);
            case '-' -> emit(TokenType.MINUS, offset + 1);
            case '=' -> {
                if (next == '>') {
                    emit(TokenType.ARROW, offset + 2);
                } else {
                    emit(TokenType.EQUALS, offset + 1);
                }
            }
            case '!' -> {
                if (next == '=') {
                    emit(TokenType.NOT_EQUALS, offset + 2);
                } else {
                    emit(TokenType.INVALID, offset + 1);
                }
            }
            case '<' -> {
                if (next == '=') {
                    emit(TokenType.LESS_OR_EQUAL, offset + 2);
                } else if (next == '>') {
                    emit(TokenType.NOT_EQUALS, offset + 2);
                } else {
                    emit(TokenType.LESS, offset + 1);
                }
            }
            case '>' -> {
                if (next == '=') {
                    emit(TokenType.GREATER_OR_EQUAL, offset + 2);
                } else {
                    emit(TokenType.GREATER, offset + 1);
                }
            }
            default -> emit(TokenType.INVALID, offset + Character.charCount(codePoint));
        }
    }

    /** An unterminated quote runs to the end of input; the whole remainder is the offending token. */
    private void emitUnterminated() {
        emit(TokenType.INVALID, source.length());
    }

    private void emit(TokenType type, int end) {
        emit(type, end, source.substring(offset, end));
    }

    private void emit(TokenType type, int end, String value) {
        tokens.add(new Token(type, value, source.substring(offset, end), line, offset - lineStart + 1, offset));
        advanceTo(end);
    }

    /** Moves to {@code end}, counting the line breaks passed so positions stay right after multi-line tokens. */
    private void advanceTo(int end) {
        for (int position = offset; position < end; position++) {
            if (source.charAt(position) == '\n') {
                line++;
                lineStart = position + 1;
            }
        }
        offset = end;
    }

    private int skipDigits(int position) {
        while (isDigit(charAt(position))) {
            position++;
        }
        return position;
    }

    private boolean startsWith(String prefix) {
        return source.startsWith(prefix, offset);
    }

    private char charAt(int position) {
        return position < source.length() ? source.charAt(position) : '\0';
    }

    private static boolean isDigit(char character) {
        return character >= '0' && character <= '9';
    }
}
