package dev.frostgate.catalog;

/** How users' EMAIL values are compared: ignoring case, as {@link String#equalsIgnoreCase} does. */
public final class EmailAddresses {

    private EmailAddresses() {}

    /**
     * The form two addresses share exactly when {@code equalsIgnoreCase} holds between them: each code point
     * upper-cased, then lower-cased (upper-casing alone misses the Kelvin sign and k, lower-casing alone the long s
     * and s). Stored beside EMAIL, it makes the lookup an index search without an expression index, which H2 lacks.
     */
    public static String comparisonKey(String email) {
        StringBuilder key = new StringBuilder(email.length());
        email.codePoints().map(codePoint -> Character.toLowerCase(Character.toUpperCase(codePoint)))
                .forEach(key::appendCodePoint);
        return key.toString();
    }
}
