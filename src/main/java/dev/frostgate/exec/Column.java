package dev.frostgate.exec;

/** A result column. Values in rows are String, Long/BigDecimal, Boolean, Instant or null. */
public record Column(String name, ColumnType type, boolean nullable) {
    public static Column text(String name) {
        return new Column(name, ColumnType.TEXT, true);
    }

    public static Column timestamp(String name) {
        return new Column(name, ColumnType.TIMESTAMP_LTZ, true);
    }

    /** A semi-structured OBJECT column; its values are JSON text. */
    public static Column object(String name) {
        return new Column(name, ColumnType.OBJECT, true);
    }

    public static Column number(String name) {
        return new Column(name, ColumnType.FIXED, true);
    }
}
