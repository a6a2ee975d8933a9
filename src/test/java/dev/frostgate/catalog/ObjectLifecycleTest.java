package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared lifecycle over an in-memory kind: every rule it owns, and that a refused command changes nothing. */
class ObjectLifecycleTest {
    private static final Actor OWNER = new Actor("ALICE", "OWNER_ROLE", false, "", "PASSWORD");
    private static final Actor STRANGER = new Actor("BOB", "OTHER_ROLE", false, "", "PASSWORD");
    private static final PropertyModel PROPERTIES = PropertyModel.of("GADGET", PropertyDeclaration.text("COMMENT"));

    record Gadget(String name, Optional<String> owner, Optional<String> comment) {}

    /**
     * A kind whose objects live in a map; "in use" is a set of names; a comment of "LOCKED OUT" is refused once
     * written, as the network lock-out guard refuses; anyone may change a gadget's comment to "public"; every
     * publication is counted.
     */
    static final class Gadgets implements ObjectLifecycle.Kind<Gadget> {
        final Map<String, Gadget> stored = new LinkedHashMap<>();
        final Set<String> inUse = new java.util.HashSet<>();
        final List<String> published = new ArrayList<>();
        final List<String> readForChange = new ArrayList<>();
        boolean mayCreate = true;

        @Override public String displayName() { return "Gadget"; }
        @Override public Optional<Gadget> find(String name) { return Optional.ofNullable(stored.get(name)); }
        @Override public String nameOf(Gadget gadget) { return gadget.name(); }
        @Override public Optional<String> ownerOf(Gadget gadget) { return gadget.owner(); }

        @Override
        public Optional<Gadget> findForChange(String name) {
            readForChange.add(name);
            return find(name);
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            if (!mayCreate) {
                throw AccessControl.insufficient("schema", "S");
            }
        }

        @Override
        public Gadget created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            return set(new Gadget(name.name(), Optional.of(actor.primaryRole()), Optional.empty()), properties);
        }

        @Override
        public Gadget set(Gadget gadget, List<PropertySetting> properties) {
            Gadget changed = gadget;
            for (PropertyModel.Read read : PROPERTIES.read(properties)) {
                changed = new Gadget(changed.name(), changed.owner(), Optional.of(read.value()));
            }
            return changed;
        }

        @Override
        public Gadget unset(Gadget gadget, List<String> propertyNames) {
            PROPERTIES.unset(propertyNames);
            return new Gadget(gadget.name(), gadget.owner(), Optional.empty());
        }

        @Override public Gadget renamed(Gadget gadget, String newName) {
            return new Gadget(newName, gadget.owner(), gadget.comment());
        }

        @Override public Gadget ownedBy(Gadget gadget, String role) {
            return new Gadget(gadget.name(), Optional.of(role), gadget.comment());
        }

        @Override public void insert(Gadget gadget) { stored.put(gadget.name(), gadget); }

        @Override
        public void update(Gadget before, Gadget after) {
            stored.remove(before.name());
            stored.put(after.name(), after);
        }

        @Override public void delete(Gadget gadget) { stored.remove(gadget.name()); }

        @Override
        public void requireRemovable(Actor actor, Gadget gadget, ObjectLifecycle.Removal removal) {
            if (inUse.contains(gadget.name())) {
                throw new FrostgateException(ErrorCode.OBJECT_IN_USE, "Gadget '" + gadget.name() + "' cannot be "
                        + removal.verb() + " because it is in use.");
            }
        }

        @Override
        public void written(Actor actor, Optional<Gadget> before, Gadget after) {
            if (after.comment().equals(Optional.of("LOCKED OUT"))) {
                throw new FrostgateException(ErrorCode.NETWORK_POLICY_LOCKOUT, after.name(), actor.clientAddress());
            }
        }

        @Override
        public boolean mayAlterUnowned(Actor actor, Gadget gadget, List<String> propertyNames) {
            return propertyNames.equals(List.of("COMMENT")) && !actor.userName().isEmpty()
                    && stored.containsKey(gadget.name()) && publicComment;
        }

        boolean publicComment;

