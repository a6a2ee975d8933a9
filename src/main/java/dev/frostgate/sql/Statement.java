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

    // ---- programmatic access tokens ----------------------------------------------------------

    /** {@code ALTER USER [IF EXISTS] [u] ADD {PROGRAMMATIC ACCESS TOKEN|PAT} [IF NOT EXISTS] name [props]}. */
    record AddProgrammaticAccessToken(boolean ifExists, Optional<String> user, boolean ifNotExists, String name,
                                      List<Property> properties) implements Statement {}

    /** {@code ALTER USER [IF EXISTS] [u] REMOVE {PROGRAMMATIC ACCESS TOKEN|PAT} [IF EXISTS] name}. */
    record RemoveProgrammaticAccessToken(boolean ifExists, Optional<String> user, boolean tokenIfExists, String name)
            implements Statement {}

    /**
     * {@code ALTER USER [IF EXISTS] [u] MODIFY {PROGRAMMATIC ACCESS TOKEN|PAT} [IF EXISTS] name
     * SET props | UNSET names | RENAME TO new}: exactly one of the three is present.
     */
    record ModifyProgrammaticAccessToken(boolean ifExists, Optional<String> user, boolean tokenIfExists, String name,
                                         List<Property> set, List<String> unset, Optional<String> renameTo)
            implements Statement {}

    /** {@code ALTER USER [IF EXISTS] [u] ROTATE {PROGRAMMATIC ACCESS TOKEN|PAT} [IF EXISTS] name [EXPIRE_ROTATED_TOKEN_AFTER_HOURS = n]}. */
    record RotateProgrammaticAccessToken(boolean ifExists, Optional<String> user, boolean tokenIfExists, String name,
                                         List<Property> properties) implements Statement {}

    /** {@code SHOW USER {PROGRAMMATIC ACCESS TOKENS|PATS} [FOR USER u]}. */
    record ShowProgrammaticAccessTokens(Optional<String> user) implements Statement {}

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

    /** {@code USE DATABASE|SCHEMA|WAREHOUSE name}: the session's current database, schema or warehouse. */
    record UseObject(String kind, String name) implements Statement {}

    record AlterSessionSet(List<Property> parameters) implements Statement {}

    record AlterSessionUnset(List<String> parameterNames) implements Statement {}

    record Begin() implements Statement {}

    record Commit() implements Statement {}

    record Rollback() implements Statement {}

    // ---- schema and account objects: databases, schemas, network rules and policies, ------------
    // ---- authentication / password / session policies, security integrations -----------------

    /** The object kinds that share the generic CREATE / ALTER / DROP / DESCRIBE / SHOW shapes. */
    enum ObjectType {
        DATABASE, SCHEMA, NETWORK_RULE, NETWORK_POLICY, AUTHENTICATION_POLICY, PASSWORD_POLICY, SESSION_POLICY,
        SECURITY_INTEGRATION
    }

    /** {@code CREATE [OR REPLACE] <type> [IF NOT EXISTS] name [prop = value ...]}. */
    record CreateObject(ObjectType type, boolean orReplace, boolean ifNotExists, QualifiedName name,
                        List<Property> properties) implements Statement {}

    /** {@code ALTER <type> [IF EXISTS] name SET prop = value ...}. */
    record AlterObjectSet(ObjectType type, boolean ifExists, QualifiedName name, List<Property> properties)
            implements Statement {}

    /** {@code ALTER <type> [IF EXISTS] name UNSET prop[, prop]}. */
    record AlterObjectUnset(ObjectType type, boolean ifExists, QualifiedName name, List<String> propertyNames)
            implements Statement {}

    /** {@code ALTER <type> [IF EXISTS] name RENAME TO new}. */
    record AlterObjectRename(ObjectType type, boolean ifExists, QualifiedName name, QualifiedName newName)
            implements Statement {}

    /** {@code ALTER NETWORK POLICY name ADD|REMOVE prop = (values)}: adds to or removes from one list. */
    record AlterObjectListChange(ObjectType type, boolean ifExists, QualifiedName name, boolean add, Property change)
            implements Statement {}

    record DropObject(ObjectType type, boolean ifExists, QualifiedName name) implements Statement {}

    record DescribeObject(ObjectType type, QualifiedName name) implements Statement {}

    /**
     * {@code SHOW <types> [LIKE 'p'] [IN ACCOUNT | IN DATABASE [d] | IN SCHEMA [s] | IN s] [ON ACCOUNT | ON USER u]
     * [STARTS WITH 's'] [LIMIT n]}. {@code in} is the database or schema named by the IN clause, if one was;
     * {@code scope} says which IN clause was written at all, so that {@code IN ACCOUNT} differs from no IN,
     * and {@code IN DATABASE d} from {@code IN SCHEMA s}.
     */
    record ShowObjects(ObjectType type, Optional<String> likePattern, Optional<QualifiedName> in,
                       Optional<ShowTarget> on, Optional<String> startsWith, Optional<Long> limit, ShowScope scope)
            implements Statement {
        public ShowObjects {
            if (in.isPresent() && (scope == ShowScope.DEFAULT || scope == ShowScope.ACCOUNT)) {
                throw new IllegalArgumentException("IN " + scope + " names no database or schema");
            }
        }

        /** The scope read from {@code in}: none, {@code IN DATABASE d} for one part, {@code IN SCHEMA d.s} for two. */
        public ShowObjects(ObjectType type, Optional<String> likePattern, Optional<QualifiedName> in,
                           Optional<ShowTarget> on, Optional<String> startsWith, Optional<Long> limit) {
            this(type, likePattern, in, on, startsWith, limit, in.map(name -> name.parts().size() == 1
                    ? ShowScope.DATABASE : ShowScope.SCHEMA).orElse(ShowScope.DEFAULT));
        }
    }

    /**
     * Which IN clause a SHOW had: none (DEFAULT: the command's own default scope), IN ACCOUNT,
     * IN DATABASE [d], or IN SCHEMA [s] (also written IN s). Without a name, DATABASE and SCHEMA mean
     * the session's current database or schema.
     */
    enum ShowScope { DEFAULT, ACCOUNT, DATABASE, SCHEMA }

    /** The {@code ON ...} of SHOW ... POLICIES: the effective policy of the account or of a user. */
    sealed interface ShowTarget {
        record Account() implements ShowTarget {}
        record User(String name) implements ShowTarget {}
    }

    /** {@code ALTER ACCOUNT SET NETWORK_POLICY = p, ...}: account parameters. */
    record AlterAccountSet(List<Property> parameters) implements Statement {}

    record AlterAccountUnset(List<String> parameterNames) implements Statement {}

    /** The policy kinds attached with {@code SET <kind> POLICY name} rather than a property. */
    enum PolicyKind { AUTHENTICATION, PASSWORD, SESSION }

    /** Where a policy is attached: the account (optionally only for one user type) or a user. */
    sealed interface PolicyTarget {
        /** {@code ALTER ACCOUNT ... [FOR ALL PERSON USERS | FOR ALL SERVICE USERS]}; userType PERSON or SERVICE. */
        record Account(Optional<String> userType) implements PolicyTarget {}

        /** {@code ALTER USER [IF EXISTS] [name] ...}; an absent name means the session's user. */
        record User(boolean ifExists, Optional<String> name) implements PolicyTarget {}
    }

    /**
     * {@code ALTER ACCOUNT SET AUTHENTICATION POLICY p [FOR ALL PERSON USERS] [FORCE]},
     * {@code ALTER USER u SET PASSWORD POLICY p [FORCE]} and the like.
     */
    record SetPolicy(PolicyTarget target, PolicyKind kind, QualifiedName policy, boolean force)
            implements Statement {}

    /** {@code ALTER ACCOUNT UNSET AUTHENTICATION POLICY [FOR ALL ...]}, {@code ALTER USER u UNSET SESSION POLICY}. */
    record UnsetPolicy(PolicyTarget target, PolicyKind kind) implements Statement {}

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
