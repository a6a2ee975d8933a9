package dev.frostgate.catalog.property;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The declared properties of one object kind: the names a change may use, each value's validation and
 * normalisation, and the rules every kind shares (an unknown name is refused, a name may be given once).
 * Doors hand a change as {@link PropertySetting}s; the kind's catalog reads them here and applies the
 * {@link Read}s with its own special rules.
 *
 * @param objectKind how failures name the kind, e.g. {@code USER} or {@code NETWORK RULE}
 */
public record PropertyModel(String objectKind, List<PropertyDeclaration> declarations) {

    /** One validated value: {@code values} normalised by its declaration, {@code written} as given. */
    public record Read(PropertyDeclaration declaration, List<String> values, PropertyValue written) {
        public String name() {
            return declaration.name();
        }

        /** The single value of a scalar property. */
        public String value() {
            return values.get(0);
        }
    }

    public PropertyModel {
        declarations = List.copyOf(declarations);
    }

    public static PropertyModel of(String objectKind, PropertyDeclaration... declarations) {
        return new PropertyModel(objectKind, List.of(declarations));
    }

    public Optional<PropertyDeclaration> find(String name) {
        return declarations.stream().filter(declaration -> declaration.name().equals(name)).findFirst();
    }

    public PropertyDeclaration declared(String name) {
        return find(name).orElseThrow(() -> PropertyValues.unknown(name, objectKind));
    }

    /**
     * Every setting validated, in the order given; the first failure is thrown. A value is judged before its
     * name's repetition, so a repeated name with a wrong value reports the value.
     */
    public List<Read> read(List<PropertySetting> settings) {
        Set<String> seen = new HashSet<>();
        List<Read> reads = new ArrayList<>();
        for (PropertySetting setting : settings) {
            PropertyDeclaration declaration = declared(setting.name());
            List<String> values = declaration.read(setting.value());
            if (!seen.add(setting.name())) {
                throw new InvalidPropertyException(new PropertyFailure.Duplicate(setting.name()));
            }
            reads.add(new Read(declaration, values, setting.value()));
        }
        return reads;
    }

    /** The declarations UNSET names, each known, none twice. */
    public List<PropertyDeclaration> unset(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<PropertyDeclaration> unset = new ArrayList<>();
        for (String name : names) {
            PropertyDeclaration declaration = declared(name);
            if (!seen.add(name)) {
                throw new InvalidPropertyException(new PropertyFailure.Duplicate(name));
            }
            unset.add(declaration);
        }
        return unset;
    }

    /** This model with more declarations after its own. */
    public PropertyModel with(List<PropertyDeclaration> more) {
        List<PropertyDeclaration> all = new ArrayList<>(declarations);
        all.addAll(more);
        return new PropertyModel(objectKind, all);
    }
}
