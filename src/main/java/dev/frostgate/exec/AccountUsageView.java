package dev.frostgate.exec;

import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.Privilege;
import java.util.List;

/** A view of SNOWFLAKE.ACCOUNT_USAGE: the whole account's rows, readable with MONITOR on the account. */
abstract class AccountUsageView implements SystemView {
    private final String qualifiedName;
    private final List<Column> columns;
    private final AccessControl accessControl;
    private final String accountName;

    AccountUsageView(String viewName, List<Column> columns, AccessControl accessControl, String accountName) {
        this.qualifiedName = "SNOWFLAKE.ACCOUNT_USAGE." + viewName;
        this.columns = columns;
        this.accessControl = accessControl;
        this.accountName = accountName;
    }

    @Override
    public final String qualifiedName() {
        return qualifiedName;
    }

    @Override
    public final List<Column> columns() {
        return columns;
    }

    @Override
    public final List<List<Object>> rows(SessionContext context) {
        accessControl.requireOnAccount(context.actor(), Privilege.MONITOR, accountName);
        return accountRows();
    }

    abstract List<List<Object>> accountRows();
}
