package dev.frostgate.catalog.property;

import java.math.BigDecimal;
import java.util.List;

/**
 * A property value as a door hands it to the catalog, before validation: the same shapes whether it
 * was written in SQL ({@code COMMENT = 'x'}, {@code TYPE = SERVICE}, {@code ('a', 'b')},
 * {@code (KEY = value)}), sent as SCIM JSON or typed into a console form. The catalog's property
 * declarations turn it into typed values or a {@link PropertyFailure}.
 */
public sealed interface PropertyValue {

    record Text(String text) implements PropertyValue {}

    record Number(BigDecimal number) implements PropertyValue {}

    record Bool(boolean value) implements PropertyValue {}

    /** An enumerated word such as {@code PERSON} or {@code ENFORCED_REQUIRED}, given without quotes. */
    record Word(String word) implements PropertyValue {}

    /** Several values, or none. */
    record ListOf(List<PropertyValue> items) implements PropertyValue {
        public ListOf {
            items = List.copyOf(items);
        }
    }

    /** Named values inside one property, as in PAT_POLICY or CLIENT_POLICY. */
    record Block(List<PropertySetting> settings) implements PropertyValue {
        public Block {
            settings = List.copyOf(settings);
        }
    }

    static PropertyValue text(String text) {
        return new Text(text);
    }

    static PropertyValue texts(List<String> texts) {
        return new ListOf(texts.stream().map(PropertyValue::text).toList());
    }
}
