package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.crypto.RsaPublicKey;
import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One parameter of a security-integration type, declared once: its kind, default, whether it is
 * required or secret, and the values it takes. {@link #read} validates a written value and returns
 * it normalised (every value is kept as a list of strings: one item for scalars).
 *
 * @param allowed  for {@link Kind#CHOICE}: the values, spelt as stored (a written value matches
 *                 case-insensitively)
 * @param minimum  for {@link Kind#INTEGER}: the smallest value
 * @param maximum  for {@link Kind#INTEGER}: the largest value
 */
public record IntegrationParameter(String name, Kind kind, List<String> defaultValue, boolean required,
                                   boolean secret, List<String> allowed, long minimum, long maximum) {

    /** What a parameter holds; {@code describedAs} is DESCRIBE's property_type. */
    public enum Kind {
        BOOLEAN("Boolean"), CHOICE("String"), TEXT("String"), CHARACTER("String"), TEXT_LIST("List"),
        ROLE_LIST("List"), INTEGER("Long"), RSA_PUBLIC_KEY("String"), URL_LIST("List"), NETWORK_POLICY("String");

        private final String describedAs;

        Kind(String describedAs) {
            this.describedAs = describedAs;
        }

        public String describedAs() {
            return describedAs;
        }
    }

    public IntegrationParameter {
        defaultValue = List.copyOf(defaultValue);
        allowed = List.copyOf(allowed);
    }

    private static IntegrationParameter of(String name, Kind kind, List<String> defaultValue) {
        return new IntegrationParameter(name, kind, defaultValue, false, false, List.of(), 0, 0);
    }

    public static IntegrationParameter bool(String name, boolean defaultValue) {
        return of(name, Kind.BOOLEAN, List.of(Boolean.toString(defaultValue)));
    }

    /** One of {@code values}; the first is the default (a required one has none). */
    public static IntegrationParameter choice(String name, String... values) {
        return new IntegrationParameter(name, Kind.CHOICE, List.of(values[0]), false, false, List.of(values), 0, 0);
    }

    public static IntegrationParameter text(String name) {
        return of(name, Kind.TEXT, List.of());
    }

    public static IntegrationParameter character(String name, String defaultValue) {
        return of(name, Kind.CHARACTER, List.of(defaultValue));
    }

    /** A string or a parenthesised list of strings. */
    public static IntegrationParameter textList(String name) {
        return of(name, Kind.TEXT_LIST, List.of());
    }

    /** Role names, upper-cased as unquoted identifiers are. */
    public static IntegrationParameter roleList(String name) {
        return of(name, Kind.ROLE_LIST, List.of());
    }

    public static IntegrationParameter integer(String name, long defaultValue, long minimum, long maximum) {
        return new IntegrationParameter(name, Kind.INTEGER, List.of(Long.toString(defaultValue)), false, false,
                List.of(), minimum, maximum);
    }

    public static IntegrationParameter rsaPublicKey(String name) {
        return of(name, Kind.RSA_PUBLIC_KEY, List.of());
    }

    /** One http(s) URL or a list of them. */
    public static IntegrationParameter urls(String name) {
        return of(name, Kind.URL_LIST, List.of());
    }

    public static IntegrationParameter networkPolicy(String name) {
        return of(name, Kind.NETWORK_POLICY, List.of());
    }

    public IntegrationParameter asRequired() {
        return new IntegrationParameter(name, kind, List.of(), true, secret, allowed, minimum, maximum);
    }

    public IntegrationParameter asSecret() {
        return new IntegrationParameter(name, kind, defaultValue, required, true, allowed, minimum, maximum);
    }

    /** The value a written value stands for, validated (002211 naming the allowed values or the range). */
    public List<String> read(PropertyValue value) {
        return switch (kind) {
            case BOOLEAN -> List.of(Boolean.toString(PropertyValues.bool(name, value)));
            case CHOICE -> List.of(choose(scalar(value)));
            case TEXT, NETWORK_POLICY -> List.of(scalar(value));
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
            return kind == Kind.TEXT_LIST || kind == Kind.ROLE_LIST || kind == Kind.URL_LIST ? "[]" : "";
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
