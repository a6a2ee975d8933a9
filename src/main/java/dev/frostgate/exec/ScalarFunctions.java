package dev.frostgate.exec;

import dev.frostgate.audit.LoginEvent;
import dev.frostgate.audit.LoginHistory;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.RoleHierarchy;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The scalar functions SELECT knows: session context functions and a few string helpers. */
final class ScalarFunctions {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** The server version reported by CURRENT_VERSION() and at login. */

    @FunctionalInterface
    interface ScalarFunction {
        TypedValue apply(List<TypedValue> arguments, SessionContext context);
    }

    private final Map<String, ScalarFunction> functions;
    private final AccessControl accessControl;
    private final LoginHistory loginHistory;
    private final ProgrammaticAccessTokenCatalog tokens;
    private final java.time.Clock clock;
    private final String accountName;

    ScalarFunctions(AccessControl accessControl, LoginHistory loginHistory, ProgrammaticAccessTokenCatalog tokens,
                    ScalarFunction verifyExternalOAuthToken, java.time.Clock clock, String accountName) {
        this.tokens = tokens;
        this.clock = clock;
        this.accessControl = accessControl;
        this.loginHistory = loginHistory;
        this.accountName = accountName;
        this.functions = Map.ofEntries(
                Map.entry("CURRENT_USER", noArguments((context) -> TypedValue.text(context.actor().userName()))),
                Map.entry("CURRENT_ROLE", noArguments((context) -> TypedValue.text(context.actor().primaryRole()))),
                Map.entry("CURRENT_ACCOUNT", noArguments((context) -> TypedValue.text(this.accountName))),
                Map.entry("CURRENT_ACCOUNT_NAME", noArguments((context) -> TypedValue.text(this.accountName))),
                Map.entry("CURRENT_SESSION",
                        noArguments((context) -> TypedValue.text(Long.toString(context.session().id())))),
                Map.entry("CURRENT_SECONDARY_ROLES", noArguments(this::currentSecondaryRoles)),
                Map.entry("CURRENT_AVAILABLE_ROLES", noArguments(this::currentAvailableRoles)),
                Map.entry("CURRENT_VERSION", noArguments((context) -> TypedValue.text(StatementExecutor.SERVER_VERSION))),
                Map.entry("CURRENT_DATABASE", noArguments((context) ->
                        TypedValue.text(context.session().currentDatabase().orElse(null)))),
                Map.entry("CURRENT_SCHEMA", noArguments((context) ->
                        TypedValue.text(context.session().currentSchema().orElse(null)))),
                Map.entry("CURRENT_WAREHOUSE", noArguments((context) ->
                        TypedValue.text(context.session().currentWarehouse().orElse(null)))),
                Map.entry("CURRENT_IP_ADDRESS", noArguments((context) ->
                        TypedValue.text(context.session().clientIp().orElse(null)))),
                Map.entry("SYSTEM$WAIT", ScalarFunctions::systemWait),
                Map.entry("SYSTEM$GET_LOGIN_FAILURE_DETAILS", this::loginFailureDetails),
                Map.entry("SYSTEM$DECODE_PAT", this::decodeProgrammaticAccessToken),
                Map.entry("SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN", verifyExternalOAuthToken),
                Map.entry("UPPER", (arguments, context) -> oneText(arguments, "UPPER", text -> text.toUpperCase(Locale.ROOT))),
                Map.entry("LOWER", (arguments, context) -> oneText(arguments, "LOWER", text -> text.toLowerCase(Locale.ROOT))));
    }

    TypedValue call(String name, List<TypedValue> arguments, SessionContext context) {
        ScalarFunction function = functions.get(name);
        if (function == null) {
            throw new FrostgateException(ErrorCode.UNKNOWN_FUNCTION, name);
        }
        return function.apply(arguments, context);
    }

    /** {@code {"roles":"R1,R2","value":"ALL"}} as Snowflake returns it. */
    private TypedValue currentSecondaryRoles(SessionContext context) {
        if (!context.actor().secondaryRolesAll()) {
            return TypedValue.text("{\"roles\":\"\",\"value\":\"\"}");
        }
        RoleHierarchy hierarchy = accessControl.hierarchy();
        Set<String> roles = new TreeSet<>(NameOrder.NAMES);
        roles.addAll(hierarchy.directRolesOf(context.actor().userName()));
        roles.remove(context.actor().primaryRole());
        return TypedValue.text("{\"roles\":\"" + String.join(",", roles) + "\",\"value\":\"ALL\"}");
    }

