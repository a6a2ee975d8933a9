package dev.frostgate.catalog;

/** Snowflake's user types. NULL in Snowflake behaves as PERSON; here the default is PERSON. */
public enum UserType {
    PERSON, SERVICE, LEGACY_SERVICE;

    /** SERVICE users log in only with key pairs, PATs and OAuth; LEGACY_SERVICE keeps passwords (deprecated). */
    public boolean allowsPassword() {
        return this != SERVICE;
    }
}
