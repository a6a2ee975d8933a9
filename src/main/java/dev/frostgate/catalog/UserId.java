package dev.frostgate.catalog;

import java.util.UUID;

/**
 * A user's immutable identity, as SCIM and the console address users: a random (version 4) UUID in its canonical
 * text form, 36 lower-case characters such as {@code 0f8fad5b-d9cb-469f-a165-70867728950e}. The catalog draws a new
 * one at CREATE USER (also for CREATE OR REPLACE, which makes a new user) and a rename keeps it. It is opaque: it
 * encodes nothing (not the name, the account nor the time), so a recreated user of the same name can never be
 * mistaken for the dropped one, and 122 random bits make a reused or guessed id practically impossible (the store's
 * unique key would refuse a collision). SQL keeps addressing users by name; Snowflake shows no id in SHOW USERS or
 * DESCRIBE USER, and neither does Frostgate.
 */
public record UserId(String value) {

    public UserId {
        if (value == null || !isCanonical(value)) {
            throw new IllegalArgumentException("a user id is a lower-case canonical UUID: " + value);
        }
    }

    /** A fresh id for a new user. */
    public static UserId random() {
        return new UserId(UUID.randomUUID().toString());
    }

    private static boolean isCanonical(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException notAUuid) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