    /** A JSON array of every role the user may activate. */
    private TypedValue currentAvailableRoles(SessionContext context) {
        Set<String> roles = new TreeSet<>(NameOrder.NAMES);
        roles.addAll(accessControl.hierarchy().availableRolesOf(context.actor().userName()));
        return TypedValue.text(roles.stream().map(role -> "\"" + role.replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]")));
    }

    /**
     * {@code SYSTEM$GET_LOGIN_FAILURE_DETAILS('<uuid>')}: the recorded reason of a failed login, as
     * JSON with clientIP, clientType, clientVersion, username, errorCode (symbolic), timestamp and
     * errorDetails. Needs MONITOR on the account.
     */
    private TypedValue loginFailureDetails(List<TypedValue> arguments, SessionContext context) {
        if (arguments.size() != 1 || arguments.get(0).isNull()) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT,
                    "SYSTEM$GET_LOGIN_FAILURE_DETAILS takes one argument, the uuid of a failed login.");
        }
        accessControl.requireOnAccount(context.actor(), Privilege.MONITOR, accountName);
        String uuid = arguments.get(0).value().toString().trim();
        LoginEvent event = loginHistory.failure(uuid).orElseThrow(() -> new FrostgateException(
                ErrorCode.INVALID_ARGUMENT, "No failed login is recorded under '" + uuid.replaceAll("[^0-9a-fA-F-]", "")
                        + "'."));
        Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("clientIP", event.clientIp().orElse(null));
        details.put("clientType", event.reportedClientType().orElse("OTHER"));
        details.put("clientVersion", event.reportedClientVersion().orElse(null));
        details.put("username", event.userName().orElse(null));
        details.put("errorCode", event.errorMessage().orElse(null));
        details.put("timestamp", event.eventTimestamp().getEpochSecond());
        details.put("errorDetails", event.errorDetails().map(List::of).orElse(List.of()));
        try {
            return TypedValue.text(JSON.writeValueAsString(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * {@code SYSTEM$DECODE_PAT('<secret>')}: {@code {"STATE","PAT_NAME","USER_NAME"}} of a presented
     * secret, for triaging a leak; the secret itself is never echoed.
     */
    private TypedValue decodeProgrammaticAccessToken(List<TypedValue> arguments, SessionContext context) {
        if (arguments.size() != 1 || arguments.get(0).isNull()) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "SYSTEM$DECODE_PAT takes one argument, a token secret.");
        }
        ProgrammaticAccessToken token = tokens.decode(arguments.get(0).value().toString().trim())
                .orElseThrow(() -> new FrostgateException(ErrorCode.INVALID_ARGUMENT,
                        "The value is not a programmatic access token of this account."));
        Map<String, Object> decoded = new java.util.LinkedHashMap<>();
        decoded.put("STATE", token.status(clock.instant()));
        decoded.put("PAT_NAME", token.name());
        decoded.put("USER_NAME", token.userName());
        try {
            return TypedValue.text(JSON.writeValueAsString(decoded));
        } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * {@code SYSTEM$WAIT(amount [, 'SECONDS'|'MILLISECONDS'|'MINUTES'])}: sleeps, as in Snowflake; capped
     * at ten minutes. It is how a statement that outlasts its request (the 333333 flow) is produced.
     */
    private static TypedValue systemWait(List<TypedValue> arguments, SessionContext context) {
        if (arguments.isEmpty() || arguments.size() > 2 || arguments.get(0).isNull()) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "SYSTEM$WAIT takes an amount and an optional unit.");
        }
        java.math.BigDecimal amount;
        try {
            amount = new java.math.BigDecimal(arguments.get(0).value().toString());
        } catch (NumberFormatException notNumeric) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "SYSTEM$WAIT amount must be a number.");
        }
        String unit = arguments.size() == 2 ? String.valueOf(arguments.get(1).value()).toUpperCase(Locale.ROOT)
                : "SECONDS";
        long multiplier = switch (unit) {
            case "MILLISECONDS" -> 1;
            case "SECONDS" -> 1_000;
            case "MINUTES" -> 60_000;
            default -> throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "Unknown SYSTEM$WAIT unit " + unit);
        };
        long millis = amount.multiply(java.math.BigDecimal.valueOf(multiplier)).longValue();
        if (millis < 0 || millis > 600_000) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "SYSTEM$WAIT accepts at most 10 minutes.");
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        return TypedValue.text("waited " + amount.toPlainString() + " " + unit.toLowerCase(Locale.ROOT));
    }

    private static ScalarFunction noArguments(java.util.function.Function<SessionContext, TypedValue> body) {
        return (arguments, context) -> {
            if (!arguments.isEmpty()) {
                throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "This function takes no arguments.");
            }
            return body.apply(context);
        };
    }

    private static TypedValue oneText(List<TypedValue> arguments, String name,
                                      java.util.function.UnaryOperator<String> body) {
        if (arguments.size() != 1) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, name + " takes one argument.");
        }
        Object value = arguments.get(0).value();
        return value == null ? TypedValue.NULL : TypedValue.text(body.apply(value.toString()));
    }
}
