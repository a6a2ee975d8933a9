package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of authentication policies and of policy attachments; implemented by the store. */
public interface AuthenticationPolicyRepository {

    Optional<AuthenticationPolicy> find(String name);

    List<AuthenticationPolicy> list();

    /** Inserts or replaces the policy stored as {@code previousName}; a rename moves its attachments. */
    void save(String previousName, AuthenticationPolicy policy);

    boolean delete(String name);

    List<PolicyAttachment> attachments(PolicyAttachment.PolicyKind kind);

    Optional<PolicyAttachment> attachment(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target,
                                          String targetName);

    void attach(PolicyAttachment attachment);

    boolean detach(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target, String targetName);
}
