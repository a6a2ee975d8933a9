package dev.frostgate.exec;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.sql.Property;
import dev.frostgate.sql.QualifiedName;
import dev.frostgate.sql.Value;
import java.util.List;

/**
 * The one place the SQL door turns its parser's property clauses and qualified names into the
 * catalog's door-neutral input; the catalog validates them through its property declarations.
 */
final class SqlProperties {
    private SqlProperties() {}

    static List<PropertySetting> settings(List<Property> properties) {
        return properties.stream().map(SqlProperties::setting).toList();
    }

    static PropertySetting setting(Property property) {
        return new PropertySetting(property.name(), value(property.value()));
    }

    static PropertyValue value(Value value) {
        return switch (value) {
            case Value.Text text -> new PropertyValue.Text(text.text());
            case Value.Number number -> new PropertyValue.Number(number.number());
            case Value.Bool bool -> new PropertyValue.Bool(bool.value());
            case Value.Identifier identifier -> new PropertyValue.Word(identifier.name());
            case Value.ListOf list -> new PropertyValue.ListOf(list.items().stream().map(SqlProperties::value).toList());
            case Value.Nested nested -> new PropertyValue.Block(settings(nested.properties()));
        };
    }

    static ObjectName name(QualifiedName name) {
        return new ObjectName(name.parts());
    }
}
