package dev.frostgate.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * SQL for the columns that refer to a user by its id (V27) behind repositories that speak names: the users table
 * turns the one into the other inside the statement, so a write refers to the user that holds the name at that
 * moment, and a read shows the name the user has now (a rename changes no other row).
 */
final class UserReferences {
    /** The id of the user named by the next parameter; NULL (refused by NOT NULL columns) when there is none. */
    static final String ID_OF_NAMED = "(SELECT id FROM users WHERE name = ?)";

    /** The column of a table whose rows belong to one user (sessions, tokens), a foreign key to users.id. */
    static final String OWNER_COLUMN = "user_id";

    private UserReferences() {}

    /** An INSERT's VALUES for these columns, the owner given by name. */
    static String placeholders(List<String> columns) {
        return columns.stream().map(column -> column.equals(OWNER_COLUMN) ? ID_OF_NAMED : "?")
                .collect(Collectors.joining(","));
    }

    /**
     * A SELECT of these columns of the table under {@code alias}, the owner read as {@code user_name} (its name
     * now), from the table joined with its owner as {@code u}.
     */
    static String selectWithOwnerName(List<String> columns, String table, String alias) {
        return "SELECT " + columns.stream()
                .map(column -> column.equals(OWNER_COLUMN) ? "u.name AS user_name" : alias + "." + column)
                .collect(Collectors.joining(", "))
                + " FROM " + table + " " + alias + " JOIN users u ON u.id = " + alias + "." + OWNER_COLUMN;
    }

    /**
     * The object name of a grant on every user at once ({@code GRANT APPLY AUTHENTICATION POLICY ON USER TO ROLE r},
     * {@code Authorization.holdsOnObjectOrKind}): it names no user, so it is stored as it is.
     */
    static final String EVERY_USER = "";

    /**
     * The next parameter, {@code name}, as a key of kind {@code user}: a user's name becomes its id; anything else,
     * and {@link #EVERY_USER}, stays.
     */
    static String key(boolean user, String name) {
        return user && !name.equals(EVERY_USER) ? ID_OF_NAMED : "?";
    }

    /**
     * For a column shared by several kinds ({@code kindColumn} saying which): joins the user whose id it holds when
     * its kind is USER, as alias {@code u}.
     */
    static String joinUser(String kindColumn, String keyColumn) {
        return " LEFT JOIN users u ON " + kindColumn + " = 'USER' AND u.id = " + keyColumn;
    }

    /** After {@link #joinUser}: the key as a name, the user's for kind USER, else the key itself. */
    static String name(String kindColumn, String keyColumn, String alias) {
        return "CASE WHEN " + kindColumn + " = 'USER' AND " + keyColumn + " <> '" + EVERY_USER + "' THEN u.name ELSE "
                + keyColumn + " END AS " + alias;
    }

    /** After {@link #joinUser}: the row does not refer to a user that is gone (DROP USER leaves none). */
    static String referenceExists(String kindColumn, String keyColumn) {
        return "(" + kindColumn + " <> 'USER' OR " + keyColumn + " = '" + EVERY_USER + "' OR u.id IS NOT NULL)";
    }
}
