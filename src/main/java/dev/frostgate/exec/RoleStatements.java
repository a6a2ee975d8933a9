package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.catalog.RoleCatalog;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.RoleHierarchy;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** CREATE / DROP / SHOW ROLES, GRANT and REVOKE of roles and privileges, and SHOW GRANTS. */
final class RoleStatements {
    private static final List<Column> SHOW_ROLES_COLUMNS = List.of(Column.timestamp("created_on"),
            Column.text("name"), Column.text("is_default"), Column.text("is_current"), Column.text("is_inherited"),
            Column.number("assigned_to_users"), Column.number("granted_to_roles"), Column.number("granted_roles"),
            Column.text("owner"), Column.text("comment"));
    private static final List<Column> ROLE_GRANT_COLUMNS = List.of(Column.timestamp("created_on"),
            Column.text("role"), Column.text("granted_to"), Column.text("grantee_name"), Column.text("granted_by"));
    private static final List<Column> PRIVILEGE_GRANT_COLUMNS = List.of(Column.timestamp("created_on"),
            Column.text("privilege"), Column.text("granted_on"), Column.text("name"), Column.text("granted_to"),
            Column.text("grantee_name"), Column.text("grant_option"), Column.text("granted_by"));

    private final RoleCatalog roles;
    private final String accountName;

    RoleStatements(RoleCatalog roles, String accountName) {
        this.roles = roles;
        this.accountName = accountName;
    }

    ResultTable create(SessionContext context, Statement.CreateRole create) {
        List<PropertySetting> properties = create.comment()
                .map(comment -> List.of(new PropertySetting("COMMENT", new PropertyValue.Text(comment))))
                .orElse(List.of());
        boolean created = roles.objects().create(context.actor(), ObjectName.of(create.name()), properties,
                create.orReplace(), create.ifNotExists());
        return ResultTable.created("Role", create.name(), created);
    }

    ResultTable drop(SessionContext context, Statement.DropRole drop) {
        boolean dropped = roles.objects().drop(context.actor(), ObjectName.of(drop.name()), drop.ifExists());
        return ResultTable.dropped(drop.name(), dropped);
    }

    ResultTable show(SessionContext context, Statement.ShowRoles show) {
        List<RoleGrant> grants = roles.roleGrants();
        Set<String> current = RoleHierarchy.of(grants).closureOf(context.actor().primaryRole());
        var like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = roles.list().stream()
                .filter(role -> like.map(pattern -> pattern.matches(role.name())).orElse(true))
                .map(role -> row(role.createdOn(), role.name(), "N",
                        role.name().equals(context.actor().primaryRole()) ? "Y" : "N",
                        current.contains(role.name()) && !role.name().equals(context.actor().primaryRole()) ? "Y" : "N",
                        count(grants, role.name(), RoleGrant.GranteeKind.USER),
                        count(grants, role.name(), RoleGrant.GranteeKind.ROLE),
                        grants.stream().filter(grant -> grant.granteeKind() == RoleGrant.GranteeKind.ROLE
                                && grant.grantee().equals(role.name())).count(),
                        role.owner().orElse(""), role.comment().orElse(null)))
                .toList();
        return new ResultTable(SHOW_ROLES_COLUMNS, rows, StatementKind.SHOW);
    }

    ResultTable grantRole(SessionContext context, Statement.GrantRole grant) {
        roles.grantRole(context.actor(), grant.role(), granteeKind(grant.grantee()), grant.grantee().name());
        return ResultTable.success();
    }

    ResultTable revokeRole(SessionContext context, Statement.RevokeRole revoke) {
        roles.revokeRole(context.actor(), revoke.role(), granteeKind(revoke.grantee()), revoke.grantee().name());
        return ResultTable.success();
    }

    ResultTable grantPrivileges(SessionContext context, Statement.GrantPrivileges grant) {
        ObjectKind kind = objectKind(grant.on());
        roles.grantPrivileges(context.actor(), privileges(grant.privileges(), kind), kind, grant.on().name().orElse(""),
                grant.role(), grant.withGrantOption());
        return ResultTable.success();
    }

    ResultTable revokePrivileges(SessionContext context, Statement.RevokePrivileges revoke) {
        ObjectKind kind = objectKind(revoke.on());
        roles.revokePrivileges(context.actor(), privileges(revoke.privileges(), kind), kind,
                revoke.on().name().orElse(""), revoke.role());
        return ResultTable.success();
    }

    ResultTable grantOwnership(SessionContext context, Statement.GrantOwnership grant) {
        roles.grantOwnership(context.actor(), objectKind(grant.on()), grant.on().name().orElse(""), grant.role());
        return ResultTable.success();
    }

