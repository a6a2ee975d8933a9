package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of roles and of grants (role grants and privilege grants); implemented by the store. */
public interface RoleRepository {

    Optional<Role> find(String name);

    List<Role> list();

    void insert(Role role);

    /** Writes the role's comment and owner (its name and creation time never change). */
    void update(Role role);

    /** Removes the role, its grants to others, grants of it, and privileges granted to it. */
    boolean delete(String name);

    List<RoleGrant> roleGrants();

    /** Roles granted directly to this user or role. */
    List<RoleGrant> roleGrantsTo(RoleGrant.GranteeKind granteeKind, String grantee);

    /** Grants of this role to users and roles. */
    List<RoleGrant> roleGrantsOf(String role);

    /** Privileges granted to this role. */
    List<PrivilegeGrant> privilegeGrantsTo(String role);

    /** Privileges granted on this object (the account: kind ACCOUNT, empty name). */
    List<PrivilegeGrant> privilegeGrantsOn(ObjectKind kind, String objectName);

    /** Grants of roles to roles (the edges between roles, without those to users). */
    List<RoleGrant> roleGrantsToRoles();

    /** Inserts the grant; returns false if it already existed. */
    boolean insertRoleGrant(RoleGrant grant);

    boolean deleteRoleGrant(String role, RoleGrant.GranteeKind granteeKind, String grantee);

    List<PrivilegeGrant> privilegeGrants();

    boolean insertPrivilegeGrant(PrivilegeGrant grant);

    boolean deletePrivilegeGrant(Privilege privilege, ObjectKind kind, String objectName, String role);
}
