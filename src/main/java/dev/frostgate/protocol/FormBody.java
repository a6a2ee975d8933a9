package dev.frostgate.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (the WHATWG URL standard's form encoding, as browsers
 * post it): names and values in order, {@code +} for a space, {@code %XX} for a UTF-8 byte. Strict where
 * browsers are not sent anything else: a broken escape or bytes that are not UTF-8 make the body unreadable
 * rather than quietly replaced, since a form carries credentials. Values may be secrets: never printed.
 */
public final class FormBody {
    /** More fields than any sign-in or consent form has; a flood of them is refused before it is kept. */
    static final int MAXIMUM_FIELDS = 256;

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Reads a body; {@link Exchange.BadBodyException} (not too large) when it is not a well-formed form. */
    public static FormBody parse(byte[] body) throws Exchange.BadBodyException {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAXIMUM_FIELDS) {
                throw malformed("it has more than " + MAXIMUM_FIELDS + " fields");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            fields.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        fields.replaceAll((name, values) -> List.copyOf(values));
        return new FormBody(fields);
    }

    /** The field's first value (a repeated field's others are in {@link #values}). */
    public Optional<String> value(String name) {
        List<String> values = fields.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of the field, in the order sent; protocols that forbid repeating a field check its size. */
    public List<String> values(String name) {
        return fields.getOrDefault(name, List.of());
    }

    public List<String> names() {
        return List.copyOf(fields.keySet());
    }

    @Override
    public String toString() {
        return "FormBody[names=" + fields.keySet() + "]";
    }

    private static String decode(String encoded) throws Exchange.BadBodyException {
        ByteBuffer bytes = ByteBuffer.allocate(encoded.length());
        for (int index = 0; index < encoded.length(); index++) {
            char character = encoded.charAt(index);
            if (character == '+') {
                bytes.put((byte) ' ');
            } else if (character == '%') {
                if (index + 2 >= encoded.length()) {
                    throw malformed("a percent escape is cut short");
                }
                int high = Character.digit(encoded.charAt(index + 1), 16);
                int low = Character.digit(encoded.charAt(index + 2), 16);
                if (high < 0 || low < 0) {
                    throw malformed("a percent escape is not hexadecimal");
                }
                bytes.put((byte) (high << 4 | low));
                index += 2;
            } else {
                bytes.put((byte) character);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            throw malformed("it is not UTF-8");
        }
    }

    private static Exchange.BadBodyException malformed(String why) {
        return new Exchange.BadBodyException("the form is malformed: " + why, false);
    }
}
