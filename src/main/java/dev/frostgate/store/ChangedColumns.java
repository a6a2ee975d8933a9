package dev.frostgate.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The columns in which two versions of a row differ: the row as a statement read it and as it wants it
 * to be. An UPDATE that sets only these leaves alone what others wrote since the read (a failed login's
 * lock-out counter, a leak report's DISABLED), where writing the whole row from the read would undo it.
 */
final class ChangedColumns {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private ChangedColumns() {}

    /** {@code before} and {@code after} hold one value per column, in {@code columns}' order. */
    static ChangedColumns between(List<String> columns, Object[] before, Object[] after) {
        if (before.length != columns.size() || after.length != columns.size()) {
            throw new IllegalArgumentException("one value per column expected");
        }
        ChangedColumns changed = new ChangedColumns();
        for (int index = 0; index < columns.size(); index++) {
            if (!Objects.equals(before[index], after[index])) {
                changed.names.add(columns.get(index));
                changed.values.add(after[index]);
            }
        }
        return changed;
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** {@code UPDATE <table> SET <changed> = ? … <where>}, whose parameters are {@link #parameters}. */
    String update(String table, String where) {
        return "UPDATE " + table + " SET " + String.join(" = ?, ", names) + " = ? " + where;
    }

    /** The changed values, then the parameters of the WHERE clause. */
    Object[] parameters(Object... whereParameters) {
        List<Object> all = new ArrayList<>(values);
        Collections.addAll(all, whereParameters);
        return all.toArray();
    }
}
