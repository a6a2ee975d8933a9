package dev.frostgate.catalog;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Reads typed values out of parsed property values, with Snowflake's error for a wrong kind of value. */
public final class PropertyValues {
    private PropertyValues() {}

    public static String text(String property, Value value) {
        return switch (value) {
            case Value.Text text -> text.text();
            case Value.Identifier identifier -> identifier.name();
            case Value.Number number -> number.number().toPlainString();
            case Value.Bool bool -> Boolean.toString(bool.value()).toUpperCase(Locale.ROOT);
            default -> throw invalid(property, value);
        };
    }

    /** An enumerated word, accepted bare or quoted, case-insensitively. */
    public static String word(String property, Value value) {
        return text(property, value).toUpperCase(Locale.ROOT);
    }

    public static boolean bool(String property, Value value) {
        return switch (value) {
            case Value.Bool bool -> bool.value();
            case Value.Text text when text.text().equalsIgnoreCase("true") -> true;
            case Value.Text text when text.text().equalsIgnoreCase("false") -> false;
            default -> throw invalid(property, value);
        };
    }

    public static BigDecimal number(String property, Value value) {
        return switch (value) {
            case Value.Number number -> number.number();
            case Value.Text text -> {
                try {
                    yield new BigDecimal(text.text().trim());
                } catch (NumberFormatException notNumeric) {
                    throw invalid(property, value);
                }
            }
            default -> throw invalid(property, value);
        };
    }

    /** A whole number in {@code [minimum, maximum]}. */
    public static long integer(String property, Value value, long minimum, long maximum) {
        BigDecimal number = number(property, value);
        try {
            long whole = number.longValueExact();
            if (whole < minimum || whole > maximum) {
                throw new FrostgateException(ErrorCode.VALUE_OUT_OF_RANGE, display(value), property, minimum, maximum);
            }
            return whole;
        } catch (ArithmeticException fractional) {
            throw invalid(property, value);
        }
    }

    public static List<String> textList(String property, Value value) {
        if (value instanceof Value.ListOf list) {
            return list.items().stream().map(item -> text(property, item)).toList();
        }
        return List.of(text(property, value));
    }

    public static FrostgateException invalid(String property, Value value) {
        return new FrostgateException(ErrorCode.INVALID_PROPERTY_VALUE, display(value), property);
    }

    /** How a value is echoed in an error: never used for secret-bearing properties. */
    static String display(Value value) {
        return switch (value) {
            case Value.Text text -> text.text();
            case Value.Identifier identifier -> identifier.name();
            case Value.Number number -> number.number().toPlainString();
            case Value.Bool bool -> Boolean.toString(bool.value());
            case Value.ListOf list -> list.items().stream().map(PropertyValues::display).toList().toString();
            case Value.Nested nested -> "(...)";
        };
    }
}
