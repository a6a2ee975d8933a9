package dev.frostgate.exec;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Expression;
import dev.frostgate.sql.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** SELECT over system views (or over no table): filter, order, limit, project. */
final class QueryEngine {
    private final Map<String, SystemView> views;
    private final PolicyReferencesFunction policyReferences;
    private final ExpressionEvaluator evaluator;

    QueryEngine(List<SystemView> views, PolicyReferencesFunction policyReferences, ScalarFunctions functions) {
        this.views = views.stream().collect(Collectors.toMap(SystemView::qualifiedName, Function.identity()));
        this.policyReferences = policyReferences;
        this.evaluator = new ExpressionEvaluator(functions);
    }

    ResultTable execute(SessionContext context, Query query) {
        List<Column> sourceColumns;
        List<ExpressionEvaluator.Row> rows;
        if (query.from().isEmpty()) {
            sourceColumns = List.of();
            rows = List.of(ExpressionEvaluator.Row.EMPTY);
        } else if (query.from().get() instanceof Query.Source.TableFunction function
                && PolicyReferencesFunction.isCalledBy(function.call().nameParts())) {
            sourceColumns = PolicyReferencesFunction.COLUMNS;
            rows = policyReferences.rows(context, function.call()).stream()
                    .map(values -> toRow(PolicyReferencesFunction.COLUMNS, values)).toList();
        } else {
            SystemView view = view(query.from().get());
            sourceColumns = view.columns();
            rows = view.rows(context).stream().map(values -> toRow(view.columns(), values)).toList();
        }
        List<ExpressionEvaluator.Row> selected = new ArrayList<>();
        for (ExpressionEvaluator.Row row : rows) {
            if (query.where().map(condition -> evaluator.isTrue(condition, row, context)).orElse(true)) {
                selected.add(row);
            }
        }
        if (!query.orderBy().isEmpty()) {
            selected.sort(ordering(query.orderBy(), context));
        }
        List<ExpressionEvaluator.Row> limited = selected.stream().limit(query.limit().orElse(Long.MAX_VALUE)).toList();
        return project(query.items(), sourceColumns, limited, context);
    }

    private ResultTable project(List<Query.SelectItem> items, List<Column> sourceColumns,
                                List<ExpressionEvaluator.Row> rows, SessionContext context) {
        List<Column> columns = new ArrayList<>();
        List<Function<ExpressionEvaluator.Row, TypedValue>> producers = new ArrayList<>();
        for (Query.SelectItem item : items) {
            switch (item) {
                case Query.SelectItem.Star star -> {
                    for (Column column : sourceColumns) {
                        columns.add(column);
                        producers.add(row -> row.columns().get(column.name()));
                    }
                }
                case Query.SelectItem.Column column -> {
                    Function<ExpressionEvaluator.Row, TypedValue> producer =
                            row -> evaluator.evaluate(column.expression(), row, context);
                    columns.add(new Column(columnName(column), columnType(column, sourceColumns, rows, producer), true));
                    producers.add(producer);
                }
            }
        }
        List<List<Object>> output = new ArrayList<>();
        for (ExpressionEvaluator.Row row : rows) {
            List<Object> values = new ArrayList<>(producers.size());
            producers.forEach(producer -> values.add(producer.apply(row).value()));
            output.add(values);
        }
        return new ResultTable(columns, output, StatementKind.SELECT);
    }

    private static ColumnType columnType(Query.SelectItem.Column item, List<Column> sourceColumns,
                                         List<ExpressionEvaluator.Row> rows,
                                         Function<ExpressionEvaluator.Row, TypedValue> producer) {
        if (item.expression() instanceof Expression.ColumnRef reference) {
            return sourceColumns.stream().filter(column -> column.name().equals(reference.name()))
                    .map(Column::type).findFirst().orElse(ColumnType.TEXT);
        }
        return rows.isEmpty() ? ColumnType.TEXT : producer.apply(rows.get(0)).type();
    }

    /** The alias, else the expression text with its unquoted parts upper-cased, as Snowflake names columns. */
    private static String columnName(Query.SelectItem.Column item) {
        if (item.alias().isPresent()) {
            return item.alias().get();
        }
        if (item.expression() instanceof Expression.ColumnRef reference) {
            return reference.name();
        }
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (char character : item.text().toCharArray()) {
            if (character == '\'') {
                quoted = !quoted;
            }
            name.append(quoted ? character : Character.toUpperCase(character));
        }
        return name.toString();
    }

    private Comparator<ExpressionEvaluator.Row> ordering(List<Query.OrderItem> orderBy, SessionContext context) {
        Comparator<ExpressionEvaluator.Row> comparator = (left, right) -> 0;
        for (Query.OrderItem item : orderBy) {
            Comparator<ExpressionEvaluator.Row> byItem = Comparator.comparing(
                    row -> evaluator.evaluate(item.expression(), row, context).value(), QueryEngine::compareValues);
            comparator = comparator.thenComparing(item.descending() ? byItem.reversed() : byItem);
        }
        return comparator;
    }

    /** NULLs last in ascending order, as in Snowflake. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        if (left instanceof Comparable comparable && left.getClass() == right.getClass()) {
            return comparable.compareTo(right);
        }
        return left.toString().compareTo(right.toString());
    }

    private SystemView view(Query.Source source) {
        return switch (source) {
            case Query.Source.Table table -> {
                String name = String.join(".", table.nameParts()).toUpperCase(Locale.ROOT);
                SystemView view = views.get(name);
                if (view == null) {
                    throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Object", name);
                }
                yield view;
            }
            case Query.Source.TableFunction function -> throw new FrostgateException(ErrorCode.UNKNOWN_FUNCTION,
                    String.join(".", function.call().nameParts()));
        };
    }

    private static ExpressionEvaluator.Row toRow(List<Column> columns, List<Object> values) {
        Map<String, TypedValue> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            row.put(columns.get(i).name(), new TypedValue(values.get(i), columns.get(i).type()));
        }
        return new ExpressionEvaluator.Row(row);
    }
}
