package dev.frostgate.sql;

import java.math.BigDecimal;
import java.util.List;

/** A property value as written: a literal, a bare identifier, a list, or a nested property block. */
public sealed interface Value {

    record Text(String text) implements Value {}

    record Number(BigDecimal number) implements Value {}

    record Bool(boolean value) implements Value {}

    /** A bare word such as {@code PERSON} or {@code ENFORCED_REQUIRED}, already normalised. */
    record Identifier(String name) implements Value {}

    /** {@code ('a', 'b')}, or {@code ()}. */
    record ListOf(List<Value> items) implements Value {}

    /** {@code (KEY = value KEY2 = value)}, as in PAT_POLICY or CLIENT_POLICY. */
    record Nested(List<Property> properties) implements Value {}
}
