package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.catalog.UserProperty;
import dev.frostgate.catalog.UserPublicKey;
import dev.frostgate.catalog.property.ObjectName;
import dev.frostgate.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** CREATE / ALTER / DROP / DESCRIBE USER and SHOW USERS. */
final class UserStatements {
    private static final List<Column> SHOW_USERS_COLUMNS = List.of(Column.text("name"), Column.timestamp("created_on"),
            Column.text("login_name"), Column.text("display_name"), Column.text("first_name"),
            Column.text("last_name"), Column.text("email"), Column.number("mins_to_unlock"),
            Column.text("days_to_expiry"), Column.text("comment"), Column.text("disabled"),
            Column.text("must_change_password"), Column.text("snowflake_lock"), Column.text("default_warehouse"),
            Column.text("default_namespace"), Column.text("default_role"), Column.text("default_secondary_roles"),
            Column.text("ext_authn_duo"), Column.text("ext_authn_uid"), Column.number("mins_to_bypass_mfa"),
            Column.text("owner"), Column.timestamp("last_success_login"), Column.timestamp("expires_at_time"),
            Column.timestamp("locked_until_time"), Column.text("has_password"), Column.text("has_rsa_public_key"),
            Column.text("type"), Column.text("has_mfa"));
    private static final List<Column> DESCRIBE_COLUMNS = List.of(Column.text("property"), Column.text("value"),
            Column.text("default"), Column.text("description"));

    private final UserCatalog users;
    private final Clock clock;

    UserStatements(UserCatalog users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    ResultTable create(SessionContext context, Statement.CreateUser create) {
        boolean created = users.objects().create(context.actor(), ObjectName.of(create.name()),
                SqlProperties.settings(create.properties()), create.orReplace(), create.ifNotExists());
        return ResultTable.created("User", create.name(), created);
    }

    /** ALTER USER without a name changes the current user. */
    ResultTable alterSet(SessionContext context, Statement.AlterUserSet alter) {
        users.objects().alterSet(context.actor(), ObjectName.of(alter.name().orElse(context.actor().userName())),
                SqlProperties.settings(alter.properties()), alter.ifExists());
        return ResultTable.success();
    }

    ResultTable alterUnset(SessionContext context, Statement.AlterUserUnset alter) {
        users.objects().alterUnset(context.actor(), ObjectName.of(alter.name().orElse(context.actor().userName())),
                alter.propertyNames(), alter.ifExists());
        return ResultTable.success();
    }

    ResultTable rename(SessionContext context, Statement.AlterUserRename rename) {
        users.objects().rename(context.actor(), ObjectName.of(rename.name()), ObjectName.of(rename.newName()),
                rename.ifExists());
        return ResultTable.success();
    }

    ResultTable drop(SessionContext context, Statement.DropUser drop) {
        boolean dropped = users.objects().drop(context.actor(), ObjectName.of(drop.name()), drop.ifExists());
        return ResultTable.dropped(drop.name(), dropped);
    }

    ResultTable describe(SessionContext context, Statement.DescribeUser describe) {
        User user = users.describe(context.actor(), describe.name());
        Instant now = clock.instant();
        List<List<Object>> rows = new ArrayList<>();
        for (UserProperty property : UserProperty.values()) {
            rows.add(row(property.name(), describedValue(user, property, now), property.defaultValue(),
                    property.description()));
        }
        return new ResultTable(DESCRIBE_COLUMNS, rows, StatementKind.DESCRIBE);
    }

    ResultTable show(SessionContext context, Statement.ShowUsers show) {
        Instant now = clock.instant();
        var like = show.likePattern().map(NamePattern::caseInsensitive);
        List<List<Object>> rows = users.visibleUsers(context.actor()).stream()
                .filter(user -> like.map(pattern -> pattern.matches(user.name())).orElse(true))
                .filter(user -> show.startsWith().map(prefix -> user.name().startsWith(prefix)).orElse(true))
                .limit(show.limit().orElse(Long.MAX_VALUE))
                .map(user -> showRow(user, now)).toList();
        return new ResultTable(SHOW_USERS_COLUMNS, rows, StatementKind.SHOW);
    }

    private static List<Object> showRow(User user, Instant now) {
        return row(user.name(), user.createdOn(), user.loginName(), user.displayName().orElse(user.name()),
                user.firstName().orElse(null), user.lastName().orElse(null), user.email().orElse(null),
                Values.minutesUntil(user.lockedUntil(), now), Values.daysUntil(user.expiresAt(), now),
                user.comment().orElse(null), Values.bool(user.disabled()), Values.bool(user.mustChangePassword()),
                "false", null, null, user.defaultRole().orElse(null), user.defaultSecondaryRoles().display(), "false",
                null, null, user.owner().orElse(null), user.lastSuccessLogin().orElse(null),
                user.expiresAt().orElse(null), user.lockedUntil().filter(now::isBefore).orElse(null),
                Values.bool(user.hasPassword()), Values.bool(user.hasPublicKey()), user.type().name(), "false");
    }

    /** DESCRIBE USER values; the password is shown only as a mask. */
    private static String describedValue(User user, UserProperty property, Instant now) {
        return switch (property) {
            case NAME -> user.name();
            case COMMENT -> Values.text(user.comment());
            case DISPLAY_NAME -> user.displayName().orElse(user.name());
            case TYPE -> user.type().name();
            case LOGIN_NAME -> user.loginName();
            case FIRST_NAME -> Values.text(user.firstName());
            case LAST_NAME -> Values.text(user.lastName());
            case EMAIL -> Values.text(user.email());
            case PASSWORD -> user.hasPassword() ? "********" : "null";
            case MUST_CHANGE_PASSWORD -> Values.bool(user.mustChangePassword());
            case DISABLED -> Values.bool(user.disabled());
            case DAYS_TO_EXPIRY -> String.valueOf(Values.daysUntil(user.expiresAt(), now));
            case MINS_TO_UNLOCK -> String.valueOf(Values.minutesUntil(user.lockedUntil(), now));
            case DEFAULT_ROLE -> Values.text(user.defaultRole());
            case DEFAULT_SECONDARY_ROLES -> user.defaultSecondaryRoles().display();
            case NETWORK_POLICY -> Values.text(user.networkPolicy());
            case PASSWORD_LAST_SET_TIME -> Values.text(user.passwordLastSet());
            case RSA_PUBLIC_KEY -> Values.text(user.rsaPublicKey().map(UserPublicKey::encoded));
            case RSA_PUBLIC_KEY_FP -> Values.text(user.rsaPublicKey().map(UserPublicKey::fingerprint));
            case RSA_PUBLIC_KEY_2 -> Values.text(user.rsaPublicKey2().map(UserPublicKey::encoded));
            case RSA_PUBLIC_KEY_2_FP -> Values.text(user.rsaPublicKey2().map(UserPublicKey::fingerprint));
        };
    }
}
