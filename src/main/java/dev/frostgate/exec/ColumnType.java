package dev.frostgate.exec;

/** Result column types, named as the drivers' rowtype expects them. */
public enum ColumnType {
    FIXED("fixed"), REAL("real"), TEXT("text"), BOOLEAN("boolean"), TIMESTAMP_LTZ("timestamp_ltz"),
    VARIANT("variant"), OBJECT("object");

    private final String wireName;

    ColumnType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