        @Override public void changed(Gadget gadget) { published.add(gadget.name()); }
    }

    private final Gadgets gadgets = new Gadgets();
    private final InlineTransactions transactions = new InlineTransactions(gadgets);
    private final ObjectLifecycle<Gadget> lifecycle = new ObjectLifecycle<>(gadgets,
            (actor, owner, kind, name) -> {
                if (!owner.equals(Optional.of(actor.primaryRole()))) {
                    throw AccessControl.insufficient(kind, name);
                }
            }, transactions);

    /** Units of work over the in-memory kind: a unit that throws puts the objects back as they were. */
    private static final class InlineTransactions implements Transactions {
        private final Gadgets gadgets;
        int units;

        InlineTransactions(Gadgets gadgets) {
            this.gadgets = gadgets;
        }

        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            units++;
            Map<String, Gadget> before = new LinkedHashMap<>(gadgets.stored);
            try {
                return work.get();
            } catch (RuntimeException refused) {
                gadgets.stored.clear();
                gadgets.stored.putAll(before);
                throw refused;
            }
        }

        @Override
        public void afterCommit(Runnable action) {
            action.run();
        }
    }

    private static List<PropertySetting> comment(String text) {
        return List.of(new PropertySetting("COMMENT", new PropertyValue.Text(text)));
    }

    private static ErrorCode refused(Runnable command) {
        return assertThrows(FrostgateException.class, command::run).errorCode();
    }

    @Test
    void createIfNotExistsOrReplaceFollowSnowflake() {
        assertThat(lifecycle.create(OWNER, ObjectName.of("G"), comment("first"), false, false)).isTrue();
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("G"), comment("again"), false, false)))
                .isEqualTo(ErrorCode.OBJECT_ALREADY_EXISTS);
        assertThat(lifecycle.create(OWNER, ObjectName.of("G"), comment("skipped"), true, true)).isFalse();
        assertThat(gadgets.stored.get("G").comment()).contains("first");
        assertThat(lifecycle.create(OWNER, ObjectName.of("G"), comment("replaced"), true, false)).isTrue();
        assertThat(gadgets.stored.get("G").comment()).contains("replaced");
        assertThat(gadgets.published).hasSize(2);
    }

    @Test
    void refusedCommandsChangeAndPublishNothing() {
        lifecycle.create(OWNER, ObjectName.of("G"), comment("kept"), false, false);
        gadgets.published.clear();
        assertThat(refused(() -> lifecycle.create(STRANGER, ObjectName.of("G"), comment("x"), true, false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(refused(() -> lifecycle.alterSet(STRANGER, ObjectName.of("G"), comment("x"), false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(refused(() -> lifecycle.alterSet(OWNER, ObjectName.of("G"),
                List.of(new PropertySetting("COLOUR", new PropertyValue.Text("red"))), false)))
                .isEqualTo(ErrorCode.INVALID_PROPERTY);
        gadgets.inUse.add("G");
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("G"), comment("x"), true, false)))
                .isEqualTo(ErrorCode.OBJECT_IN_USE);
        assertThat(refused(() -> lifecycle.drop(OWNER, ObjectName.of("G"), false))).isEqualTo(ErrorCode.OBJECT_IN_USE);
        gadgets.mayCreate = false;
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("H"), comment("x"), false, false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(gadgets.stored).containsOnlyKeys("G");
        assertThat(gadgets.stored.get("G").comment()).contains("kept");
        assertThat(gadgets.published).isEmpty();
    }

    @Test
    void ifExistsMakesAMissingObjectANoOpAndWithoutItA002003() {
        lifecycle.alterSet(OWNER, ObjectName.of("MISSING"), comment("x"), true);
        assertThat(lifecycle.drop(OWNER, ObjectName.of("MISSING"), true)).isFalse();
        FrostgateException missing = assertThrows(FrostgateException.class,
                () -> lifecycle.alterUnset(OWNER, ObjectName.of("MISSING"), List.of("COMMENT"), false));
        assertThat(missing.errorCode()).isEqualTo(ErrorCode.OBJECT_DOES_NOT_EXIST);
        assertThat(missing.getMessage()).contains("Gadget 'MISSING' does not exist or not authorized.");
        assertThat(gadgets.published).isEmpty();
    }

    @Test
    void renameRefusesATakenNameAndTransferHandsOwnershipOver() {
        lifecycle.create(OWNER, ObjectName.of("G"), List.of(), false, false);
        lifecycle.create(OWNER, ObjectName.of("TAKEN"), List.of(), false, false);
        assertThat(refused(() -> lifecycle.rename(OWNER, ObjectName.of("G"), ObjectName.of("TAKEN"), false)))
                .isEqualTo(ErrorCode.OBJECT_ALREADY_EXISTS);
        lifecycle.rename(OWNER, ObjectName.of("G"), ObjectName.of("NEW_NAME"), false);
        assertThat(gadgets.stored).containsOnlyKeys("TAKEN", "NEW_NAME");
        lifecycle.transfer(OWNER, ObjectName.of("NEW_NAME"), "OTHER_ROLE");
        assertThat(refused(() -> lifecycle.drop(OWNER, ObjectName.of("NEW_NAME"), false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(lifecycle.drop(STRANGER, ObjectName.of("NEW_NAME"), false)).isTrue();
        assertThat(gadgets.stored).containsOnlyKeys("TAKEN");
    }

    @Test
    void everyCommandIsOneUnitOfWork() {
        lifecycle.create(OWNER, ObjectName.of("G"), List.of(), false, false);
        lifecycle.alterSet(OWNER, ObjectName.of("G"), comment("x"), false);
        lifecycle.alterUnset(OWNER, ObjectName.of("G"), List.of("COMMENT"), false);
        lifecycle.rename(OWNER, ObjectName.of("G"), ObjectName.of("H"), false);
        lifecycle.transfer(OWNER, ObjectName.of("H"), "OWNER_ROLE");
        lifecycle.drop(OWNER, ObjectName.of("H"), false);
        assertThat(transactions.units).isEqualTo(6);
    }

    @Test
    void aReplacementThatIsRefusedLeavesTheOldObject() {
        lifecycle.create(OWNER, ObjectName.of("G"), comment("kept"), false, false);
        gadgets.published.clear();
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("G"),
                List.of(new PropertySetting("COLOUR", new PropertyValue.Text("red"))), true, false)))
                .isEqualTo(ErrorCode.INVALID_PROPERTY);
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("G"), comment("LOCKED OUT"), true, false)))
                .isEqualTo(ErrorCode.NETWORK_POLICY_LOCKOUT);
        assertThat(gadgets.stored.get("G").comment()).contains("kept");
        assertThat(gadgets.published).isEmpty();
    }

    @Test
    void theKindsRuleAfterAWriteRollsItBack() {
        lifecycle.create(OWNER, ObjectName.of("G"), comment("kept"), false, false);
        gadgets.published.clear();
        assertThat(refused(() -> lifecycle.alterSet(OWNER, ObjectName.of("G"), comment("LOCKED OUT"), false)))
                .isEqualTo(ErrorCode.NETWORK_POLICY_LOCKOUT);
        assertThat(refused(() -> lifecycle.create(OWNER, ObjectName.of("H"), comment("LOCKED OUT"), false, false)))
                .isEqualTo(ErrorCode.NETWORK_POLICY_LOCKOUT);
        assertThat(gadgets.stored).containsOnlyKeys("G");
        assertThat(gadgets.stored.get("G").comment()).contains("kept");
        assertThat(gadgets.published).isEmpty();
    }

    @Test
    void aKindMayLetOthersAlterSomePropertiesButNeverRenameOrDrop() {
        lifecycle.create(OWNER, ObjectName.of("G"), List.of(), false, false);
        gadgets.publicComment = true;
        lifecycle.alterSet(STRANGER, ObjectName.of("G"), comment("public"), false);
        assertThat(gadgets.stored.get("G").comment()).contains("public");
        assertThat(refused(() -> lifecycle.rename(STRANGER, ObjectName.of("G"), ObjectName.of("H"), false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        assertThat(refused(() -> lifecycle.drop(STRANGER, ObjectName.of("G"), false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
        gadgets.publicComment = false;
        assertThat(refused(() -> lifecycle.alterSet(STRANGER, ObjectName.of("G"), comment("x"), false)))
                .isEqualTo(ErrorCode.INSUFFICIENT_PRIVILEGES);
    }

    @Test
    void changesReadTheObjectForChangeAndPublishItUnderItsOldName() {
        lifecycle.create(OWNER, ObjectName.of("G"), List.of(), false, false);
        lifecycle.rename(OWNER, ObjectName.of("G"), ObjectName.of("H"), false);
        lifecycle.drop(OWNER, ObjectName.of("H"), false);
        assertThat(gadgets.readForChange).containsExactly("G", "G", "H");
        assertThat(gadgets.published).containsExactly("G", "G", "H");
    }
}
