package dev.frostgate.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.sql.Property;
import dev.frostgate.sql.QualifiedName;
import dev.frostgate.sql.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlPropertiesTest {

    @Test
    void everyShapeOfValueCrossesIntoTheCatalogUnchanged() {
        Property nested = new Property("PAT_POLICY", new Value.Nested(List.of(
                new Property("MAX_EXPIRY_IN_DAYS", new Value.Number(BigDecimal.TEN)),
                new Property("BLOCKED_ROLES_LIST", new Value.ListOf(List.of(new Value.Text("a"),
                        new Value.Identifier("B")))),
                new Property("REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS", new Value.Bool(true)))));
        assertThat(SqlProperties.settings(List.of(nested))).containsExactly(new PropertySetting("PAT_POLICY",
                new PropertyValue.Block(List.of(
                        new PropertySetting("MAX_EXPIRY_IN_DAYS", new PropertyValue.Number(BigDecimal.TEN)),
                        new PropertySetting("BLOCKED_ROLES_LIST", new PropertyValue.ListOf(List.of(
                                new PropertyValue.Text("a"), new PropertyValue.Word("B")))),
                        new PropertySetting("REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS",
                                new PropertyValue.Bool(true))))));
    }

    @Test
    void qualifiedNamesKeepTheirParts() {
        ObjectName name = SqlProperties.name(QualifiedName.of("DB", "S", "P"));
        assertThat(name.parts()).containsExactly("DB", "S", "P");
        assertThat(name.database()).contains("DB");
        assertThat(name.schema()).contains("S");
        assertThat(name.name()).isEqualTo("P");
    }
}
