package dev.frostgate.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where every policy is attached, for INFORMATION_SCHEMA.POLICY_REFERENCES: network policies on the
 * account and on users, authentication policies on the account (all users or one user type) and on
 * users, password and session policies on the account and on users.
 */
public final class PolicyReferences {
    private final NetworkPolicyRepository networkPolicies;
    private final AccountParameterRepository accountParameters;
    private final UserRepository users;
    private final AuthenticationPolicyRepository authenticationPolicies;
    private final ParameterPolicyRepository parameterPolicies;
    private final AccessControl accessControl;
    private final String accountName;

    /** One attachment: the policy and the entity it is set on (domain USER or ACCOUNT). */
    public record Reference(Optional<String> policyDatabase, Optional<String> policySchema, String policyName,
                            String policyKind, String entityName, String entityDomain) {}

    public PolicyReferences(NetworkPolicyRepository networkPolicies, AccountParameterRepository accountParameters,
                            UserRepository users, AuthenticationPolicyRepository authenticationPolicies,
                            ParameterPolicyRepository parameterPolicies, AccessControl accessControl,
                            String accountName) {
        this.parameterPolicies = parameterPolicies;
        this.networkPolicies = networkPolicies;
        this.accountParameters = accountParameters;
        this.users = users;
        this.authenticationPolicies = authenticationPolicies;
        this.accessControl = accessControl;
        this.accountName = accountName;
    }

    /** Readable by roles that may attach policies (or manage grants). */
    public List<Reference> all(Actor actor) {
        if (!accessControl.holdsOnAccount(actor, Privilege.APPLY_AUTHENTICATION_POLICY)
                && !accessControl.holdsOnAccount(actor, Privilege.ATTACH_POLICY)
                && !accessControl.holdsOnAccount(actor, Privilege.MANAGE_GRANTS)) {
            throw AccessControl.insufficient("account", accountName);
        }
        List<Reference> references = new ArrayList<>();
        accountParameters.find(NetworkAccess.ACCOUNT_PARAMETER).ifPresent(policy -> references.add(new Reference(
                Optional.empty(), Optional.empty(), policy, "NETWORK_POLICY", accountName, "ACCOUNT")));
        for (User user : users.list()) {
            user.networkPolicy().ifPresent(policy -> references.add(new Reference(Optional.empty(), Optional.empty(),
                    policy, "NETWORK_POLICY", user.name(), "USER")));
        }
        for (PolicyAttachment attachment : authenticationPolicies.attachments(PolicyAttachment.PolicyKind.AUTHENTICATION)) {
            Optional<AuthenticationPolicy> policy = authenticationPolicies.find(attachment.policyName());
            references.add(reference(attachment, policy.flatMap(AuthenticationPolicy::databaseName),
                    policy.flatMap(AuthenticationPolicy::schemaName), "AUTHENTICATION_POLICY"));
        }
        for (ParameterPolicyKind kind : ParameterPolicyKind.values()) {
            for (PolicyAttachment attachment : authenticationPolicies.attachments(kind.attachmentKind())) {
                Optional<ParameterPolicy> policy = parameterPolicies.find(kind, attachment.policyName());
                references.add(reference(attachment, policy.flatMap(ParameterPolicy::databaseName),
                        policy.flatMap(ParameterPolicy::schemaName), kind.name() + "_POLICY"));
            }
        }
        return references;
    }

    private Reference reference(PolicyAttachment attachment, Optional<String> database, Optional<String> schema,
                                String policyKind) {
        boolean onUser = attachment.targetKind() == PolicyAttachment.TargetKind.USER;
        return new Reference(database, schema, attachment.policyName(), policyKind,
                onUser ? attachment.targetName() : accountName, onUser ? "USER" : "ACCOUNT");
    }
}
