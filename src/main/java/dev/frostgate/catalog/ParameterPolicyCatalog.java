package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Password and session policies: CRUD with privileges, attachment to the account or a user, and the
 * policy that governs a user (the user's, else the account's, else the built-in default).
 */
public final class ParameterPolicyCatalog {

    private final ParameterPolicyKind kind;
    private final ParameterPolicyRepository repository;
    private final PolicyAttachmentRepository attachments;
    private final AccessControl accessControl;
    private final NamespaceCatalog namespaces;
    private final Clock clock;
    private final String accountName;
    private final ChangeFeed changes;
    private final Cache<String, Optional<ParameterPolicy>> effectiveByUser;
    private final ObjectLifecycle<ParameterPolicy> lifecycle;
    private final Transactions transactions;

    public ParameterPolicyCatalog(ParameterPolicyKind kind, ParameterPolicyRepository repository,
                                  PolicyAttachmentRepository attachments, AccessControl accessControl,
                                  NamespaceCatalog namespaces, ChangeFeed changes, Transactions transactions,
                                  CachePolicy cachePolicy, String accountName) {
        this.kind = kind;
        this.transactions = transactions;
        this.changes = changes;
        this.effectiveByUser = cachePolicy.expiringCache(100_000).build();
        changes.subscribe(Change.PoliciesChanged.class, change -> effectiveByUser.invalidateAll());
        changes.subscribe(Change.UserChanged.class, change -> effectiveByUser.invalidate(change.userName()));
        this.repository = repository;
        this.attachments = attachments;
        this.accessControl = accessControl;
        this.namespaces = namespaces;
        this.clock = cachePolicy.clock();
        this.accountName = accountName;
        this.lifecycle = new ObjectLifecycle<>(new Lifecycle(),
                (actor, owner, objectKind, objectName) -> accessControl.requireOwnership(actor, owner, objectKind,
                        objectName), transactions);
    }

    public ParameterPolicyKind kind() {
        return kind;
    }

    /** CREATE, ALTER, RENAME, GRANT OWNERSHIP and DROP of these policies: the shared object lifecycle. */
    public ObjectLifecycle<ParameterPolicy> objects() {
        return lifecycle;
    }

    public ParameterPolicy require(ObjectName name) {
        return lifecycle.require(name);
    }

    public List<ParameterPolicy> list() {
        return repository.list(kind);
    }

    /**
     * ALTER ACCOUNT | USER SET … POLICY: needs APPLY <kind> POLICY on the account; a set target needs FORCE. The
     * policy's row stays locked until the attachment is written, so a concurrent DROP sees it or went first.
     */
    public void attach(Actor actor, PolicyAttachment.TargetKind target, String targetName, ObjectName policyName,
                       boolean force) {
        transactions.runInTransaction(() -> attachInTransaction(actor, target, targetName, policyName, force));
    }

