package dev.frostgate.sql;

import java.util.List;
import java.util.Optional;

/** {@code SELECT items [FROM source] [WHERE condition] [ORDER BY ...] [LIMIT n]}. */
public record Query(List<SelectItem> items, Optional<Source> from, Optional<Expression> where,
                    List<OrderItem> orderBy, Optional<Long> limit) {

    /** One select-list entry: {@code *}, or an expression with an optional alias. */
    public sealed interface SelectItem {
        record Star() implements SelectItem {}
        record Column(Expression expression, Optional<String> alias, String text) implements SelectItem {}
    }

    /** A FROM clause: a (possibly qualified) table or view name, or {@code TABLE(function(...))}. */
    public sealed interface Source {
        record Table(List<String> nameParts) implements Source {}
        record TableFunction(Expression.FunctionCall call) implements Source {}
    }

    public record OrderItem(Expression expression, boolean descending) {}
}
