package dev.frostgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An authentication policy: which methods, clients and integrations may log in, and the PAT, MFA
 * and workload-identity sub-policies. Defaults are Snowflake's (everything allowed).
 */
public record AuthenticationPolicy(
        String name,
        Optional<String> databaseName,
        Optional<String> schemaName,
        List<String> authenticationMethods,
        List<String> clientTypes,
        Map<String, String> clientPolicy,
        List<String> securityIntegrations,
        String mfaEnrollment,
        MfaPolicy mfaPolicy,
        PatPolicy patPolicy,
        Map<String, List<String>> workloadIdentityPolicy,
        Optional<String> comment,
        Optional<String> owner,
        Instant createdOn) {

    public static final List<String> ALL = List.of("ALL");

    public record MfaPolicy(List<String> allowedMethods, String enforceMfaOnExternalAuthentication) {
        public static final MfaPolicy DEFAULT = new MfaPolicy(ALL, "NONE");
    }

    public record PatPolicy(int defaultExpiryInDays, int maxExpiryInDays, String networkPolicyEvaluation,
                            boolean requireRoleRestrictionForServiceUsers, boolean requireRoleRestrictionForPersonUsers,
                            List<String> blockedRolesList) {
        public static final PatPolicy DEFAULT = new PatPolicy(15, 365, "ENFORCED_REQUIRED", true, false, List.of());

        /** ENFORCED_REQUIRED: a token is only created (SERVICE users) and used under some network policy. */
        public boolean requiresNetworkPolicy() {
            return "ENFORCED_REQUIRED".equals(networkPolicyEvaluation);
        }

        /** NOT_ENFORCED: token logins skip network policies altogether. */
        public boolean enforcesNetworkPolicy() {
            return !"NOT_ENFORCED".equals(networkPolicyEvaluation);
        }

        public boolean requiresRoleRestriction(UserType userType) {
            return userType == UserType.PERSON ? requireRoleRestrictionForPersonUsers
                    : requireRoleRestrictionForServiceUsers;
        }
    }

    /** A policy with every property at its default. */
    public static AuthenticationPolicy withDefaults(String name, Optional<String> databaseName,
                                                    Optional<String> schemaName, Optional<String> owner,
                                                    Instant createdOn) {
        return new AuthenticationPolicy(name, databaseName, schemaName, ALL, ALL, Map.of(), ALL, "OPTIONAL",
                MfaPolicy.DEFAULT, PatPolicy.DEFAULT, Map.of(), Optional.empty(), owner, createdOn);
    }

    public boolean allowsMethod(String method) {
        return authenticationMethods.contains("ALL") || authenticationMethods.contains(method);
    }

    /** SECURITY_INTEGRATIONS: ALL, or the integration by name. */
    public boolean allowsIntegration(String integration) {
        return securityIntegrations.contains("ALL") || securityIntegrations.contains(integration);
    }

    public boolean allowsClientType(String clientType) {
        return clientTypes.contains("ALL") || clientTypes.contains(clientType);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copy-and-change, used when SET and UNSET apply properties one by one. */
    public static final class Builder {
        private final AuthenticationPolicy base;
        private String name;
        private List<String> authenticationMethods;
        private List<String> clientTypes;
        private Map<String, String> clientPolicy;
        private List<String> securityIntegrations;
        private String mfaEnrollment;
        private MfaPolicy mfaPolicy;
        private PatPolicy patPolicy;
        private Map<String, List<String>> workloadIdentityPolicy;
        private Optional<String> comment;
        private Optional<String> owner;

        private Builder(AuthenticationPolicy base) {
            this.base = base;
            name = base.name;
            authenticationMethods = base.authenticationMethods;
            clientTypes = base.clientTypes;
            clientPolicy = base.clientPolicy;
            securityIntegrations = base.securityIntegrations;
            mfaEnrollment = base.mfaEnrollment;
            mfaPolicy = base.mfaPolicy;
            patPolicy = base.patPolicy;
            workloadIdentityPolicy = base.workloadIdentityPolicy;
            comment = base.comment;
            owner = base.owner;
        }

        public Builder name(String value) { name = value; return this; }
        public Builder authenticationMethods(List<String> value) { authenticationMethods = List.copyOf(value); return this; }
        public Builder clientTypes(List<String> value) { clientTypes = List.copyOf(value); return this; }
        public Builder clientPolicy(Map<String, String> value) { clientPolicy = Map.copyOf(value); return this; }
        public Builder securityIntegrations(List<String> value) { securityIntegrations = List.copyOf(value); return this; }
        public Builder mfaEnrollment(String value) { mfaEnrollment = value; return this; }
        public Builder mfaPolicy(MfaPolicy value) { mfaPolicy = value; return this; }
        public Builder patPolicy(PatPolicy value) { patPolicy = value; return this; }
        public Builder workloadIdentityPolicy(Map<String, List<String>> value) {
            workloadIdentityPolicy = Map.copyOf(value);
            return this;
        }
        public Builder comment(Optional<String> value) { comment = value; return this; }
        public Builder owner(Optional<String> value) { owner = value; return this; }

        public AuthenticationPolicy build() {
            return new AuthenticationPolicy(name, base.databaseName, base.schemaName, authenticationMethods,
                    clientTypes, clientPolicy, securityIntegrations, mfaEnrollment, mfaPolicy, patPolicy,
                    workloadIdentityPolicy, comment, owner, base.createdOn);
        }
    }
}
