package dev.frostgate.catalog;

import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValues;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Roles and grants: creating and dropping roles, granting roles and privileges, ownership transfer. */
public final class RoleCatalog {
    private final RoleRepository roles;
    private final UserCatalog users;
    private final NamespaceCatalog namespaces;
    private final AccessControl accessControl;
    private final SecurityIntegrationCatalog integrations;
    private final ChangeFeed changes;
    private final Transactions transactions;
    private final Clock clock;
    private final String accountName;
    private final ObjectLifecycle<Role> lifecycle;

    public RoleCatalog(RoleRepository roles, UserCatalog users, NamespaceCatalog namespaces,
                       AccessControl accessControl, SecurityIntegrationCatalog integrations, ChangeFeed changes,
                       Transactions transactions, Clock clock, String accountName) {
        this.roles = roles;
        this.transactions = transactions;
        this.changes = changes;
        this.integrations = integrations;
        this.users = users;
        this.namespaces = namespaces;
        this.accessControl = accessControl;
        this.clock = clock;
        this.accountName = accountName;
        this.lifecycle = new ObjectLifecycle<>(new Lifecycle(), accessControl::requireOwnership, transactions);
    }

    /** CREATE [OR REPLACE] [IF NOT EXISTS], GRANT OWNERSHIP and DROP of roles: the shared object lifecycle. */
    public ObjectLifecycle<Role> objects() {
        return lifecycle;
    }

    public List<Role> list() {
        return roles.list();
    }

    public Role requireExisting(String name) {
        return roles.find(name).orElseThrow(() -> notFound(name));
    }

    public void grantRole(Actor actor, String role, RoleGrant.GranteeKind granteeKind, String grantee) {
        Role granted = requireExisting(role);
        requireOwnership(actor, granted);
        requireGrantee(granteeKind, grantee);
        if (granteeKind == RoleGrant.GranteeKind.ROLE && accessControl.hierarchy().closureOf(role).contains(grantee)) {
            throw new FrostgateException(ErrorCode.ROLE_GRANT_CYCLE, role, grantee);
        }
        roles.insertRoleGrant(new RoleGrant(role, granteeKind, grantee, actor.primaryRole(), clock.instant()));
        changes.publish(new Change.GrantsChanged());
    }

    public void revokeRole(Actor actor, String role, RoleGrant.GranteeKind granteeKind, String grantee) {
        Role granted = requireExisting(role);
        requireOwnership(actor, granted);
        requireGrantee(granteeKind, grantee);
        roles.deleteRoleGrant(role, granteeKind, grantee);
        changes.publish(new Change.GrantsChanged());
    }

    /** GRANT: each privilege must be one the kind accepts ({@link ObjectKind#privileges()} for ALL). */
    public void grantPrivileges(Actor actor, List<Privilege> privileges, ObjectKind kind, String objectName,
                                String role, boolean grantOption) {
        transactions.runInTransaction(() -> grantPrivilegesInTransaction(actor, privileges, kind, objectName, role,
                grantOption));
    }

    private void grantPrivilegesInTransaction(Actor actor, List<Privilege> privileges, ObjectKind kind,
                                              String objectName, String role, boolean grantOption) {
        requireExisting(role);
        requireTarget(kind, objectName);
        requireAccepted(privileges, kind);
        requirePrivilegeAuthority(actor, kind, objectName);
        for (Privilege privilege : privileges) {
            roles.insertPrivilegeGrant(new PrivilegeGrant(privilege, kind, objectName, role, grantOption,
                    actor.primaryRole(), clock.instant()));
        }
        changes.publish(new Change.GrantsChanged());
    }

    public void revokePrivileges(Actor actor, List<Privilege> privileges, ObjectKind kind, String objectName,
                                 String role) {
        transactions.runInTransaction(() -> revokePrivilegesInTransaction(actor, privileges, kind, objectName, role));
    }

    private void revokePrivilegesInTransaction(Actor actor, List<Privilege> privileges, ObjectKind kind,
                                               String objectName, String role) {
        requireExisting(role);
        requireAccepted(privileges, kind);
        requirePrivilegeAuthority(actor, kind, objectName);
        for (Privilege privilege : privileges) {
            roles.deletePrivilegeGrant(privilege, kind, objectName, role);
        }
        changes.publish(new Change.GrantsChanged());
    }