    ResultTable showGrants(SessionContext context, Statement.ShowGrants show) {
        return switch (show.scope()) {
            case Statement.GrantsScope.ToUser toUser -> {
                roles.requireUserGrantsVisible(context.actor(), toUser.user());
                yield roleGrantTable(roles.roleGrantsTo(RoleGrant.GranteeKind.USER, toUser.user()));
            }
            case Statement.GrantsScope.OfRole ofRole -> {
                roles.requireRoleGrantsVisible(context.actor(), ofRole.role());
                yield roleGrantTable(roles.roleGrantsOf(ofRole.role()));
            }
            case Statement.GrantsScope.ToRole toRole -> {
                roles.requireRoleGrantsVisible(context.actor(), toRole.role());
                yield grantsToRole(roles.requireExisting(toRole.role()));
            }
            case Statement.GrantsScope.OnAccount onAccount -> {
                roles.requireObjectGrantsVisible(context.actor(), ObjectKind.ACCOUNT, "");
                yield privilegeTable(roles.privilegeGrantsOn(ObjectKind.ACCOUNT, ""), List.of());
            }
            case Statement.GrantsScope.OnObject onObject -> {
                ObjectKind kind = objectKind(onObject.object());
                String name = onObject.object().name().orElse("");
                roles.requireObjectGrantsVisible(context.actor(), kind, name);
                yield grantsOnObject(kind, name);
            }
        };
    }

    /** Privileges held by the role, and the roles granted to it (as USAGE on ROLE, as Snowflake shows them). */
    private ResultTable grantsToRole(Role role) {
        List<PrivilegeGrant> privileges = roles.privilegeGrantsTo(role.name());
        List<List<Object>> usage = roles.roleGrantsTo(RoleGrant.GranteeKind.ROLE, role.name()).stream()
                .map(grant -> row(grant.createdOn(), "USAGE", "ROLE", grant.role(), "ROLE", role.name(), "false",
                        grant.grantedBy()))
                .toList();
        return privilegeTable(privileges, usage);
    }

    private ResultTable grantsOnObject(ObjectKind kind, String name) {
        List<List<Object>> ownership = new ArrayList<>();
        if (kind == ObjectKind.ROLE) {
            Role role = roles.requireExisting(name);
            role.owner().ifPresent(owner -> ownership.add(row(role.createdOn(), "OWNERSHIP", "ROLE", name, "ROLE",
                    owner, "true", owner)));
        }
        return privilegeTable(roles.privilegeGrantsOn(kind, name), ownership);
    }

    private ResultTable privilegeTable(List<PrivilegeGrant> grants, List<List<Object>> extraRows) {
        List<List<Object>> rows = new ArrayList<>(extraRows);
        grants.stream().sorted(NameOrder.by((PrivilegeGrant grant) -> grant.privilege().displayName()))
                .forEach(grant -> rows.add(row(grant.createdOn(), grant.privilege().displayName(),
                        grant.objectKind().name(),
                grant.objectKind() == ObjectKind.ACCOUNT ? accountName : grant.objectName(), "ROLE", grant.role(),
                Values.bool(grant.grantOption()), grant.grantedBy())));
        return new ResultTable(PRIVILEGE_GRANT_COLUMNS, rows, StatementKind.SHOW);
    }

    private static ResultTable roleGrantTable(List<RoleGrant> grants) {
        List<List<Object>> rows = grants.stream().sorted(NameOrder.by(RoleGrant::role))
                .map(grant -> row(grant.createdOn(), grant.role(), grant.granteeKind().name(), grant.grantee(),
                        grant.grantedBy()))
                .toList();
        return new ResultTable(ROLE_GRANT_COLUMNS, rows, StatementKind.SHOW);
    }

    private static long count(List<RoleGrant> grants, String role, RoleGrant.GranteeKind kind) {
        return grants.stream().filter(grant -> grant.role().equals(role) && grant.granteeKind() == kind).count();
    }

    /**
     * The privileges a GRANT or REVOKE names, as Snowflake spells them; ALL is every privilege the kind
     * accepts. Whether the kind accepts each named one is the catalog's rule.
     */
    private static List<Privilege> privileges(List<String> names, ObjectKind kind) {
        if (names.equals(List.of("ALL"))) {
            return kind.privileges();
        }
        return names.stream().map(name -> {
            if (name.equals("OWNERSHIP")) {
                throw new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE,
                        "GRANT OWNERSHIP with other privileges; use GRANT OWNERSHIP ON " + kind + " … TO ROLE");
            }
            return Privilege.named(name)
                    .orElseThrow(() -> new FrostgateException(ErrorCode.INVALID_PROPERTY, name, kind.name()));
        }).toList();
    }

    private static RoleGrant.GranteeKind granteeKind(Statement.Grantee grantee) {
        return grantee.kind() == Statement.GranteeKind.USER ? RoleGrant.GranteeKind.USER : RoleGrant.GranteeKind.ROLE;
    }

    private static ObjectKind objectKind(Statement.SecurableObject object) {
        return ObjectKind.parse(object.kind())
                .orElseThrow(() -> new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, "GRANT ON " + object.kind()));
    }
}
