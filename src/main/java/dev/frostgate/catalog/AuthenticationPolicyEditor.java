package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Applies SET / UNSET clauses to an authentication policy, validating every value and the rules
 * that tie properties together (CLIENT_POLICY needs DRIVERS; integrations need a method that uses
 * them; PAT expiry defaults within their maximum).
 */
final class AuthenticationPolicyEditor {
    static final Set<String> METHODS = Set.of("ALL", "SAML", "OIDC", "PASSWORD", "OAUTH", "KEYPAIR",
            "PROGRAMMATIC_ACCESS_TOKEN", "WORKLOAD_IDENTITY");
    static final Set<String> CLIENT_TYPES = Set.of("ALL", "SNOWFLAKE_UI", "DRIVERS", "SNOWFLAKE_CLI", "SNOWSQL");
    static final Set<String> DRIVERS = Set.of("JDBC_DRIVER", "ODBC_DRIVER", "PYTHON_DRIVER", "JAVASCRIPT_DRIVER",
            "C_DRIVER", "GO_DRIVER", "PHP_DRIVER", "DOTNET_DRIVER", "SQL_API", "SNOWPIPE_STREAMING_CLIENT_SDK",
            "SPARK_CONNECTOR", "KAFKA_CONNECTOR");
    private static final Set<String> INTEGRATION_METHODS = Set.of("ALL", "SAML", "OAUTH", "OIDC");
    private static final Set<String> MFA_ENROLLMENTS = Set.of("REQUIRED", "REQUIRED_PASSWORD_ONLY", "OPTIONAL");
    private static final Set<String> MFA_METHODS = Set.of("ALL", "PASSKEY", "TOTP", "OTP", "DUO");
    private static final Set<String> NETWORK_POLICY_EVALUATIONS = Set.of("ENFORCED_REQUIRED",
            "ENFORCED_NOT_REQUIRED", "NOT_ENFORCED");
    private static final Set<String> WORKLOAD_IDENTITY_KEYS = Set.of("ALLOWED_PROVIDERS", "ALLOWED_AWS_ACCOUNTS",
            "ALLOWED_AZURE_ISSUERS", "ALLOWED_OIDC_ISSUERS");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}");
    private static final int LONGEST_PAT_LIFETIME_DAYS = 365;

    private final Function<String, Optional<String>> integrationMethods;

    /** @param integrationMethods the method a named integration needs; empty for names that are no integration */
    AuthenticationPolicyEditor(Function<String, Optional<String>> integrationMethods) {
        this.integrationMethods = integrationMethods;
    }

    AuthenticationPolicy set(AuthenticationPolicy policy, List<PropertySetting> properties) {
        AuthenticationPolicy.Builder builder = policy.toBuilder();
        for (PropertySetting property : properties) {
            String name = property.name();
            PropertyValue value = property.value();
            switch (name) {
                case "AUTHENTICATION_METHODS" -> builder.authenticationMethods(words(name, value, METHODS));
                case "CLIENT_TYPES" -> builder.clientTypes(words(name, value, CLIENT_TYPES));
                case "CLIENT_POLICY" -> builder.clientPolicy(clientPolicy(value));
                case "SECURITY_INTEGRATIONS" -> builder.securityIntegrations(PropertyValues.textList(name, value)
                        .stream().map(entry -> entry.toUpperCase(Locale.ROOT)).toList());
                case "MFA_ENROLLMENT" -> builder.mfaEnrollment(word(name, value, MFA_ENROLLMENTS));
                case "MFA_POLICY" -> builder.mfaPolicy(mfaPolicy(value));
                case "PAT_POLICY" -> builder.patPolicy(patPolicy(value));
                case "WORKLOAD_IDENTITY_POLICY" -> builder.workloadIdentityPolicy(workloadIdentityPolicy(value));
                case "COMMENT" -> builder.comment(java.util.Optional.of(PropertyValues.text(name, value)));
                default -> throw PropertyValues.unknown(name, "AUTHENTICATION POLICY");
            }
        }
        AuthenticationPolicy changed = builder.build();
        checkConsistency(changed);
        return changed;
    }

    AuthenticationPolicy unset(AuthenticationPolicy policy, List<String> propertyNames) {
        AuthenticationPolicy.Builder builder = policy.toBuilder();
        for (String name : propertyNames) {
            switch (name) {
                case "AUTHENTICATION_METHODS" -> builder.authenticationMethods(AuthenticationPolicy.ALL);
                case "CLIENT_TYPES" -> builder.clientTypes(AuthenticationPolicy.ALL);
                case "CLIENT_POLICY" -> builder.clientPolicy(Map.of());
                case "SECURITY_INTEGRATIONS" -> builder.securityIntegrations(AuthenticationPolicy.ALL);
                case "MFA_ENROLLMENT" -> builder.mfaEnrollment("OPTIONAL");
                case "MFA_POLICY" -> builder.mfaPolicy(AuthenticationPolicy.MfaPolicy.DEFAULT);
                case "PAT_POLICY" -> builder.patPolicy(AuthenticationPolicy.PatPolicy.DEFAULT);
                case "WORKLOAD_IDENTITY_POLICY" -> builder.workloadIdentityPolicy(Map.of());
                case "COMMENT" -> builder.comment(java.util.Optional.empty());
                default -> throw PropertyValues.unknown(name, "AUTHENTICATION POLICY");
            }
        }
        AuthenticationPolicy changed = builder.build();
        checkConsistency(changed);
        return changed;
    }

    private void checkConsistency(AuthenticationPolicy policy) {
        boolean drivers = policy.clientTypes().contains("ALL") || policy.clientTypes().contains("DRIVERS");
        if (!drivers && !policy.clientPolicy().isEmpty()) {
            throw new InvalidPropertyException(new PropertyFailure.RequiresValue("CLIENT_POLICY",
                    policy.clientPolicy().keySet().iterator().next(), "CLIENT_TYPES", "DRIVERS"));
        }
        boolean namedIntegrations = !policy.securityIntegrations().contains("ALL");
        if (namedIntegrations && !policy.securityIntegrations().isEmpty()
                && policy.authenticationMethods().stream().noneMatch(INTEGRATION_METHODS::contains)) {
            throw new InvalidPropertyException(new PropertyFailure.IntegrationsWithoutMethod("SECURITY_INTEGRATIONS"));
        }
        checkIntegrationMethods(policy);
    }

    /** Seed 003: a named integration whose method the policy does not allow makes the policy invalid. */
    private void checkIntegrationMethods(AuthenticationPolicy policy) {
        if (policy.authenticationMethods().contains("ALL")) {
            return;
        }
        for (String integration : policy.securityIntegrations()) {
            integrationMethods.apply(integration).filter(method -> !policy.authenticationMethods().contains(method))
                    .ifPresent(method -> {
                        throw new InvalidPropertyException(new PropertyFailure.RequiresValue("SECURITY_INTEGRATIONS",
                                integration, "AUTHENTICATION_METHODS", method));
                    });
        }
    }

    private static List<String> words(String property, PropertyValue value, Set<String> allowed) {
        List<String> words = PropertyValues.textList(property, value).stream()
                .map(word -> word.toUpperCase(Locale.ROOT)).distinct().toList();
        if (words.isEmpty()) {
            throw PropertyValues.invalid(property, value);
        }
        for (String word : words) {
            if (!allowed.contains(word)) {
                throw new InvalidPropertyException(new PropertyFailure.InvalidValue(property, word));
            }
        }
        return words;
    }

    private static String word(String property, PropertyValue value, Set<String> allowed) {
        String word = PropertyValues.word(property, value);
        if (!allowed.contains(word)) {
            throw new InvalidPropertyException(new PropertyFailure.InvalidValue(property, word));
        }
        return word;
    }

    /** {@code (JDBC_DRIVER = (MINIMUM_VERSION = '3.25.0') …)}. */
    private static Map<String, String> clientPolicy(PropertyValue value) {
        Map<String, String> minimumVersions = new TreeMap<>();
        for (PropertySetting driver : PropertyValues.block("CLIENT_POLICY", value)) {
            if (!DRIVERS.contains(driver.name())) {
                throw new InvalidPropertyException(new PropertyFailure.InvalidValue("CLIENT_POLICY", driver.name()));
            }
            List<PropertySetting> settings = PropertyValues.block(driver.name(), driver.value());
            if (settings.size() != 1 || !settings.get(0).name().equals("MINIMUM_VERSION")) {
                throw new InvalidPropertyException(new PropertyFailure.MalformedEntry("CLIENT_POLICY", driver.name(),
                        "(MINIMUM_VERSION = '<version>')"));
            }
            String version = PropertyValues.text("MINIMUM_VERSION", settings.get(0).value());
            if (!VERSION.matcher(version).matches()) {
                throw new InvalidPropertyException(new PropertyFailure.InvalidValue("MINIMUM_VERSION", version));
            }
            minimumVersions.put(driver.name(), version);
        }
        return minimumVersions;
    }

    private static AuthenticationPolicy.MfaPolicy mfaPolicy(PropertyValue value) {
        List<String> methods = AuthenticationPolicy.MfaPolicy.DEFAULT.allowedMethods();
        String enforce = AuthenticationPolicy.MfaPolicy.DEFAULT.enforceMfaOnExternalAuthentication();
        for (PropertySetting setting : PropertyValues.block("MFA_POLICY", value)) {
            switch (setting.name()) {
                case "ALLOWED_METHODS" -> methods = words(setting.name(), setting.value(), MFA_METHODS);
                case "ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION" ->
                        enforce = word(setting.name(), setting.value(), Set.of("ALL", "NONE"));
                default -> throw PropertyValues.unknown(setting.name(), "MFA_POLICY");
            }
        }
        return new AuthenticationPolicy.MfaPolicy(methods, enforce);
    }

    /** Unspecified keys take their defaults; 1 ≤ DEFAULT_EXPIRY_IN_DAYS ≤ MAX_EXPIRY_IN_DAYS ≤ 365. */
    private static AuthenticationPolicy.PatPolicy patPolicy(PropertyValue value) {
        AuthenticationPolicy.PatPolicy defaults = AuthenticationPolicy.PatPolicy.DEFAULT;
        Integer defaultExpiry = null;
        int maxExpiry = defaults.maxExpiryInDays();
        String evaluation = defaults.networkPolicyEvaluation();
        boolean service = defaults.requireRoleRestrictionForServiceUsers();
        boolean person = defaults.requireRoleRestrictionForPersonUsers();
        List<String> blocked = defaults.blockedRolesList();
        for (PropertySetting setting : PropertyValues.block("PAT_POLICY", value)) {
            String name = setting.name();
            switch (name) {
                case "DEFAULT_EXPIRY_IN_DAYS" -> defaultExpiry = (int) PropertyValues.integer(name, setting.value(), 1,
                        LONGEST_PAT_LIFETIME_DAYS);
                case "MAX_EXPIRY_IN_DAYS" -> maxExpiry = (int) PropertyValues.integer(name, setting.value(), 1,
                        LONGEST_PAT_LIFETIME_DAYS);
                case "NETWORK_POLICY_EVALUATION" -> evaluation = word(name, setting.value(),
                        NETWORK_POLICY_EVALUATIONS);
                case "REQUIRE_ROLE_RESTRICTION_FOR_SERVICE_USERS" -> service = PropertyValues.bool(name,
                        setting.value());
                case "REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS" -> person = PropertyValues.bool(name,
                        setting.value());
                case "BLOCKED_ROLES_LIST" -> blocked = PropertyValues.textList(name, setting.value()).stream()
                        .map(role -> role.toUpperCase(Locale.ROOT)).toList();
                default -> throw PropertyValues.unknown(name, "PAT_POLICY");
            }
        }
        int effectiveDefault = defaultExpiry == null ? Math.min(defaults.defaultExpiryInDays(), maxExpiry)
                : defaultExpiry;
        if (effectiveDefault > maxExpiry) {
            throw new InvalidPropertyException(new PropertyFailure.AboveOther("DEFAULT_EXPIRY_IN_DAYS", effectiveDefault,
                    "MAX_EXPIRY_IN_DAYS", maxExpiry));
        }
        return new AuthenticationPolicy.PatPolicy(effectiveDefault, maxExpiry, evaluation, service, person, blocked);
    }

    private static Map<String, List<String>> workloadIdentityPolicy(PropertyValue value) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (PropertySetting setting : PropertyValues.block("WORKLOAD_IDENTITY_POLICY", value)) {
            if (!WORKLOAD_IDENTITY_KEYS.contains(setting.name())) {
                throw PropertyValues.unknown(setting.name(), "WORKLOAD_IDENTITY_POLICY");
            }
            settings.put(setting.name(), PropertyValues.textList(setting.name(), setting.value()));
        }
        return settings;
    }
}
