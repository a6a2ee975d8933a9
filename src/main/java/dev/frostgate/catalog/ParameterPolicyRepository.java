package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of password and session policies (attachments live with the other policy attachments). */
public interface ParameterPolicyRepository {

    Optional<ParameterPolicy> find(ParameterPolicyKind kind, String name);

    /** The policy with its row locked until the open unit of work ends: a DROP and an attachment take turns. */
    Optional<ParameterPolicy> findLocked(ParameterPolicyKind kind, String name);

    List<ParameterPolicy> list(ParameterPolicyKind kind);

    /** Inserts or replaces the policy stored as {@code previousName}; a rename moves its attachments. */
    void save(String previousName, ParameterPolicy policy);

    boolean delete(ParameterPolicyKind kind, String name);
}
