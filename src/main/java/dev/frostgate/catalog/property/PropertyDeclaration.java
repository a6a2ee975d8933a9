package dev.frostgate.catalog.property;

import dev.frostgate.crypto.RsaPublicKey;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One property of an object kind, declared once for every door: its kind, default, whether it is
 * required or secret, the values it takes, and how DESCRIBE shows it. {@link #read} validates a
 * written value and returns it normalised (every value is kept as a list of strings: one item for
 * scalars, none for a nested block, which its object kind reads by its own rules).
 *
 * @param allowed     for {@link Kind#CHOICE} and {@link Kind#CHOICE_LIST}: the values, spelt as stored (a
 *                    written value matches case-insensitively)
 * @param minimum     for {@link Kind#INTEGER}: the smallest value
 * @param maximum     for {@link Kind#INTEGER}: the largest value
 * @param description what DESCRIBE says the property is, where the object kind shows one
 */
public record PropertyDeclaration(String name, Kind kind, List<String> defaultValue, boolean required, boolean secret,
                                  List<String> allowed, long minimum, long maximum, String description) {

    /** What a parameter holds; {@code describedAs} is DESCRIBE's property_type. */
    public enum Kind {
        BOOLEAN("Boolean"), CHOICE("String"), CHOICE_LIST("List"), TEXT("String"), CHARACTER("String"),
        TEXT_LIST("List"), ROLE_LIST("List"), INTEGER("Long"), RSA_PUBLIC_KEY("String"), URL_LIST("List"),
        NETWORK_POLICY("String"), NAME("String"), TEXTS("List"), DECIMAL("Number"), BLOCK("Object"), CUSTOM("String");

        private final String describedAs;

        Kind(String describedAs) {
            this.describedAs = describedAs;
        }

        public String describedAs() {
            return describedAs;
        }
    }

    public PropertyDeclaration {
        defaultValue = List.copyOf(defaultValue);
        allowed = List.copyOf(allowed);
    }

    private static PropertyDeclaration of(String name, Kind kind, List<String> defaultValue) {
        return new PropertyDeclaration(name, kind, defaultValue, false, false, List.of(), 0, 0, "");
    }

    public static PropertyDeclaration bool(String name, boolean defaultValue) {
        return of(name, Kind.BOOLEAN, List.of(Boolean.toString(defaultValue)));
    }

    /** One of {@code values}; the first is the default (a required one has none). */
    public static PropertyDeclaration choice(String name, String... values) {
        return new PropertyDeclaration(name, Kind.CHOICE, List.of(values[0]), false, false, List.of(values), 0, 0, "");
    }

    /** One or more of {@code allowed}, upper-cased and without repeats; {@code defaultValue} when unset. */
    public static PropertyDeclaration choices(String name, List<String> defaultValue,
            Collection<String> allowed) {
        return new PropertyDeclaration(name, Kind.CHOICE_LIST, defaultValue, false, false,
                allowed.stream().sorted().toList(), 0, 0, "");
    }

    public static PropertyDeclaration text(String name) {
        return of(name, Kind.TEXT, List.of());
    }

    public static PropertyDeclaration character(String name, String defaultValue) {
        return of(name, Kind.CHARACTER, List.of(defaultValue));
    }

    /** A string or a parenthesised list of strings. */
    public static PropertyDeclaration textList(String name) {
        return of(name, Kind.TEXT_LIST, List.of());
    }

    /** Role names, upper-cased as unquoted identifiers are. */
    public static PropertyDeclaration roleList(String name) {
        return of(name, Kind.ROLE_LIST, List.of());
    }

    public static PropertyDeclaration integer(String name, long defaultValue, long minimum, long maximum) {
        return new PropertyDeclaration(name, Kind.INTEGER, List.of(Long.toString(defaultValue)), false, false,
                List.of(), minimum, maximum, "");
    }

    /** Strings, one or a parenthesised list of any length ({@code ()} empties it). */
    public static PropertyDeclaration texts(String name) {
        return of(name, Kind.TEXTS, List.of());
    }

    /** A name as written, never blank (a login name, a default role). */
    public static PropertyDeclaration name(String name) {
        return of(name, Kind.NAME, List.of());
    }

    /** A number, fractions allowed, within {@code [minimum, maximum]} (refused as an invalid value outside). */
    public static PropertyDeclaration decimal(String name, long minimum, long maximum) {
        return new PropertyDeclaration(name, Kind.DECIMAL, List.of(), false, false, List.of(), minimum, maximum, "");
    }

    /**
     * A value whose validation is its object kind's own special rule (a password, a public key): declared here
     * so that the name is known, read by the kind from {@link PropertyModel.Read#written()}.
     */
    public static PropertyDeclaration custom(String name) {
        return of(name, Kind.CUSTOM, List.of());
    }

    /** A nested block {@code (KEY = value …)}: validated by its object kind's own rules. */
    public static PropertyDeclaration block(String name) {
        return of(name, Kind.BLOCK, List.of());
    }

    public static PropertyDeclaration rsaPublicKey(String name) {
        return of(name, Kind.RSA_PUBLIC_KEY, List.of());
    }

    /** One http(s) URL or a list of them. */
    public static PropertyDeclaration urls(String name) {
        return of(name, Kind.URL_LIST, List.of());
    }

    public static PropertyDeclaration networkPolicy(String name) {
        return of(name, Kind.NETWORK_POLICY, List.of());
    }

    public PropertyDeclaration asRequired() {
        return new PropertyDeclaration(name, kind, List.of(), true, secret, allowed, minimum, maximum, description);
    }

    public PropertyDeclaration asSecret() {
        return new PropertyDeclaration(name, kind, defaultValue, required, true, allowed, minimum, maximum,
                description);
    }

    public PropertyDeclaration describedAs(String newDescription) {
        return new PropertyDeclaration(name, kind, defaultValue, required, secret, allowed, minimum, maximum,
                newDescription);
    }

    /** The value a written value stands for, validated (002211 naming the allowed values or the range). */
    public List<String> read(PropertyValue value) {
        return switch (kind) {
            case BOOLEAN -> List.of(Boolean.toString(PropertyValues.bool(name, value)));
            case CHOICE -> List.of(choose(scalar(value)));
            case CHOICE_LIST -> chooseAll(value);
            case BLOCK -> {
                PropertyValues.block(name, value);
                yield List.of();
            }
            case TEXT, NETWORK_POLICY -> List.of(scalar(value));
            case NAME -> List.of(nonBlank(value));
            case TEXTS -> PropertyValues.textList(name, value);
            case DECIMAL -> List.of(decimal(value));
            case CUSTOM -> List.of();
            case CHARACTER -> List.of(character(scalar(value)));
            case TEXT_LIST -> nonEmpty(value, PropertyValues.textList(name, value));
            case ROLE_LIST -> PropertyValues.textList(name, value).stream()
                    .map(role -> role.toUpperCase(Locale.ROOT)).distinct().toList();
            case INTEGER -> List.of(Long.toString(PropertyValues.integer(name, value, minimum, maximum)));
            case RSA_PUBLIC_KEY -> List.of(parseKey(scalar(value)).encoded());
            case URL_LIST -> nonEmpty(value, PropertyValues.textList(name, value)).stream().map(this::url).toList();
        };
    }

    /** The value DESCRIBE shows: never a secret, and a key's fingerprint rather than the key. */
    public String describe(List<String> values) {
        if (values.isEmpty()) {
            return kind.describedAs().equals("List") ? "[]" : "";
        }
        if (secret) {
            return "********";
        }
        if (kind == Kind.RSA_PUBLIC_KEY) {
            return RsaPublicKey.stored(values.get(0)).fingerprint();
        }
        return kind.describedAs().equals("List") ? "[" + String.join(", ", values) + "]" : values.get(0);
    }

    /** DESCRIBE's property name: keys are shown by fingerprint, as {@code <NAME>_FP}. */
    public String describedName() {
        return kind == Kind.RSA_PUBLIC_KEY ? name + "_FP" : name;
    }

    private String scalar(PropertyValue value) {
        if (value instanceof PropertyValue.ListOf || value instanceof PropertyValue.Block) {
            throw invalid(value);
        }
        String text = PropertyValues.text(name, value);
        if (text.isEmpty() && kind != Kind.TEXT) {
            throw invalid(value);
        }
        return text;
    }

    private List<String> nonEmpty(PropertyValue value, List<String> values) {
        if (values.isEmpty() || values.stream().anyMatch(String::isBlank)) {
            throw invalid(value);
        }
        return values;
    }

    private String choose(String written) {
        return allowed.stream().filter(candidate -> candidate.equalsIgnoreCase(written)).findFirst()
                .orElseThrow(() -> because(written, "allowed values are " + String.join(", ", allowed)));
    }

    private String nonBlank(PropertyValue value) {
        String text = PropertyValues.text(name, value);
        if (text.isBlank()) {
            throw invalid(value);
        }
        return text;
    }

    private String decimal(PropertyValue value) {
        BigDecimal number = PropertyValues.number(name, value);
        if (number.compareTo(BigDecimal.valueOf(minimum)) < 0
                || number.compareTo(BigDecimal.valueOf(maximum)) > 0) {
            throw invalid(value);
        }
        return number.toPlainString();
    }

    private List<String> chooseAll(PropertyValue value) {
        List<String> words = PropertyValues.textList(name, value).stream()
                .map(word -> word.toUpperCase(Locale.ROOT)).distinct().toList();
        if (words.isEmpty()) {
            throw invalid(value);
        }
        for (String word : words) {
            if (!allowed.contains(word)) {
                throw new InvalidPropertyException(new PropertyFailure.InvalidValue(name, word));
            }
        }
        return words;
    }

    private String character(String written) {
        if (written.codePointCount(0, written.length()) != 1) {
            throw because(written, "it must be exactly one character");
        }
        return written;
    }

    /** A user-given key through the one parser users' keys go through too; the key is never echoed. */
    private RsaPublicKey parseKey(String written) {
        try {
            return RsaPublicKey.parse(written);
        } catch (RsaPublicKey.InvalidKeyException invalid) {
            throw because("<public key>", invalid.getMessage());
        }
    }

    private String url(String written) {
        try {
            URI uri = new URI(written);
            String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return written;
            }
        } catch (URISyntaxException malformed) {
            // reported below with the other malformed URLs
        }
        throw because(written, "it must be an http:// or https:// URL");
    }

    private InvalidPropertyException invalid(PropertyValue value) {
        return secret ? because("********", "wrong kind of value") : PropertyValues.invalid(name, value);
    }

    private InvalidPropertyException because(String written, String reason) {
        return PropertyValues.invalid(name, secret ? "********" : written, reason);
    }
}
