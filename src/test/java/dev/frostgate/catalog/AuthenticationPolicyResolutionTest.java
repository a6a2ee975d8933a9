package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.change.InProcessChangeFeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AuthenticationPolicyCatalog.effectivePolicy: which policy governs a user, read through its cache. */
class AuthenticationPolicyResolutionTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemoryPolicies policies = new InMemoryPolicies();
    // Resolution reads only policies and attachments; privileges and namespaces are not involved.
    private final ChangeFeed changes = new InProcessChangeFeed();
    private final AuthenticationPolicyCatalog catalog = new AuthenticationPolicyCatalog(policies, null, null, null,
            changes, null, CachePolicy.of(Clock.fixed(NOW, ZoneOffset.UTC)), "FROSTGATE", name -> Optional.empty());

    @Test
    void aUserWhoseTypeChangedIsGovernedByItsNewTypesPolicyAtOnce() {
        policies.attach("FOR_PEOPLE", PolicyAttachment.TargetKind.PERSON_USERS, PolicyAttachment.ACCOUNT_TARGET);
        policies.attach("FOR_SERVICES", PolicyAttachment.TargetKind.SERVICE_USERS, PolicyAttachment.ACCOUNT_TARGET);
        User person = User.builder(UserId.random(), "KIM", NOW).type(UserType.PERSON).build();
        assertThat(catalog.effectivePolicy(Optional.of(person)).policy().name()).isEqualTo("FOR_PEOPLE");

        User service = person.toBuilder().type(UserType.SERVICE).build();

        assertThat(catalog.effectivePolicy(Optional.of(service)).policy().name())
                .as("ALTER USER KIM SET TYPE = SERVICE, within the cache lifetime").isEqualTo("FOR_SERVICES");
        assertThat(catalog.effectivePolicy(Optional.of(person)).policy().name()).isEqualTo("FOR_PEOPLE");
    }

    @Test
    void aDroppedUsersPolicyDoesNotGovernANewUserOfTheSameName() {
        policies.attach("KIMS_OWN", PolicyAttachment.TargetKind.USER, "KIM");
        User kim = User.builder(UserId.random(), "KIM", NOW).build();
        assertThat(catalog.effectivePolicy(Optional.of(kim)).setOn()).isEqualTo("USER");

        policies.detach(PolicyAttachment.PolicyKind.AUTHENTICATION, PolicyAttachment.TargetKind.USER, "KIM");
        changes.publish(new Change.UserChanged("KIM"));

        assertThat(catalog.effectivePolicy(Optional.of(User.builder(UserId.random(), "KIM", NOW).build())).setOn())
                .isEqualTo("SYSTEM");
    }

    @Test
    void withoutAUserTheAccountsPolicyGoverns() {
        policies.attach("ACCOUNT_WIDE", PolicyAttachment.TargetKind.ACCOUNT, PolicyAttachment.ACCOUNT_TARGET);

        assertThat(catalog.effectivePolicy(Optional.empty()).policy().name()).isEqualTo("ACCOUNT_WIDE");
    }

    /** Policies and their attachments in memory; attaching a policy stores one of that name with defaults. */
    private static final class InMemoryPolicies implements AuthenticationPolicyRepository {
        private final Map<String, AuthenticationPolicy> stored = new HashMap<>();
        private final List<PolicyAttachment> attachments = new ArrayList<>();

        void attach(String policyName, PolicyAttachment.TargetKind target, String targetName) {
            stored.put(policyName, AuthenticationPolicy.withDefaults(policyName, Optional.empty(), Optional.empty(),
                    Optional.empty(), NOW));
            attach(new PolicyAttachment(PolicyAttachment.PolicyKind.AUTHENTICATION, target, targetName, policyName));
        }

        @Override
        public Optional<AuthenticationPolicy> find(String name) {
            return Optional.ofNullable(stored.get(name));
        }

        @Override
        public Optional<AuthenticationPolicy> findLocked(String name) {
            return find(name);
        }

        @Override
        public List<AuthenticationPolicy> list() {
            return NameOrder.sorted(List.copyOf(stored.values()), AuthenticationPolicy::name);
        }

        @Override
        public void save(String previousName, AuthenticationPolicy policy) {
            stored.remove(previousName);
            stored.put(policy.name(), policy);
        }

        @Override
        public boolean delete(String name) {
            return stored.remove(name) != null;
        }

        @Override
        public List<PolicyAttachment> attachments(PolicyAttachment.PolicyKind kind) {
            return attachments.stream().filter(attachment -> attachment.policyKind() == kind).toList();
        }

        @Override
        public Optional<PolicyAttachment> attachment(PolicyAttachment.PolicyKind kind,
                                                     PolicyAttachment.TargetKind target, String targetName) {
            return attachments.stream().filter(attachment -> attachment.policyKind() == kind
                    && attachment.targetKind() == target && attachment.targetName().equals(targetName)).findFirst();
        }

        @Override
        public void attach(PolicyAttachment attachment) {
            detach(attachment.policyKind(), attachment.targetKind(), attachment.targetName());
            attachments.add(attachment);
        }

        @Override
        public boolean detach(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target,
                              String targetName) {
            return attachments.removeIf(attachment -> attachment.policyKind() == kind
                    && attachment.targetKind() == target && attachment.targetName().equals(targetName));
        }
    }
}
