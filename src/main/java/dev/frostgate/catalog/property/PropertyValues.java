package dev.frostgate.catalog.property;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Reads typed values out of door-neutral property values, refusing a wrong kind of value with a typed failure. */
public final class PropertyValues {
    private PropertyValues() {}

    public static String text(String property, PropertyValue value) {
        return switch (value) {
            case PropertyValue.Text text -> text.text();
            case PropertyValue.Word word -> word.word();
            case PropertyValue.Number number -> number.number().toPlainString();
            case PropertyValue.Bool bool -> Boolean.toString(bool.value()).toUpperCase(Locale.ROOT);
            default -> throw invalid(property, value);
        };
    }

    /** An enumerated word, accepted bare or quoted, case-insensitively. */
    public static String word(String property, PropertyValue value) {
        return text(property, value).toUpperCase(Locale.ROOT);
    }

    public static boolean bool(String property, PropertyValue value) {
        return switch (value) {
            case PropertyValue.Bool bool -> bool.value();
            case PropertyValue.Text text when text.text().equalsIgnoreCase("true") -> true;
            case PropertyValue.Text text when text.text().equalsIgnoreCase("false") -> false;
            default -> throw invalid(property, value);
        };
    }

    public static BigDecimal number(String property, PropertyValue value) {
        return switch (value) {
            case PropertyValue.Number number -> number.number();
            case PropertyValue.Text text -> {
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
    public static long integer(String property, PropertyValue value, long minimum, long maximum) {
        BigDecimal number = number(property, value);
        try {
            long whole = number.longValueExact();
            if (whole < minimum || whole > maximum) {
                throw new InvalidPropertyException(
                        new PropertyFailure.OutOfRange(property, display(value), minimum, maximum));
            }
            return whole;
        } catch (ArithmeticException fractional) {
            throw invalid(property, value);
        }
    }

    public static List<String> textList(String property, PropertyValue value) {
        if (value instanceof PropertyValue.ListOf list) {
            return list.items().stream().map(item -> text(property, item)).toList();
        }
        return List.of(text(property, value));
    }

    /** The settings of a nested block; {@code ()} is an empty one. */
    public static List<PropertySetting> block(String property, PropertyValue value) {
        if (value instanceof PropertyValue.Block block) {
            return block.settings();
        }
        if (value instanceof PropertyValue.ListOf list && list.items().isEmpty()) {
            return List.of();
        }
        throw invalid(property, value);
    }

    public static InvalidPropertyException invalid(String property, PropertyValue value) {
        return new InvalidPropertyException(new PropertyFailure.InvalidValue(property, display(value)));
    }

    public static InvalidPropertyException invalid(String property, String shownValue, String rule) {
        return new InvalidPropertyException(new PropertyFailure.InvalidValueBecause(property, shownValue, rule));
    }

    public static InvalidPropertyException unknown(String property, String objectKind) {
        return new InvalidPropertyException(new PropertyFailure.UnknownProperty(property, objectKind));
    }

    /** How a value is echoed in a failure: never used for secret-bearing properties. */
    public static String display(PropertyValue value) {
        return switch (value) {
            case PropertyValue.Text text -> text.text();
            case PropertyValue.Word word -> word.word();
            case PropertyValue.Number number -> number.number().toPlainString();
            case PropertyValue.Bool bool -> Boolean.toString(bool.value());
            case PropertyValue.ListOf list -> list.items().stream().map(PropertyValues::display).toList().toString();
            case PropertyValue.Block block -> "(...)";
        };
    }
}
