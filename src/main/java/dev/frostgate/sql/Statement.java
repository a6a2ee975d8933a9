package dev.frostgate.sql;

import java.util.List;
import java.util.Optional;

/**
 * The parsed form of one SQL statement of Frostgate's dialect. Names are already normalised by
 * Snowflake's identifier rules: unquoted identifiers upper-cased, quoted ones kept exactly.
 */
public sealed interface Statement {

    // ---- users -------------------------------------------------------------------------------

    record CreateUser(boolean orReplace, boolean ifNotExists, String name, List<Property> properties)
            implements Statement {}

    /** {@code ALTER USER [IF EXISTS] [name] SET ...}; an absent name means the session's user. */
    record AlterUserSet(boolean ifExists, Optional<String> name, List<Property> properties) implements Statement {}

    record AlterUserUnset(boolean ifExists, Optional<String> name, List<String> propertyNames) implements Statement {}

    record AlterUserRename(boolean ifExists, String name, String newName) implements Statement {}

    record DropUser(boolean ifExists, String name) implements Statement {}

    record DescribeUser(String name) implements Statement {}

    record ShowUsers(Optional<String> likePattern, Optional<String> startsWith, Optional<Long> limit)
            implements Statement {}

    // ---- roles and grants --------------------------------------------------------------------

    record CreateRole(boolean orReplace, boolean ifNotExists, String name, Optional<String> comment)
            implements Statement {}

    record DropRole(boolean ifExists, String name) implements Statement {}

    record ShowRoles(Optional<String> likePattern) implements Statement {}

    record GrantRole(String role, Grantee grantee) implements Statement {}

    record RevokeRole(String role, Grantee grantee) implements Statement {}

    /** {@code GRANT <privilege>[, ...] ON <object> TO ROLE r [WITH GRANT OPTION]}. */
    record GrantPrivileges(List<String> privileges, SecurableObject on, String role, boolean withGrantOption)
            implements Statement {}

    record RevokePrivileges(List<String> privileges, SecurableObject on, String role) implements Statement {}

    /** {@code GRANT OWNERSHIP ON {USER|ROLE} name TO ROLE r [COPY|REVOKE CURRENT GRANTS]}. */
    record GrantOwnership(SecurableObject on, String role) implements Statement {}

    record ShowGrants(GrantsScope scope) implements Statement {}

    // ---- session -----------------------------------------------------------------------------

    record UseRole(String role) implements Statement {}

    /** {@code USE SECONDARY ROLES ALL | NONE}. */
    record UseSecondaryRoles(boolean all) implements Statement {}

    /** {@code USE DATABASE|SCHEMA|WAREHOUSE name}: accepted so that client tools can set context. */
    record UseObject(String kind, String name) implements Statement {}

    record AlterSessionSet(List<Property> parameters) implements Statement {}

    record AlterSessionUnset(List<String> parameterNames) implements Statement {}

    record Begin() implements Statement {}

    record Commit() implements Statement {}

    record Rollback() implements Statement {}

    // ---- queries -----------------------------------------------------------------------------

    record Select(Query query) implements Statement {}

    // ---- shared parts ------------------------------------------------------------------------

    enum GranteeKind { USER, ROLE }

    record Grantee(GranteeKind kind, String name) {}

    /** The object a privilege is granted on: ACCOUNT (no name), or a kind such as USER, ROLE, INTEGRATION. */
    record SecurableObject(String kind, Optional<String> name) {
        public static SecurableObject account() {
            return new SecurableObject("ACCOUNT", Optional.empty());
        }
    }

    /** What SHOW GRANTS lists. */
    sealed interface GrantsScope {
        record ToUser(String user) implements GrantsScope {}
        record ToRole(String role) implements GrantsScope {}
        record OfRole(String role) implements GrantsScope {}
        record OnAccount() implements GrantsScope {}
        record OnObject(SecurableObject object) implements GrantsScope {}
    }
}
