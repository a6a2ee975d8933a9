package dev.frostgate.exec;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Expression;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Evaluates expressions against one row (column name → value) with SQL's three-valued logic. */
final class ExpressionEvaluator {
    private final ScalarFunctions functions;

    ExpressionEvaluator(ScalarFunctions functions) {
        this.functions = functions;
    }

    /** A row as the evaluator sees it: upper-case column names to typed values. */
    record Row(Map<String, TypedValue> columns) {
        static final Row EMPTY = new Row(Map.of());
    }

    TypedValue evaluate(Expression expression, Row row, SessionContext context) {
        return switch (expression) {
            case Expression.StringLiteral literal -> TypedValue.text(literal.value());
            case Expression.NumberLiteral literal -> new TypedValue(literal.value(),
                    literal.value().scale() > 0 ? ColumnType.REAL : ColumnType.FIXED);
            case Expression.BooleanLiteral literal -> new TypedValue(literal.value(), ColumnType.BOOLEAN);
            case Expression.NullLiteral ignored -> TypedValue.NULL;
            case Expression.ColumnRef reference -> {
                TypedValue value = row.columns().get(reference.name());
                if (value == null) {
                    throw new FrostgateException(ErrorCode.INVALID_IDENTIFIER, 0, reference.name());
                }
                yield value;
            }
            case Expression.FunctionCall call -> functions.call(String.join(".", call.nameParts()),
                    call.arguments().stream().map(argument -> evaluate(argument, row, context)).toList(), context);
            case Expression.Binary binary -> binary(binary, row, context);
            case Expression.Not not -> logical(negate(truth(evaluate(not.operand(), row, context))));
            case Expression.Negate negate -> {
                TypedValue operand = evaluate(negate.operand(), row, context);
                yield operand.isNull() ? operand : new TypedValue(number(operand).negate(), operand.type());
            }
            case Expression.IsNull isNull -> {
                boolean isNullValue = evaluate(isNull.operand(), row, context).isNull();
                yield logical(isNull.negated() != isNullValue);
            }
            case Expression.InList in -> in(in, row, context);
        };
    }

    /** True only for TRUE: WHERE drops rows whose condition is FALSE or NULL. */
    boolean isTrue(Expression condition, Row row, SessionContext context) {
        return Boolean.TRUE.equals(truth(evaluate(condition, row, context)));
    }

    private TypedValue binary(Expression.Binary binary, Row row, SessionContext context) {
        TypedValue left = evaluate(binary.left(), row, context);
        if (binary.operator() == Expression.Operator.AND || binary.operator() == Expression.Operator.OR) {
            Boolean leftTruth = truth(left);
            Boolean rightTruth = truth(evaluate(binary.right(), row, context));
            return logical(binary.operator() == Expression.Operator.AND ? and(leftTruth, rightTruth)
                    : or(leftTruth, rightTruth));
        }
        TypedValue right = evaluate(binary.right(), row, context);
        if (left.isNull() || right.isNull()) {
            return logical(null);
        }
        return switch (binary.operator()) {
            case EQ -> logical(compare(left, right) == 0);
            case NE -> logical(compare(left, right) != 0);
            case LT -> logical(compare(left, right) < 0);
            case LE -> logical(compare(left, right) <= 0);
            case GT -> logical(compare(left, right) > 0);
            case GE -> logical(compare(left, right) >= 0);
            case LIKE -> logical(NamePattern.caseSensitive(right.value().toString()).matches(left.value().toString()));
            case NOT_LIKE -> logical(!NamePattern.caseSensitive(right.value().toString())
                    .matches(left.value().toString()));
            case ILIKE -> logical(NamePattern.caseInsensitive(right.value().toString())
                    .matches(left.value().toString()));
            case NOT_ILIKE -> logical(!NamePattern.caseInsensitive(right.value().toString())
                    .matches(left.value().toString()));
            case AND, OR -> throw new IllegalStateException("handled above");
        };
    }

    private TypedValue in(Expression.InList in, Row row, SessionContext context) {
        TypedValue operand = evaluate(in.operand(), row, context);
        if (operand.isNull()) {
            return logical(null);
        }
        List<TypedValue> items = in.items().stream().map(item -> evaluate(item, row, context)).toList();
        boolean found = items.stream().anyMatch(item -> !item.isNull() && compare(operand, item) == 0);
        return logical(in.negated() != found);
    }

    /** Numbers numerically, timestamps by time (a string operand is read as a date or timestamp), else text. */
    private static int compare(TypedValue left, TypedValue right) {
        Object a = left.value();
        Object b = right.value();
        if (isNumeric(a) && isNumeric(b) || isNumeric(a) && b instanceof String || a instanceof String && isNumeric(b)) {
            return number(left).compareTo(number(right));
        }
        if (a instanceof Instant || b instanceof Instant) {
            return instant(a).compareTo(instant(b));
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return Boolean.compare(bool(a), bool(b));
        }
        return a.toString().compareTo(b.toString());
    }

    private static boolean isNumeric(Object value) {
        return value instanceof Number;
    }

    private static BigDecimal number(TypedValue value) {
        Object raw = value.value();
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        try {
            return new BigDecimal(raw.toString().trim());
        } catch (NumberFormatException notNumeric) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT,
                    "Numeric value '" + raw + "' is not recognized");
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        String text = value.toString().trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return Instant.parse(text.replace(' ', 'T'));
            }
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notTimestamp) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "Timestamp '" + text + "' is not recognized");
        }
    }

    private static boolean bool(Object value) {
        return value instanceof Boolean bool ? bool : Boolean.parseBoolean(value.toString());
    }

    private static Boolean truth(TypedValue value) {
        if (value.isNull()) {
            return null;
        }
        if (value.value() instanceof Boolean bool) {
            return bool;
        }
        String text = value.value().toString();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
            return true;
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no")) {
            return false;
        }
        throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "Boolean value '" + text + "' is not recognized");
    }

    private static TypedValue logical(Boolean value) {
        return new TypedValue(value, ColumnType.BOOLEAN);
    }

    private static Boolean negate(Boolean value) {
        return value == null ? null : !value;
    }

    private static Boolean and(Boolean left, Boolean right) {
        if (Boolean.FALSE.equals(left) || Boolean.FALSE.equals(right)) {
            return false;
        }
        return left == null || right == null ? null : true;
    }

    private static Boolean or(Boolean left, Boolean right) {
        if (Boolean.TRUE.equals(left) || Boolean.TRUE.equals(right)) {
            return true;
        }
        return left == null || right == null ? null : false;
    }
}
