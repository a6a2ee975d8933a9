package dev.frostgate.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Query;
import dev.frostgate.sql.SqlParser;
import dev.frostgate.sql.Statement;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpressionEvaluatorTest {
    private final ExpressionEvaluator evaluator = new ExpressionEvaluator(new ScalarFunctions(null, null, null, (arguments, context) -> TypedValue.NULL, null,
            "FROSTGATE"));
    private final ExpressionEvaluator.Row row = new ExpressionEvaluator.Row(Map.of(
            "NAME", TypedValue.text("ALICE"),
            "AGE", new TypedValue(BigDecimal.valueOf(42), ColumnType.FIXED),
            "SEEN", new TypedValue(Instant.parse("2026-01-02T03:04:05Z"), ColumnType.TIMESTAMP_LTZ),
            "NOTHING", TypedValue.NULL));

    private boolean where(String condition) {
        Query query = ((Statement.Select) SqlParser.parse("SELECT 1 WHERE " + condition)).query();
        return evaluator.isTrue(query.where().orElseThrow(), row, null);
    }

    @Test
    void comparisonsByType() {
        assertThat(where("name = 'ALICE'")).isTrue();
        assertThat(where("name = 'alice'")).isFalse();
        assertThat(where("age > 41 AND age <= 42")).isTrue();
        assertThat(where("age = '42'")).isTrue();
        assertThat(where("age <> 42")).isFalse();
        assertThat(where("seen > '2026-01-01' AND seen < '2026-01-02 04:00:00'")).isTrue();
        assertThat(where("seen >= '2026-01-03T00:00:00Z'")).isFalse();
    }

    @Test
    void patternsListsAndNulls() {
        assertThat(where("name LIKE 'AL%'")).isTrue();
        assertThat(where("name LIKE 'al%'")).isFalse();
        assertThat(where("name ILIKE 'al_ce'")).isTrue();
        assertThat(where("name NOT LIKE 'B%'")).isTrue();
        assertThat(where("name IN ('BOB', 'ALICE')")).isTrue();
        assertThat(where("name NOT IN ('BOB')")).isTrue();
        assertThat(where("nothing IS NULL AND name IS NOT NULL")).isTrue();
        assertThat(where("nothing = 'x'")).isFalse();
        assertThat(where("NOT (nothing = 'x')")).isFalse();
        assertThat(where("nothing = 'x' OR age = 42")).isTrue();
    }

    @Test
    void unknownColumnsAndBadValuesAreSqlErrors() {
        assertThatThrownBy(() -> where("colour = 'red'")).isInstanceOf(FrostgateException.class)
                .hasMessageContaining("invalid identifier 'COLOUR'");
        assertThatThrownBy(() -> where("age > 'many'")).isInstanceOf(FrostgateException.class)
                .hasMessageContaining("Numeric value 'many' is not recognized");
        assertThatThrownBy(() -> where("seen > 'yesterday'")).isInstanceOf(FrostgateException.class)
                .hasMessageContaining("Timestamp 'yesterday' is not recognized");
    }

    @Test
    void namePatterns() {
        assertThat(NamePattern.caseInsensitive("a\\_b%").matches("A_BC")).isTrue();
        assertThat(NamePattern.caseInsensitive("a\\_b%").matches("AXBC")).isFalse();
        assertThat(NamePattern.caseSensitive("x.y").matches("xzy")).isFalse();
    }
}
