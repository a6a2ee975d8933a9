package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Where authentication, password and session policies are attached; implemented by the store. */
public interface PolicyAttachmentRepository {

    List<PolicyAttachment> attachments(PolicyAttachment.PolicyKind kind);

    Optional<PolicyAttachment> attachment(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target,
                                          String targetName);

    void attach(PolicyAttachment attachment);

    boolean detach(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target, String targetName);
}
