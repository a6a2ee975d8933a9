package dev.frostgate.exec;

import java.util.Arrays;
import java.util.List;

/** The result of one statement: columns, rows and the statement kind. */
public record ResultTable(List<Column> columns, List<List<Object>> rows, StatementKind kind) {

    /** The one-row {@code status} result Snowflake returns for DDL. */
    public static ResultTable status(String message) {
        return new ResultTable(List.of(new Column("status", ColumnType.TEXT, false)), List.of(List.of(message)),
                StatementKind.DDL);
    }

    /** CREATE's status: created, or the IF NOT EXISTS no-op. */
    public static ResultTable created(String kind, String name, boolean created) {
        return status(created ? kind + " " + name + " successfully created."
                : name + " already exists, statement succeeded.");
    }

    /** DROP's status: dropped, or the IF EXISTS no-op. */
    public static ResultTable dropped(String name, boolean dropped) {
        return status(dropped ? name + " successfully dropped."
                : "Drop statement executed successfully (" + name + " already dropped).");
    }

    public static ResultTable success() {
        return status("Statement executed successfully.");
    }

    /** Builds rows column by column without list boilerplate; nulls allowed. */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
