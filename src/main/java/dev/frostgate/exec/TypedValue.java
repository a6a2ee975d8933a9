package dev.frostgate.exec;

/** A value computed by an expression, with the column type it reports. */
record TypedValue(Object value, ColumnType type) {
    static final TypedValue NULL = new TypedValue(null, ColumnType.TEXT);

    static TypedValue text(String value) {
        return new TypedValue(value, ColumnType.TEXT);
    }

    boolean isNull() {
        return value == null;
    }
}
