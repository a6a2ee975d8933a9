package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    /** One object kind, as the lifecycle needs it. */
    public interface Kind<T> {

        /** How errors name the kind, capitalised: {@code Authentication policy}. */
        String displayName();

        Optional<T> find(String name);

        String nameOf(T object);

        Optional<String> ownerOf(T object);

        /** Refuses a CREATE the actor may not run (the CREATE privilege on the account or schema). */
        void requireMayCreate(Actor actor, ObjectName name);

        /** A new object with its defaults, owned by the actor's primary role, before CREATE's properties. */
        T fresh(Actor actor, ObjectName name);

        /** SET: the properties applied and the kind's rules between them checked. */
        T set(T object, List<PropertySetting> properties);

        /** UNSET: the properties back to their defaults. */
        T unset(T object, List<String> propertyNames);

        T renamed(T object, String newName);

        T ownedBy(T object, String role);

        /** Stores the object under {@code storedName}: its name until now (the same as its name but for RENAME). */
        void save(String storedName, T object);

        void delete(T object);

        /** Refuses, with 003554, replacing or dropping ({@code verb}) an object something still uses. */
        void requireUnused(T object, String verb);

        /** Publishes the change for the caches that depend on this kind. */
        void changed();
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

    /** CREATE; false when IF NOT EXISTS found the object already there. */
    public boolean create(Actor actor, ObjectName name, List<PropertySetting> properties, boolean orReplace,
                          boolean ifNotExists) {
        return transactions.inTransaction(() -> {
            kind.requireMayCreate(actor, name);
            Optional<T> existing = kind.find(name.name());
            if (!Existence.mayCreate(existing, orReplace, ifNotExists, name.name())) {
                return false;
            }
            existing.ifPresent(replaced -> {
                requireOwnership(actor, replaced);
                kind.requireUnused(replaced, "replaced");
            });
            kind.save(name.name(), kind.set(kind.fresh(actor, name), properties));
            kind.changed();
            return true;
        });
    }

    public void alterSet(Actor actor, ObjectName name, List<PropertySetting> properties, boolean ifExists) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, ifExists).ifPresent(object -> {
                kind.save(kind.nameOf(object), kind.set(object, properties));
                kind.changed();
            });
        });
    }

    public void alterUnset(Actor actor, ObjectName name, List<String> propertyNames, boolean ifExists) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, ifExists).ifPresent(object -> {
                kind.save(kind.nameOf(object), kind.unset(object, propertyNames));
                kind.changed();
            });
        });
    }

    public void rename(Actor actor, ObjectName name, ObjectName newName, boolean ifExists) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, ifExists).ifPresent(object -> {
                if (kind.find(newName.name()).isPresent()) {
                    throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, newName.name());
                }
                kind.save(kind.nameOf(object), kind.renamed(object, newName.name()));
                kind.changed();
            });
        });
    }

    /** GRANT OWNERSHIP: the owner (or MANAGE GRANTS) hands the object to a role. */
    public void transfer(Actor actor, ObjectName name, String newOwner) {
        transactions.runInTransaction(() -> {
            findForChange(actor, name, false).ifPresent(object -> {
                kind.save(kind.nameOf(object), kind.ownedBy(object, newOwner));
                kind.changed();
            });
        });
    }

    /** DROP; false when IF EXISTS found nothing. */
    public boolean drop(Actor actor, ObjectName name, boolean ifExists) {
        return transactions.inTransaction(() -> {
            Optional<T> found = findForChange(actor, name, ifExists);
            found.ifPresent(object -> {
                kind.requireUnused(object, "dropped");
                kind.delete(object);
                kind.changed();
            });
            return found.isPresent();
        });
    }

    /** The object named, or 002003. */
    public T require(ObjectName name) {
        return kind.find(name.name()).orElseThrow(() -> notFound(name.name()));
    }

    public FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, kind.displayName(), name);
    }

    private Optional<T> findForChange(Actor actor, ObjectName name, boolean ifExists) {
        return Existence.forChange(kind.find(name.name()), ifExists, () -> notFound(name.name()),
                object -> requireOwnership(actor, object));
    }

    private void requireOwnership(Actor actor, T object) {
        ownership.requireOwnership(actor, kind.ownerOf(object), kind.displayName().toLowerCase(Locale.ROOT),
                kind.nameOf(object));
    }
}
