package dev.frostgate.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * The client software a login reports (CLIENT_APP_ID), as LOGIN_HISTORY.REPORTED_CLIENT_TYPE names
 * it, and the authentication-policy client class it belongs to.
 */
public enum ClientType {
    JDBC_DRIVER("JDBC", true),
    ODBC_DRIVER("ODBC", true),
    PYTHON_DRIVER("PYTHONCONNECTOR", true),
    JAVASCRIPT_DRIVER("JAVASCRIPT", true),
    GO_DRIVER("GO", true),
    DOTNET_DRIVER(".NET", true),
    SNOWSQL("SNOWSQL", false),
    SNOWFLAKE_UI("SNOWFLAKE UI", false),
    /** The SQL API door; never claimed through CLIENT_APP_ID, only declared by the door itself. */
    SQL_API("", false),
    OTHER("", false);

    private final String applicationId;
    private final boolean driver;

    ClientType(String applicationId, boolean driver) {
        this.applicationId = applicationId;
        this.driver = driver;
    }

    /** The client class an authentication policy's CLIENT_TYPES names: DRIVERS, SNOWSQL, SNOWFLAKE_UI or none. */
    public String policyClass() {
        return driver ? "DRIVERS" : this == OTHER ? "OTHER" : name();
    }

    /** REST APIs, which CLIENT_TYPES does not restrict (Snowflake: "does not restrict REST APIs"). */
    public boolean isRestApi() {
        return this == SQL_API;
    }

    /** True for the drivers, which authentication policies group as DRIVERS. */
    public boolean isDriver() {
        return driver;
    }

    public static ClientType fromApplicationId(Optional<String> applicationId) {
        String id = applicationId.map(value -> value.trim().toUpperCase(Locale.ROOT)).orElse("");
        for (ClientType type : values()) {
            if (!type.applicationId.isEmpty() && type.applicationId.equals(id)) {
                return type;
            }
        }
        return OTHER;
    }
}
