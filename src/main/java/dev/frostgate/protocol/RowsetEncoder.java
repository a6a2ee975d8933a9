package dev.frostgate.protocol;

import dev.frostgate.exec.Column;
import dev.frostgate.exec.ColumnType;
import dev.frostgate.exec.ResultTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result tables as the drivers' JSON rowset: a rowtype entry per column, every value a string or
 * null (booleans "1"/"0", timestamps "epochSeconds.fraction" with the rowtype's scale). Shared by the
 * v1 driver protocol (rowtype/rowset) and the SQL API (resultSetMetaData.rowType/data).
 */
public final class RowsetEncoder {
    private static final int TIMESTAMP_SCALE = 9;

    private RowsetEncoder() {}

    public static List<Map<String, Object>> rowtype(List<Column> columns) {
        List<Map<String, Object>> rowtype = new ArrayList<>(columns.size());
        for (Column column : columns) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", column.name());
            entry.put("database", "");
            entry.put("schema", "");
            entry.put("table", "");
            entry.put("nullable", column.nullable());
            entry.put("type", column.type().wireName());
            entry.put("byteLength", column.type() == ColumnType.TEXT ? 16_777_216 : null);
            entry.put("length", column.type() == ColumnType.TEXT ? 16_777_216 : null);
            entry.put("scale", scale(column.type()));
            entry.put("precision", precision(column.type()));
            entry.put("collation", null);
            rowtype.add(entry);
        }
        return rowtype;
    }

    public static List<List<String>> rowset(ResultTable table) {
        List<List<String>> rowset = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            List<String> encoded = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                encoded.add(encode(row.get(i), table.columns().get(i).type()));
            }
            rowset.add(encoded);
        }
        return rowset;
    }

    /** The numeric columns of SHOW/DESCRIBE may carry whole numbers; everything else prints as text. */
    public static String encode(Object value, ColumnType type) {
        return switch (value) {
            case null -> null;
            case Boolean bool -> type == ColumnType.BOOLEAN ? (bool ? "1" : "0") : bool.toString();
            case Instant instant -> BigDecimal.valueOf(instant.getEpochSecond())
                    .add(BigDecimal.valueOf(instant.getNano(), TIMESTAMP_SCALE)).setScale(TIMESTAMP_SCALE)
                    .toPlainString();
            case BigDecimal decimal -> decimal.toPlainString();
            default -> value.toString();
        };
    }

    private static Integer precision(ColumnType type) {
        return switch (type) {
            case FIXED -> 38;
            case TIMESTAMP_LTZ -> 0;
            default -> null;
        };
    }

    private static Integer scale(ColumnType type) {
        return switch (type) {
            case FIXED -> 0;
            case TIMESTAMP_LTZ -> TIMESTAMP_SCALE;
            default -> null;
        };
    }
}
