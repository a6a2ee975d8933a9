package dev.frostgate.sql;

import dev.frostgate.sql.Expression.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scalar expressions by precedence, loosest first: OR, AND, NOT, a comparison or predicate, unary minus,
 * primaries. Chains of AND/OR, NOT and minus are loops, so only parentheses deepen the recursion, and
 * those are capped by {@link TokenCursor#openParenthesis()}.
 */
final class ExpressionParser {

    private final TokenCursor cursor;

    ExpressionParser(TokenCursor cursor) {
        this.cursor = cursor;
    }

    Expression parseExpression() {
        Expression left = parseAnd();
        while (cursor.acceptKeyword("OR")) {
            left = new Expression.Binary(Operator.OR, left, parseAnd());
        }
        return left;
    }

    /** {@code name(args)} where a function call is required, as inside {@code TABLE(...)}. */
    Expression.FunctionCall parseFunctionCall() {
        List<String> nameParts = parseFunctionName();
        if (!cursor.is(TokenType.LEFT_PARENTHESIS)) {
            throw cursor.unexpected();
        }
        return parseArguments(nameParts);
    }

    private Expression parseAnd() {
        Expression left = parseNot();
        while (cursor.acceptKeyword("AND")) {
            left = new Expression.Binary(Operator.AND, left, parseNot());
        }
        return left;
    }

    private Expression parseNot() {
        int negations = 0;
        while (cursor.acceptKeyword("NOT")) {
            negations++;
        }
        Expression operand = parseComparison();
        for (int count = 0; count < negations; count++) {
            operand = new Expression.Not(operand);
        }
        return operand;
    }

    /** At most one comparison or predicate: {@code a = b = c} is not accepted. */
    private Expression parseComparison() {
        Expression left = parseUnary();
        Optional<Operator> comparison = comparisonOperator(cursor.peek().type());
        if (comparison.isPresent()) {
            cursor.advance();
            return new Expression.Binary(comparison.get(), left, parseUnary());
        }
        if (cursor.acceptKeyword("IS")) {
            boolean negated = cursor.acceptKeyword("NOT");
            cursor.expectKeyword("NULL");
            return new Expression.IsNull(left, negated);
        }
        boolean negated = cursor.isKeyword("NOT")
                && (cursor.isKeyword(1, "LIKE") || cursor.isKeyword(1, "ILIKE") || cursor.isKeyword(1, "IN"));
        if (negated) {
            cursor.advance();
        }
        if (cursor.acceptKeyword("LIKE")) {
            return new Expression.Binary(negated ? Operator.NOT_LIKE : Operator.LIKE, left, parseUnary());
        }
        if (cursor.acceptKeyword("ILIKE")) {
            return new Expression.Binary(negated ? Operator.NOT_ILIKE : Operator.ILIKE, left, parseUnary());
        }
        if (cursor.isKeyword("IN")) {
            cursor.advance();
            return new Expression.InList(left, parseInList(), negated);
        }
        return left;
    }

    private static Optional<Operator> comparisonOperator(TokenType type) {
        return Optional.ofNullable(switch (type) {
            case EQUALS -> Operator.EQ;
            case NOT_EQUALS -> Operator.NE;
            case LESS -> Operator.LT;
            case LESS_OR_EQUAL -> Operator.LE;
            case GREATER -> Operator.GT;
            case GREATER_OR_EQUAL -> Operator.GE;
            default -> null;
        });
    }

    private List<Expression> parseInList() {
        cursor.openParenthesis();
        List<Expression> items = new ArrayList<>();
        do {
            items.add(parseExpression());
        } while (cursor.accept(TokenType.COMMA));
        cursor.closeParenthesis();
        return items;
    }

    private Expression parseUnary() {
        int negations = 0;
        while (cursor.accept(TokenType.MINUS)) {
            negations++;
        }
        Expression operand = parsePrimary();
        for (int count = 0; count < negations; count++) {
            operand = new Expression.Negate(operand);
        }
        return operand;
    }

    private Expression parsePrimary() {
        Token token = cursor.peek();
        switch (token.type()) {
            case STRING -> {
                cursor.advance();
                return new Expression.StringLiteral(token.value());
            }
            case NUMBER -> {
                cursor.advance();
                return new Expression.NumberLiteral(PropertyParser.number(token));
            }
            case LEFT_PARENTHESIS -> {
                cursor.openParenthesis();
                Expression inner = parseExpression();
                cursor.closeParenthesis();
                return inner;
            }
            case IDENTIFIER, QUOTED_IDENTIFIER -> {
                return parseWordExpression(token);
            }
            default -> throw cursor.unexpected();
        }
    }

    /** A literal keyword, a column reference, or a function call. */
    private Expression parseWordExpression(Token token) {
        if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
            cursor.advance();
            return new Expression.BooleanLiteral(token.isKeyword("TRUE"));
        }
        if (token.isKeyword("NULL")) {
            cursor.advance();
            return new Expression.NullLiteral();
        }
        if (ReservedWords.isCallable(token)) {
            cursor.advance();
            if (cursor.is(TokenType.LEFT_PARENTHESIS)) {
                return parseArguments(List.of(token.value()));
            }
            if (ReservedWords.isNiladic(token)) {
                return new Expression.FunctionCall(List.of(token.value()), List.of(), List.of());
            }
            throw cursor.unexpected();
        }
        List<String> nameParts = cursor.expectQualifiedName();
        if (cursor.is(TokenType.LEFT_PARENTHESIS)) {
            return parseArguments(nameParts);
        }
        return new Expression.ColumnRef(nameParts.getLast());
    }

    private List<String> parseFunctionName() {
        if (ReservedWords.isCallable(cursor.peek())) {
            return List.of(cursor.advance().value());
        }
        return cursor.expectQualifiedName();
    }

    /** {@code (arg, ...)}: positional expressions and {@code NAME => expr} named arguments. */
    private Expression.FunctionCall parseArguments(List<String> nameParts) {
        cursor.openParenthesis();
        List<Expression> positional = new ArrayList<>();
        List<Expression.NamedArgument> named = new ArrayList<>();
        if (!cursor.is(TokenType.RIGHT_PARENTHESIS)) {
            do {
                if (cursor.isName() && cursor.is(1, TokenType.ARROW)) {
                    String name = cursor.expectName();
                    cursor.advance();
                    named.add(new Expression.NamedArgument(name, parseExpression()));
                } else {
                    positional.add(parseExpression());
                }
            } while (cursor.accept(TokenType.COMMA));
        }
        cursor.closeParenthesis();
        return new Expression.FunctionCall(List.copyOf(nameParts), positional, named);
    }
}
