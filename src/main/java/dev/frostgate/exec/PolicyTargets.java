package dev.frostgate.exec;

import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.UserCatalog;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;

/** Turns the target of {@code ALTER ACCOUNT | USER … SET/UNSET <kind> POLICY} into an attachment target. */
final class PolicyTargets {
    private final UserCatalog users;

    PolicyTargets(UserCatalog users) {
        this.users = users;
    }

    /** An attachment target; {@code exists} is false when ALTER USER IF EXISTS named no user (a no-op). */
    record Target(PolicyAttachment.TargetKind kind, String name, boolean exists) {}

    Target resolve(SessionContext context, Statement.PolicyTarget target) {
        return switch (target) {
            case Statement.PolicyTarget.Account account -> new Target(account.userType()
                    .map(type -> type.equals("PERSON") ? PolicyAttachment.TargetKind.PERSON_USERS
                            : PolicyAttachment.TargetKind.SERVICE_USERS)
                    .orElse(PolicyAttachment.TargetKind.ACCOUNT), PolicyAttachment.ACCOUNT_TARGET, true);
            case Statement.PolicyTarget.User user -> {
                String name = user.name().orElse(context.actor().userName());
                if (users.find(name).isPresent()) {
                    yield new Target(PolicyAttachment.TargetKind.USER, name, true);
                }
                if (user.ifExists()) {
                    yield new Target(PolicyAttachment.TargetKind.USER, name, false);
                }
                throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "User", name);
            }
        };
    }
}
