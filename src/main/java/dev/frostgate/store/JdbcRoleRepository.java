package dev.frostgate.store;

import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.RoleRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Roles, role grants and privilege grants. */
public final class JdbcRoleRepository implements RoleRepository {
    private final Jdbc jdbc;

    public JdbcRoleRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    @Override
    public Optional<Role> find(String name) {
        return jdbc.queryOne("SELECT name, comment, owner, created_on FROM roles WHERE name = ?", JdbcRoleRepository::role,
                name);
    }

    @Override
    public List<Role> list() {
        return NameOrder.sorted(jdbc.query("SELECT name, comment, owner, created_on FROM roles",
                JdbcRoleRepository::role), Role::name);
    }

    @Override
    public void insert(Role role) {
        jdbc.update("INSERT INTO roles (name, comment, owner, created_on) VALUES (?,?,?,?)", role.name(),
                role.comment(), role.owner(), role.createdOn());
    }

    @Override
    public void update(Role role) {
        jdbc.update("UPDATE roles SET comment = ?, owner = ? WHERE name = ?", role.comment(), role.owner(), role.name());
    }

    @Override
    public boolean delete(String name) {
        return jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM role_grants WHERE role_name = ? OR (grantee_kind = 'ROLE' "
                    + "AND grantee_name = ?)", name, name);
            Jdbc.update(connection, "DELETE FROM privilege_grants WHERE role_name = ? OR (object_kind = 'ROLE' "
                    + "AND object_name = ?)", name, name);
            return Jdbc.update(connection, "DELETE FROM roles WHERE name = ?", name) > 0;
        });
    }

    /** Grants to users hold the user's id (V27); these read them with the user's current name. */
    private static final String ROLE_GRANTS = "SELECT g.role_name, g.grantee_kind, "
            + UserReferences.name("g.grantee_kind", "g.grantee_name", "grantee_name")
            + ", g.granted_by, g.created_on FROM role_grants g"
            + UserReferences.joinUser("g.grantee_kind", "g.grantee_name")
            + " WHERE " + UserReferences.referenceExists("g.grantee_kind", "g.grantee_name");
    private static final String PRIVILEGE_GRANTS = "SELECT g.privilege, g.object_kind, "
            + UserReferences.name("g.object_kind", "g.object_name", "object_name")
            + ", g.role_name, g.grant_option, g.granted_by, g.created_on FROM privilege_grants g"
            + UserReferences.joinUser("g.object_kind", "g.object_name")
            + " WHERE " + UserReferences.referenceExists("g.object_kind", "g.object_name");

    @Override
    public List<RoleGrant> roleGrants() {
        return jdbc.query(ROLE_GRANTS, JdbcRoleRepository::roleGrant);
    }

    @Override
    public List<RoleGrant> roleGrantsTo(RoleGrant.GranteeKind granteeKind, String grantee) {
        return jdbc.query(ROLE_GRANTS + " AND g.grantee_kind = ? AND g.grantee_name = " + granteeKey(granteeKind, grantee),
                JdbcRoleRepository::roleGrant, granteeKind, grantee);
    }

    @Override
    public List<RoleGrant> roleGrantsOf(String role) {
        return jdbc.query(ROLE_GRANTS + " AND g.role_name = ?", JdbcRoleRepository::roleGrant, role);
    }

    @Override
    public List<PrivilegeGrant> privilegeGrantsTo(String role) {
        return jdbc.query(PRIVILEGE_GRANTS + " AND g.role_name = ?", JdbcRoleRepository::privilegeGrant, role);
    }

    @Override
    public List<PrivilegeGrant> privilegeGrantsOn(ObjectKind kind, String objectName) {
        return jdbc.query(PRIVILEGE_GRANTS + " AND g.object_kind = ? AND g.object_name = " + objectKey(kind, objectName),
                JdbcRoleRepository::privilegeGrant, kind, objectName);
    }

    @Override
    public List<RoleGrant> roleGrantsToRoles() {
        return jdbc.query(ROLE_GRANTS + " AND g.grantee_kind = 'ROLE'", JdbcRoleRepository::roleGrant);
    }

    @Override
    public boolean insertRoleGrant(RoleGrant grant) {
        // The primary key decides: a check before the insert would miss a concurrent, uncommitted grant.
        return jdbc.insertUnlessDuplicate("INSERT INTO role_grants (role_name, grantee_kind, grantee_name, "
                + "granted_by, created_on) VALUES (?,?," + granteeKey(grant.granteeKind(), grant.grantee()) + ",?,?)",
                grant.role(), grant.granteeKind(), grant.grantee(), grant.grantedBy(), grant.createdOn());
    }

    @Override
    public boolean deleteRoleGrant(String role, RoleGrant.GranteeKind granteeKind, String grantee) {
        return jdbc.update("DELETE FROM role_grants WHERE role_name = ? AND grantee_kind = ? AND grantee_name = "
                + granteeKey(granteeKind, grantee), role, granteeKind, grantee) > 0;
    }

    @Override
    public List<PrivilegeGrant> privilegeGrants() {
        return jdbc.query(PRIVILEGE_GRANTS, JdbcRoleRepository::privilegeGrant);
    }

    @Override
    public boolean insertPrivilegeGrant(PrivilegeGrant grant) {
        // The primary key decides: a check before the insert would miss a concurrent, uncommitted grant.
        return jdbc.insertUnlessDuplicate("INSERT INTO privilege_grants (privilege, object_kind, object_name, "
                + "role_name, grant_option, granted_by, created_on) VALUES (?,?,"
                + objectKey(grant.objectKind(), grant.objectName()) + ",?,?,?,?)",
                grant.privilege().displayName(), grant.objectKind(), grant.objectName(), grant.role(),
                grant.grantOption(), grant.grantedBy(), grant.createdOn());
    }

    @Override
    public boolean deletePrivilegeGrant(Privilege privilege, ObjectKind kind, String objectName, String role) {
        return jdbc.update("DELETE FROM privilege_grants WHERE privilege = ? AND object_kind = ? AND object_name = "
                + objectKey(kind, objectName) + " AND role_name = ?", privilege.displayName(), kind, objectName, role) > 0;
    }

    private static String granteeKey(RoleGrant.GranteeKind kind, String grantee) {
        return UserReferences.key(kind == RoleGrant.GranteeKind.USER, grantee);
    }

    private static String objectKey(ObjectKind kind, String objectName) {
        return UserReferences.key(kind == ObjectKind.USER, objectName);
    }

    /** Stored as Snowflake spells it; only grantable privileges are ever written (migrations included). */
    private static Privilege privilege(String stored) {
        return Privilege.named(stored)
                .orElseThrow(() -> new IllegalStateException("unknown privilege in privilege_grants: " + stored));
    }

    private static RoleGrant roleGrant(ResultSet row) throws SQLException {
        return new RoleGrant(row.getString("role_name"), RoleGrant.GranteeKind.valueOf(row.getString("grantee_kind")),
                row.getString("grantee_name"), row.getString("granted_by"), Jdbc.instant(row, "created_on").orElseThrow());
    }

    private static PrivilegeGrant privilegeGrant(ResultSet row) throws SQLException {
        return new PrivilegeGrant(privilege(row.getString("privilege")), ObjectKind.valueOf(row.getString("object_kind")),
                row.getString("object_name"), row.getString("role_name"), row.getBoolean("grant_option"),
                row.getString("granted_by"), Jdbc.instant(row, "created_on").orElseThrow());
    }

    private static Role role(ResultSet row) throws SQLException {
        return new Role(row.getString("name"), Jdbc.text(row, "comment"), Jdbc.text(row, "owner"),
                Jdbc.instant(row, "created_on").orElseThrow());
    }
}
