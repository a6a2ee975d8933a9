package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The commands every named object kind shares, written once: CREATE [OR REPLACE] [IF NOT EXISTS],
 * ALTER … SET / UNSET, RENAME, GRANT OWNERSHIP, DROP with its "in use" guard, and the lookup DESCRIBE
 * uses. An object kind plugs in as a {@link Kind}: where its objects are stored, how its properties
 * apply (its {@code catalog.property} model and special rules), what CREATE needs, and what keeps an
 * object in use. Every command checks ownership the same way and publishes the kind's change once
 * the command has succeeded (delivered after its unit of work commits).
 *
 * @param <T> the kind's object record
 */
public final class ObjectLifecycle<T> {

    /** Why an object is about to go: {@link Kind#requireRemovable} words its refusal after it. */
    public enum Removal {
        REPLACED, DROPPED;

        /** "replaced" or "dropped", as in "… cannot be dropped because …". */
        public String verb() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One object kind, as the lifecycle needs it. */
    public interface Kind<T> {

        /** How errors name the kind, capitalised: {@code Authentication policy}. */
        String displayName();

        Optional<T> find(String name);

        /**
         * The object, read for a change: kinds whose "in use" guard races other writers (an attachment made
         * while a DROP checks there is none) lock its row until the unit of work ends. Unlocked by default.
         */
        default Optional<T> findForChange(String name) {
            return find(name);
        }

        String nameOf(T object);

        Optional<String> ownerOf(T object);

        /** Refuses a CREATE the actor may not run (the CREATE privilege on the account or schema). */
        void requireMayCreate(Actor actor, ObjectName name);

        /** The object CREATE makes: its defaults, then {@code properties}, owned by the actor's primary role. */
        T created(Actor actor, ObjectName name, List<PropertySetting> properties);

        /** SET: the properties applied and the kind's rules between them checked. */
        T set(T object, List<PropertySetting> properties);

        /** UNSET: the properties back to their defaults. */
        T unset(T object, List<String> propertyNames);

        T renamed(T object, String newName);

        T ownedBy(T object, String role);

        /** Stores a new object. */
        void insert(T object);

        /** Stores a changed object: {@code before} as read (its name until now, but for RENAME the same), {@code after}. */
        void update(T before, T after);

        void delete(T object);

        /**
         * Refuses replacing or dropping an object that must stay: one something still uses (003554), or one
         * that may never go (the current user, a system role).
         */
        void requireRemovable(Actor actor, T object, Removal removal);

        /**
         * What follows a write, in the same unit of work: the kind's rules judged on the store as written, so a
         * refusal rolls the write back (the network lock-out guard), and the writes that go with it.
         * {@code before} is empty for CREATE.
         */
        default void written(Actor actor, Optional<T> before, T after) {}

        /**
         * Whether the actor may SET or UNSET these properties without owning the object (a user's own
         * DEFAULT_ROLE). No by default.
         */
        default boolean mayAlterUnowned(Actor actor, T object, List<String> propertyNames) {
            return false;
        }

        /** Publishes the change of {@code object} (as it was before the command) for the caches that depend on it. */
        void changed(T object);
    }

    /** Refuses, with 003001, a change by an actor that does not own the object: {@link AccessControl#requireOwnership}. */
    @FunctionalInterface
    public interface OwnershipCheck {
        void requireOwnership(Actor actor, Optional<String> ownerRole, String objectKind, String objectName);
    }

    private final Kind<T> kind;
    private final OwnershipCheck ownership;
    private final Transactions transactions;

    /** @param transactions each command runs in one unit of work: its reads, guard and writes whole or not at all */
    public ObjectLifecycle(Kind<T> kind, OwnershipCheck ownership, Transactions transactions) {
        this.kind = kind;
        this.ownership = ownership;
        this.transactions = transactions;
    }

    /**
     * CREATE; false when IF NOT EXISTS found the object already there. OR REPLACE removes the old object first,
     * in the same unit of work, so the new one is judged without it and a refusal leaves the old one as it was.
     */
    public boolean create(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                          boolean ifNotExists) {
        return transactions.inTransaction(() -> {
            kind.requireMayCreate(actor, name);
            Optional<T> existing = kind.findForChange(name.name());
            if (!Existence.mayCreate(existing, orReplace, ifNotExists, name.name())) {
                return false;
            }
            existing.ifPresent(replaced -> {
                requireOwnership(actor, replaced);
                kind.requireRemovable(actor, replaced, Removal.REPLACED);
                kind.delete(replaced);
            });
            T created = kind.created(actor, name, properties);
            kind.insert(created);
            kind.written(actor, Optional.empty(), created);
            kind.changed(existing.orElse(created));
            return true;
        });
    }

    public void alterSet(Actor actor, ObjectName name, List<PropertySetting> properties, boolean ifExists) {
        List<String> propertyNames = properties.stream().map(PropertySetting::name).toList();
        alter(actor, name, ifExists, propertyNames, object -> kind.set(object, properties));
    }

    public void alterUnset(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        alter(actor, name, ifExists, propertyNames, object -> kind.unset(object, propertyNames));
    }

    private void alter(Actor actor, ObjectName name, boolean ifExists, List<String> propertyNames,
                       UnaryOperator<T> change) {
        transactions.runInTransaction(() -> {
            Optional<T> found = Existence.forChange(kind.findForChange(name.name()), ifExists,
                    () -> notFound(name.name()), object -> {
                        if (!kind.mayAlterUnowned(actor, object, propertyNames)) {
                            requireOwnership(actor, object);
                        }
                    });
            found.ifPresent(object -> write(actor, object, change.apply(object)));
        });
    }

    public void rename(Actor actor, ObjectName name, ObjectName newName, boolean ifExists) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, ifExists).ifPresent(object -> {
                if (kind.find(newName.name()).isPresent()) {
                    throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, newName.name());
                }
                write(actor, object, kind.renamed(object, newName.name()));
            });
        });
    }

    /** GRANT OWNERSHIP: the owner (or MANAGE GRANTS) hands the object to a role. */
    public void transfer(Actor actor, ObjectName name, String newOwner) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, false).ifPresent(object -> write(actor, object, kind.ownedBy(object, newOwner)));
        });
    }

    /** DROP; false when IF EXISTS found nothing. */
    public boolean drop(Actor actor, ObjectName name, boolean ifExists) {
        return transactions.inTransaction(() -> {
            Optional<T> found = findForChange(actor, name, ifExists);
            found.ifPresent(object -> {
                kind.requireRemovable(actor, object, Removal.DROPPED);
                kind.delete(object);
                kind.changed(object);
            });
            return found.isPresent();
        });
    }

    private void write(Actor actor, T before, T after) {
        kind.update(before, after);
        kind.written(actor, Optional.of(before), after);
        kind.changed(before);
    }

    /** The object named, or 002003. */
    public T require(ObjectName name) {
        return kind.find(name.name()).orElseThrow(() -> notFound(name.name()));
    }

    public FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, kind.displayName(), name);
    }

    private Optional<T> findForChange(Actor actor, ObjectName name, boolean ifExists) {
        return Existence.forChange(kind.findForChange(name.name()), ifExists, () -> notFound(name.name()),
                object -> requireOwnership(actor, object));
    }

    private void requireOwnership(Actor actor, T object) {
        ownership.requireOwnership(actor, kind.ownerOf(object), kind.displayName().toLowerCase(Locale.ROOT),
                kind.nameOf(object));
    }
}