    private void attachInTransaction(Actor actor, PolicyAttachment.TargetKind target, String targetName,
                                     ObjectName policyName, boolean force) {
        requireApply(actor);
        if (target == PolicyAttachment.TargetKind.PERSON_USERS || target == PolicyAttachment.TargetKind.SERVICE_USERS) {
            throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE,
                    kind.displayName().toUpperCase() + " FOR ALL PERSON USERS / SERVICE USERS");
        }
        ParameterPolicy policy = repository.findLocked(kind, policyName.name())
                .orElseThrow(() -> lifecycle.notFound(policyName.name()));
        Optional<PolicyAttachment> existing = attachments.attachment(kind.attachmentKind(), target, targetName);
        if (existing.isPresent() && !force && !existing.get().policyName().equals(policy.name())) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, kind.displayName() + " "
                    + existing.get().policyName() + " (use FORCE to replace it)");
        }
        attachments.attach(new PolicyAttachment(kind.attachmentKind(), target, targetName, policy.name()));
        changed();
    }

    public void detach(Actor actor, PolicyAttachment.TargetKind target, String targetName) {
        requireApply(actor);
        attachments.detach(kind.attachmentKind(), target, targetName);
        changed();
    }

    /** The policy governing a user: its own, else the account's; empty means the built-in default. */
    public Optional<ParameterPolicy> effectivePolicy(String userName) {
        return effectiveByUser.get(userName, key -> attachments
                .attachment(kind.attachmentKind(), PolicyAttachment.TargetKind.USER, userName)
                .or(() -> attachments.attachment(kind.attachmentKind(), PolicyAttachment.TargetKind.ACCOUNT,
                        PolicyAttachment.ACCOUNT_TARGET))
                .flatMap(attachment -> repository.find(kind, attachment.policyName())));
    }

    /** The value of one of the kind's parameters for the user: from its governing policy, else the default. */
    public int valueFor(String userName, String parameterName) {
        return effectivePolicy(userName).map(policy -> policy.value(parameterName))
                .orElseGet(() -> kind.parameter(parameterName).orElseThrow().defaultValue());
    }

    private ParameterPolicy set(ParameterPolicy policy, List<PropertySetting> properties) {
        Map<String, Integer> values = new HashMap<>(policy.values());
        Optional<String> comment = policy.comment();
        for (PropertyModel.Read property : kind.properties().read(properties)) {
            if (property.name().equals(ParameterPolicyKind.COMMENT)) {
                comment = Optional.of(property.value());
            } else {
                values.put(property.name(), Integer.parseInt(property.value()));
            }
        }
        return checked(policy.with(policy.name(), values, comment));
    }

    /** A password's maximum length must leave room for its minimum length and character classes. */
    private ParameterPolicy checked(ParameterPolicy policy) {
        if (kind == ParameterPolicyKind.PASSWORD) {
            int required = Math.max(policy.value("PASSWORD_MIN_LENGTH"), policy.value("PASSWORD_MIN_UPPER_CASE_CHARS")
                    + policy.value("PASSWORD_MIN_LOWER_CASE_CHARS") + policy.value("PASSWORD_MIN_NUMERIC_CHARS")
                    + policy.value("PASSWORD_MIN_SPECIAL_CHARS"));
            if (policy.value("PASSWORD_MAX_LENGTH") < required) {
                throw new InvalidPropertyException(new PropertyFailure.BelowRequired("PASSWORD_MAX_LENGTH",
                        policy.value("PASSWORD_MAX_LENGTH"), required));
            }
        }
        return policy;
    }

    private void changed() {
        changes.publish(new Change.PoliciesChanged());
    }

    private void requireApply(Actor actor) {
        accessControl.requireOnAccount(actor, kind.applyPrivilege(), accountName);
    }

    private void requireDetached(String policyName, String verb) {
        attachments.attachments(kind.attachmentKind()).stream()
                .filter(attachment -> attachment.policyName().equals(policyName)).findFirst()
                .ifPresent(attachment -> {
                    throw new FrostgateException(ErrorCode.OBJECT_IN_USE, kind.displayName() + " '" + policyName
                            + "' cannot be " + verb + " because it is attached to "
                            + (attachment.targetKind() == PolicyAttachment.TargetKind.USER
                                    ? "user '" + attachment.targetName() + "'" : "the account") + ".");
                });
    }

    /** Password and session policies as an {@link ObjectLifecycle} kind. */
    private final class Lifecycle implements ObjectLifecycle.Kind<ParameterPolicy> {
        @Override
        public String displayName() {
            return kind.displayName();
        }

        @Override
        public Optional<ParameterPolicy> find(String name) {
            return repository.find(kind, name);
        }

        @Override
        public Optional<ParameterPolicy> findForChange(String name) {
            return repository.findLocked(kind, name);
        }

        @Override
        public String nameOf(ParameterPolicy policy) {
            return policy.name();
        }

        @Override
        public Optional<String> ownerOf(ParameterPolicy policy) {
            return policy.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            namespaces.requireMayCreateIn(actor, kind.createPrivilege(), name);
        }

        @Override
        public ParameterPolicy created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            return set(new ParameterPolicy(kind, name.name(), name.database(), name.schema(), Map.of(),
                    Optional.empty(), Optional.of(actor.primaryRole()), clock.instant()), properties);
        }

        @Override
        public ParameterPolicy set(ParameterPolicy policy, List<PropertySetting> properties) {
            return ParameterPolicyCatalog.this.set(policy, properties);
        }

        @Override
        public ParameterPolicy unset(ParameterPolicy policy, List<String> propertyNames) {
            Map<String, Integer> values = new HashMap<>(policy.values());
            Optional<String> comment = policy.comment();
            for (PropertyDeclaration property : kind.properties().unset(propertyNames)) {
                if (property.name().equals(ParameterPolicyKind.COMMENT)) {
                    comment = Optional.empty();
                } else {
                    values.remove(property.name());
                }
            }
            return checked(policy.with(policy.name(), values, comment));
        }

        @Override
        public ParameterPolicy renamed(ParameterPolicy policy, String newName) {
            return policy.with(newName, policy.values(), policy.comment());
        }

        @Override
        public ParameterPolicy ownedBy(ParameterPolicy policy, String role) {
            return policy.ownedBy(role);
        }

        @Override
        public void insert(ParameterPolicy policy) {
            repository.save(policy.name(), policy);
        }

        @Override
        public void update(ParameterPolicy before, ParameterPolicy after) {
            repository.save(before.name(), after);
        }

        @Override
        public void delete(ParameterPolicy policy) {
            repository.delete(kind, policy.name());
        }

        @Override
        public void requireRemovable(Actor actor, ParameterPolicy policy, ObjectLifecycle.Removal removal) {
            requireDetached(policy.name(), removal.verb());
        }

        @Override
        public void changed(ParameterPolicy policy) {
            ParameterPolicyCatalog.this.changed();
        }
    }
}
