package dev.frostgate.catalog.property;

/** One property given a value: {@code name} is already normalised (upper case for unquoted names). */
public record PropertySetting(String name, PropertyValue value) {}
