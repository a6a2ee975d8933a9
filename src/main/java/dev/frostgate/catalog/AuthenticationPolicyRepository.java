package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of authentication policies; implemented by the store (with the policy attachments). */
public interface AuthenticationPolicyRepository extends PolicyAttachmentRepository {

    Optional<AuthenticationPolicy> find(String name);

    /** The policy with its row locked until the open unit of work ends: a DROP and an attachment take turns. */
    Optional<AuthenticationPolicy> findLocked(String name);

    List<AuthenticationPolicy> list();

    /** Inserts or replaces the policy stored as {@code previousName}; a rename moves its attachments. */
    void save(String previousName, AuthenticationPolicy policy);

    boolean delete(String name);
}
