package dev.frostgate.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The one order of object names in lists (SHOW output and the repositories' list queries): by Unicode code
 * point, the same on every store. It is applied in Java because ORDER BY sorts by the database's collation
 * (PostgreSQL's locale puts {@code a} before {@code B}, H2 does not), and not with {@link String#compareTo},
 * which compares UTF-16 units and so puts characters beyond U+FFFF (in quoted names) before U+E000–U+FFFF.
 */
public final class NameOrder {
    /** Code-point order of two names. */
    public static final Comparator<String> NAMES = NameOrder::compare;

    private NameOrder() {}

    /** Orders objects by a name of theirs. */
    public static <T> Comparator<T> by(Function<? super T, String> name) {
        return Comparator.comparing(name, NAMES);
    }

    /** A new list of {@code objects} ordered by {@code name}. */
    public static <T> List<T> sorted(List<T> objects, Function<? super T, String> name) {
        return objects.stream().sorted(by(name)).toList();
    }

    private static int compare(String left, String right) {
        int leftIndex = 0;
        int rightIndex = 0;
        while (leftIndex < left.length() && rightIndex < right.length()) {
            int leftCodePoint = left.codePointAt(leftIndex);
            int rightCodePoint = right.codePointAt(rightIndex);
            if (leftCodePoint != rightCodePoint) {
                return Integer.compare(leftCodePoint, rightCodePoint);
            }
            leftIndex += Character.charCount(leftCodePoint);
            rightIndex += Character.charCount(rightCodePoint);
        }
        // A name that is a prefix of the other comes first.
        return Boolean.compare(leftIndex < left.length(), rightIndex < right.length());
    }
}
