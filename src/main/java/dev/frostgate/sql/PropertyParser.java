package dev.frostgate.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code NAME = value ...} clauses shared by CREATE/ALTER of users, sessions, and later policies and
 * integrations. Properties are separated by whitespace or commas; values may nest.
 */
final class PropertyParser {

    private final TokenCursor cursor;

    PropertyParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    /**
     * Zero or more properties. The list ends at the first token that does not start {@code NAME =}, which is
     * left for the caller; a comma, though, promises another property.
     */
    List<Property> parsePropertyList() {
        List<Property> properties = new ArrayList<>();
        while (startsProperty()) {
            properties.add(parseProperty());
            if (cursor.accept(TokenType.COMMA) && !startsProperty()) {
                throw cursor.unexpected();
            }
        }
        return properties;
    }

    /** One or more properties, as after SET: an empty list is an error at the token found instead. */
    List<Property> parseRequiredPropertyList() {
        if (!startsProperty()) {
            throw cursor.unexpected();
        }
        return parsePropertyList();
    }

    /** {@code NAME[, NAME...]}, as after UNSET. */
    List<String> parsePropertyNames() {
        List<String> names = new ArrayList<>();
        do {
            names.add(cursor.expectWord());
        } while (cursor.accept(TokenType.COMMA));
        return names;
    }

    Value parseValue() {
        Token token = cursor.peek();
        return switch (token.type()) {
            case STRING -> new Value.Text(cursor.advance().value());
            case NUMBER -> new Value.Number(number(cursor.advance()));
            case MINUS -> {
                cursor.advance();
                yield new Value.Number(number(cursor.expect(TokenType.NUMBER)).negate());
            }
            case LEFT_PARENTHESIS -> parseParenthesised();
            case IDENTIFIER, QUOTED_IDENTIFIER -> parseWord();
            default -> throw cursor.unexpected();
        };
    }

    private boolean startsProperty() {
        return cursor.is(TokenType.IDENTIFIER) && cursor.is(1, TokenType.EQUALS);
    }

    Property parseProperty() {
        String name = cursor.expectWord();
        cursor.expect(TokenType.EQUALS);
        return new Property(name, parseValue());
    }

    /** {@code ()}, {@code (value, ...)}, or a nested block {@code (NAME = value ...)}. */
    private Value parseParenthesised() {
        cursor.openParenthesis();
        Value value;
        if (cursor.is(TokenType.RIGHT_PARENTHESIS)) {
            value = new Value.ListOf(List.of());
        } else if (startsProperty()) {
            value = new Value.Nested(parsePropertyList());
        } else {
            List<Value> items = new ArrayList<>();
            do {
                items.add(parseValue());
            } while (cursor.accept(TokenType.COMMA));
            value = new Value.ListOf(items);
        }
        cursor.closeParenthesis();
        return value;
    }

    /** TRUE/FALSE, or a bare (possibly qualified) identifier such as SERVICE or MYDB.MYSCHEMA. */
    private Value parseWord() {
        Token token = cursor.peek();
        if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
            cursor.advance();
            return new Value.Bool(token.isKeyword("TRUE"));
        }
        // Any word is a value here (e.g. ALL, NULL), so reserved words are accepted as well as names.
        if (token.type() == TokenType.QUOTED_IDENTIFIER && token.value().isEmpty()) {
            throw cursor.unexpected();
        }
        StringBuilder name = new StringBuilder(cursor.advance().value());
        while (cursor.accept(TokenType.DOT)) {
            name.append('.').append(cursor.expectName());
        }
        return new Value.Identifier(name.toString());
    }

    /** A NUMBER token's value; an exponent too large for BigDecimal is reported at the token. */
    static BigDecimal number(Token token) {
        try {
            return new BigDecimal(token.raw());
        } catch (NumberFormatException | ArithmeticException outOfRange) {
            throw TokenCursor.unexpected(token);
        }
    }
}