    /** GRANT OWNERSHIP ON USER|ROLE: the current owner (or MANAGE GRANTS) hands the object to another role. */
    public void grantOwnership(Actor actor, ObjectKind kind, String objectName, String newOwner) {
        requireExisting(newOwner);
        switch (kind) {
            case USER -> users.objects().transfer(actor, ObjectName.of(objectName), newOwner);
            case ROLE -> lifecycle.transfer(actor, ObjectName.of(objectName), newOwner);
            case INTEGRATION -> integrations.objects().transfer(actor, ObjectName.of(objectName), newOwner);
            default -> throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "OWNERSHIP ON " + kind);
        }
    }

    /** Grants ACCOUNTADMIN to the bootstrap administrator, without a privilege check. */
    public void grantBootstrapRole(String userName) {
        roles.insertRoleGrant(new RoleGrant(SystemRoles.ACCOUNTADMIN, RoleGrant.GranteeKind.USER, userName,
                SystemRoles.ACCOUNTADMIN, clock.instant()));
        changes.publish(new Change.GrantsChanged());
    }

    /** SHOW GRANTS TO USER: the user itself, the user's owner, or a holder of MANAGE GRANTS. */
    public void requireUserGrantsVisible(Actor actor, String userName) {
        User user = users.requireExisting(userName);
        if (!user.name().equals(actor.userName()) && !accessControl.authorization(actor).mayChange(user.owner())) {
            throw AccessControl.insufficient("user", userName);
        }
    }

    /** SHOW GRANTS TO / OF ROLE: a role the actor has active, the role's owner, or MANAGE GRANTS. */
    public void requireRoleGrantsVisible(Actor actor, String roleName) {
        Role role = requireExisting(roleName);
        if (!accessControl.activeRoles(actor).contains(roleName)) {
            requireOwnership(actor, role);
        }
    }

    /** SHOW GRANTS ON ACCOUNT, or on an object: MANAGE GRANTS, or ownership of the object. */
    public void requireObjectGrantsVisible(Actor actor, ObjectKind kind, String objectName) {
        requirePrivilegeAuthority(actor, kind, objectName);
    }

    /** The grant rows SHOW ROLES and SHOW GRANTS list (their visibility is checked by the require… methods). */
    public List<RoleGrant> roleGrants() {
        return roles.roleGrants();
    }

    public List<RoleGrant> roleGrantsTo(RoleGrant.GranteeKind granteeKind, String grantee) {
        return roles.roleGrantsTo(granteeKind, grantee);
    }

    public List<RoleGrant> roleGrantsOf(String role) {
        return roles.roleGrantsOf(role);
    }

    public List<PrivilegeGrant> privilegeGrantsTo(String role) {
        return roles.privilegeGrantsTo(role);
    }

    public List<PrivilegeGrant> privilegeGrantsOn(ObjectKind kind, String objectName) {
        return roles.privilegeGrantsOn(kind, objectName);
    }

    private static void requireAccepted(List<Privilege> privileges, ObjectKind kind) {
        for (Privilege privilege : privileges) {
            if (!kind.accepts(privilege)) {
                throw PropertyValues.unknown(privilege.displayName(), kind.name());
            }
        }
    }

    /** Grants name existing objects; a database or schema is named as written (DB or DB.SCHEMA). */
    private void requireTarget(ObjectKind kind, String objectName) {
        switch (kind) {
            case DATABASE -> namespaces.require(Namespace.Kind.DATABASE, objectName);
            case SCHEMA -> namespaces.require(Namespace.Kind.SCHEMA, objectName);
            case USER -> {
                if (!objectName.isEmpty()) {
                    users.requireExisting(objectName);
                }
            }
            case ROLE -> requireExisting(objectName);
            case INTEGRATION -> integrations.requireExisting(objectName);
            default -> {
                // The account always exists.
            }
        }
    }

    private void requirePrivilegeAuthority(Actor actor, ObjectKind kind, String objectName) {
        Authorization authorization = accessControl.authorization(actor);
        if (authorization.holdsOnAccount(Privilege.MANAGE_GRANTS)) {
            return;
        }
        boolean owner = switch (kind) {
            case USER -> !objectName.isEmpty() && authorization.owns(users.requireExisting(objectName).owner());
            case ROLE -> authorization.owns(requireExisting(objectName).owner());
            case DATABASE -> authorization.owns(namespaces.require(Namespace.Kind.DATABASE, objectName).owner());
            case SCHEMA -> authorization.owns(namespaces.require(Namespace.Kind.SCHEMA, objectName).owner());
            case INTEGRATION -> integrations.isOwnedBy(actor, objectName);
            default -> false;
        };
        if (!owner) {
            throw AccessControl.insufficient(kind == ObjectKind.ACCOUNT ? "account" : kind.name(),
                    kind == ObjectKind.ACCOUNT ? accountName : objectName);
        }
    }

    /** The role's owner (or a role above it) or a holder of MANAGE GRANTS. */
    private void requireOwnership(Actor actor, Role role) {
        accessControl.requireOwnership(actor, role.owner(), "role", role.name());
    }

    private void requireGrantee(RoleGrant.GranteeKind kind, String grantee) {
        if (kind == RoleGrant.GranteeKind.USER) {
            users.requireExisting(grantee);
        } else {
            requireExisting(grantee);
        }
    }

    static FrostgateException notFound(String name) {
        return new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Role", name);
    }

    /**
     * Roles as an {@link ObjectLifecycle} kind. A role has only a COMMENT; its name is referenced by every grant,
     * owner and default role, so it is never renamed. Dropping a role takes the grants of, to and on it along.
     */
    private final class Lifecycle implements ObjectLifecycle.Kind<Role> {
        private static final PropertyModel PROPERTIES = PropertyModel.of("ROLE", PropertyDeclaration.text("COMMENT"));

        @Override
        public String displayName() {
            return "Role";
        }

        @Override
        public Optional<Role> find(String name) {
            return roles.find(name);
        }

        @Override
        public String nameOf(Role role) {
            return role.name();
        }

        @Override
        public Optional<String> ownerOf(Role role) {
            return role.owner();
        }

        @Override
        public void requireMayCreate(Actor actor, ObjectName name) {
            accessControl.requireOnAccount(actor, Privilege.CREATE_ROLE, accountName);
        }

        @Override
        public Role created(Actor actor, ObjectName name, List<PropertySetting> properties) {
            return set(new Role(name.name(), Optional.empty(), Optional.of(actor.primaryRole()), clock.instant()),
                    properties);
        }

        @Override
        public Role set(Role role, List<PropertySetting> properties) {
            Optional<String> comment = PROPERTIES.read(properties).stream().findFirst().map(PropertyModel.Read::value);
            return comment.isEmpty() ? role : new Role(role.name(), comment, role.owner(), role.createdOn());
        }

        @Override
        public Role unset(Role role, List<String> propertyNames) {
            PROPERTIES.unset(propertyNames);
            return new Role(role.name(), Optional.empty(), role.owner(), role.createdOn());
        }

        @Override
        public Role renamed(Role role, String newName) {
            throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "ALTER ROLE RENAME");
        }

        @Override
        public Role ownedBy(Role role, String owner) {
            return new Role(role.name(), role.comment(), Optional.of(owner), role.createdOn());
        }

        @Override
        public void insert(Role role) {
            roles.insert(role);
        }

        @Override
        public void update(Role before, Role after) {
            roles.update(after);
        }

        @Override
        public void delete(Role role) {
            roles.delete(role.name());
        }

        /** The system roles stay: replacing one is a name clash, dropping one is refused as Snowflake does. */
        @Override
        public void requireRemovable(Actor actor, Role role, ObjectLifecycle.Removal removal) {
            if (!SystemRoles.isSystemRole(role.name())) {
                return;
            }
            throw switch (removal) {
                case REPLACED -> new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, role.name());
                case DROPPED -> new FrostgateException(ErrorCode.CANNOT_DROP_SELF,
                        "Cannot drop system role '" + role.name() + "'.");
            };
        }

        @Override
        public void changed(Role role) {
            changes.publish(new Change.GrantsChanged());
        }
    }
}
