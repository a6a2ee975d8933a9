package dev.frostgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code SELECT items [FROM source] [WHERE condition] [ORDER BY ...] [LIMIT n]}. */
final class QueryParser {

    private final TokenCursor cursor;
    private final String source;
    private final ExpressionParser expressions;

    QueryParser(TokenCursor cursor, String source) {
        this.cursor = cursor;
        this.source = source;
        this.expressions = new ExpressionParser(cursor);
    }

    Query parseQuery() {
        cursor.expectKeyword("SELECT");
        List<Query.SelectItem> items = new ArrayList<>();
        do {
            items.add(parseSelectItem());
        } while (cursor.accept(TokenType.COMMA));
        Optional<Query.Source> from = cursor.acceptKeyword("FROM") ? Optional.of(parseSource()) : Optional.empty();
        Optional<Expression> where = cursor.acceptKeyword("WHERE")
                ? Optional.of(expressions.parseExpression()) : Optional.empty();
        List<Query.OrderItem> orderBy = cursor.acceptKeywords("ORDER", "BY") ? parseOrderBy() : List.of();
        Optional<Long> limit = cursor.acceptKeyword("LIMIT") ? Optional.of(cursor.expectCount()) : Optional.empty();
        return new Query(items, from, where, orderBy, limit);
    }

    private Query.SelectItem parseSelectItem() {
        if (cursor.accept(TokenType.STAR)) {
            return new Query.SelectItem.Star();
        }
        Token first = cursor.peek();
        Expression expression = expressions.parseExpression();
        // The executor names unaliased columns after the text as written, so keep the exact slice.
        String text = source.substring(first.offset(), cursor.previous().endOffset()).trim();
        return new Query.SelectItem.Column(expression, parseAlias(), text);
    }

    /** {@code [AS] alias}; without AS, a word that starts the next clause is not an alias. */
    private Optional<String> parseAlias() {
        if (cursor.acceptKeyword("AS")) {
            return Optional.of(cursor.expectName());
        }
        if (cursor.isName() && !ReservedWords.startsClause(cursor.peek())) {
            return Optional.of(cursor.expectName());
        }
        return Optional.empty();
    }

    /**
     * A table or view name, or {@code TABLE(function(...))}. A table alias is accepted and dropped: the AST
     * has no place for it, and column references drop their qualifiers anyway.
     */
    private Query.Source parseSource() {
        Query.Source source;
        if (cursor.isKeyword("TABLE")) {
            cursor.advance();
            cursor.openParenthesis();
            source = new Query.Source.TableFunction(expressions.parseFunctionCall());
            cursor.closeParenthesis();
        } else {
            source = new Query.Source.Table(cursor.expectQualifiedName());
        }
        parseAlias();
        return source;
    }

    private List<Query.OrderItem> parseOrderBy() {
        List<Query.OrderItem> items = new ArrayList<>();
        do {
            Expression expression = expressions.parseExpression();
            boolean descending = cursor.acceptKeyword("DESC");
            if (!descending) {
                cursor.acceptKeyword("ASC");
            }
            items.add(new Query.OrderItem(expression, descending));
        } while (cursor.accept(TokenType.COMMA));
        return items;
    }
}
