package dev.frostgate.exec;

import dev.frostgate.catalog.AccountSettings;
import dev.frostgate.sql.Statement;

/** ALTER ACCOUNT SET / UNSET: the SQL door of {@link AccountSettings}. */
final class AccountStatements {
    private final AccountSettings settings;

    AccountStatements(AccountSettings settings) {
        this.settings = settings;
    }

    ResultTable set(SessionContext context, Statement.AlterAccountSet set) {
        settings.set(context.actor(), SqlProperties.settings(set.parameters()));
        return ResultTable.success();
    }

    ResultTable unset(SessionContext context, Statement.AlterAccountUnset unset) {
        settings.unset(context.actor(), unset.parameterNames());
        return ResultTable.success();
    }
}
