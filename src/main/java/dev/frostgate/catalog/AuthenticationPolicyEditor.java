package dev.frostgate.catalog;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.catalog.property.PropertyValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
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
    private static final Set<String> WORKLOAD_IDENTITY_KEYS = Set.of("ALLOWED_PROVIDERS", "ALLOWED_AWS_ACCOUNTS",
            "ALLOWED_AZURE_ISSUERS", "ALLOWED_OIDC_ISSUERS");
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){0,3}");
    private static final int LONGEST_PAT_LIFETIME_DAYS = 365;
    private static final PropertyDeclaration MFA_ENROLLMENT = PropertyDeclaration.choice("MFA_ENROLLMENT", "OPTIONAL",
            "REQUIRED", "REQUIRED_PASSWORD_ONLY");
    /** The top-level properties; the nested blocks are read by the models below and by the methods named for them. */
    static final PropertyModel PROPERTIES = PropertyModel.of("AUTHENTICATION POLICY",
            PropertyDeclaration.choices("AUTHENTICATION_METHODS", AuthenticationPolicy.ALL, METHODS),
            PropertyDeclaration.choices("CLIENT_TYPES", AuthenticationPolicy.ALL, CLIENT_TYPES),
            PropertyDeclaration.block("CLIENT_POLICY"),
            PropertyDeclaration.roleList("SECURITY_INTEGRATIONS"),
            MFA_ENROLLMENT,
            PropertyDeclaration.block("MFA_POLICY"),
            PropertyDeclaration.block("PAT_POLICY"),
            PropertyDeclaration.block("WORKLOAD_IDENTITY_POLICY"),
            PropertyDeclaration.text("COMMENT"));
    private static final PropertyModel MFA_POLICY = PropertyModel.of("MFA_POLICY",
            PropertyDeclaration.choices("ALLOWED_METHODS", List.of("ALL"), Set.of("ALL", "PASSKEY", "TOTP", "OTP",
                    "DUO")),
            PropertyDeclaration.choice("ENFORCE_MFA_ON_EXTERNAL_AUTHENTICATION", "NONE", "ALL"));
    private static final PropertyModel PAT_POLICY = PropertyModel.of("PAT_POLICY",
            PropertyDeclaration.integer("DEFAULT_EXPIRY_IN_DAYS", AuthenticationPolicy.PatPolicy.DEFAULT
                    .defaultExpiryInDays(), 1, LONGEST_PAT_LIFETIME_DAYS),
            PropertyDeclaration.integer("MAX_EXPIRY_IN_DAYS", AuthenticationPolicy.PatPolicy.DEFAULT.maxExpiryInDays(),
                    1, LONGEST_PAT_LIFETIME_DAYS),
            PropertyDeclaration.choice("NETWORK_POLICY_EVALUATION", "ENFORCED_REQUIRED", "ENFORCED_NOT_REQUIRED",
                    "NOT_ENFORCED"),
            PropertyDeclaration.bool("REQUIRE_ROLE_RESTRICTION_FOR_SERVICE_USERS",
                    AuthenticationPolicy.PatPolicy.DEFAULT.requireRoleRestrictionForServiceUsers()),
            PropertyDeclaration.bool("REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS",
                    AuthenticationPolicy.PatPolicy.DEFAULT.requireRoleRestrictionForPersonUsers()),
            PropertyDeclaration.roleList("BLOCKED_ROLES_LIST"));

    private final Function<String, Optional<String>> integrationMethods;

    /** @param integrationMethods the method a named integration needs; empty for names that are no integration */
    AuthenticationPolicyEditor(Function<String, Optional<String>> integrationMethods) {
        this.integrationMethods = integrationMethods;
    }

    AuthenticationPolicy set(AuthenticationPolicy policy, List<PropertySetting> properties) {
        AuthenticationPolicy.Builder builder = policy.toBuilder();
        for (PropertyModel.Read property : PROPERTIES.read(properties)) {
            PropertyValue written = property.written();
            switch (property.name()) {
                case "AUTHENTICATION_METHODS" -> builder.authenticationMethods(property.values());
                case "CLIENT_TYPES" -> builder.clientTypes(property.values());
                case "CLIENT_POLICY" -> builder.clientPolicy(clientPolicy(written));
                case "SECURITY_INTEGRATIONS" -> builder.securityIntegrations(property.values());
                case "MFA_ENROLLMENT" -> builder.mfaEnrollment(property.value());
                case "MFA_POLICY" -> builder.mfaPolicy(mfaPolicy(written));
                case "PAT_POLICY" -> builder.patPolicy(patPolicy(written));
                case "WORKLOAD_IDENTITY_POLICY" -> builder.workloadIdentityPolicy(workloadIdentityPolicy(written));
                default -> builder.comment(Optional.of(property.value()));
            }
        }
        AuthenticationPolicy changed = builder.build();
        checkConsistency(changed);
        return changed;
    }

    AuthenticationPolicy unset(AuthenticationPolicy policy, List<String> propertyNames) {
        AuthenticationPolicy.Builder builder = policy.toBuilder();
        for (PropertyDeclaration property : PROPERTIES.unset(propertyNames)) {
            switch (property.name()) {
                case "AUTHENTICATION_METHODS" -> builder.authenticationMethods(AuthenticationPolicy.ALL);
                case "CLIENT_TYPES" -> builder.clientTypes(AuthenticationPolicy.ALL);
                case "CLIENT_POLICY" -> builder.clientPolicy(Map.of());
                case "SECURITY_INTEGRATIONS" -> builder.securityIntegrations(AuthenticationPolicy.ALL);
                case "MFA_ENROLLMENT" -> builder.mfaEnrollment(MFA_ENROLLMENT.defaultValue().get(0));
                case "MFA_POLICY" -> builder.mfaPolicy(AuthenticationPolicy.MfaPolicy.DEFAULT);
                case "PAT_POLICY" -> builder.patPolicy(AuthenticationPolicy.PatPolicy.DEFAULT);
                case "WORKLOAD_IDENTITY_POLICY" -> builder.workloadIdentityPolicy(Map.of());
                default -> builder.comment(Optional.empty());
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
        for (PropertyModel.Read setting : MFA_POLICY.read(PropertyValues.block(MFA_POLICY.objectKind(), value))) {
            if (setting.name().equals("ALLOWED_METHODS")) {
                methods = setting.values();
            } else {
                enforce = setting.value();
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
        for (PropertyModel.Read setting : PAT_POLICY.read(PropertyValues.block(PAT_POLICY.objectKind(), value))) {
            switch (setting.name()) {
                case "DEFAULT_EXPIRY_IN_DAYS" -> defaultExpiry = Integer.parseInt(setting.value());
                case "MAX_EXPIRY_IN_DAYS" -> maxExpiry = Integer.parseInt(setting.value());
                case "NETWORK_POLICY_EVALUATION" -> evaluation = setting.value();
                case "REQUIRE_ROLE_RESTRICTION_FOR_SERVICE_USERS" -> service = Boolean.parseBoolean(setting.value());
                case "REQUIRE_ROLE_RESTRICTION_FOR_PERSON_USERS" -> person = Boolean.parseBoolean(setting.value());
                default -> blocked = setting.values();
            }
        }
        int effectiveDefault = defaultExpiry == null ? Math.min(defaults.defaultExpiryInDays(), maxExpiry)
                : defaultExpiry;
        if (effectiveDefault > maxExpiry) {
            throw new InvalidPropertyException(new PropertyFailure.AboveOther("DEFAULT_EXPIRY_IN_DAYS",
                    effectiveDefault,
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
