package dev.frostgate.sql;

import java.math.BigDecimal;
import java.util.List;

/** Scalar expressions of the dialect's SELECT: enough for system functions and view filters. */
public sealed interface Expression {

    record StringLiteral(String value) implements Expression {}

    record NumberLiteral(BigDecimal value) implements Expression {}

    record BooleanLiteral(boolean value) implements Expression {}

    record NullLiteral() implements Expression {}

    /** A column reference; qualifiers, if written, are dropped. */
    record ColumnRef(String name) implements Expression {}

    /** {@code name(args)}; name parts normalised (e.g. SYSTEM$GET_LOGIN_FAILURE_DETAILS, INFORMATION_SCHEMA.X). */
    record FunctionCall(List<String> nameParts, List<Expression> arguments, List<NamedArgument> namedArguments)
            implements Expression {}

    record NamedArgument(String name, Expression value) {}

    enum Operator { EQ, NE, LT, LE, GT, GE, AND, OR, LIKE, ILIKE, NOT_LIKE, NOT_ILIKE }

    record Binary(Operator operator, Expression left, Expression right) implements Expression {}

    record Not(Expression operand) implements Expression {}

    record Negate(Expression operand) implements Expression {}

    record IsNull(Expression operand, boolean negated) implements Expression {}

    record InList(Expression operand, List<Expression> items, boolean negated) implements Expression {}
}
