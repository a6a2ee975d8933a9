package dev.frostgate.exec;

import java.util.List;

/** A read-only system view queryable with SELECT, such as SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY. */
interface SystemView {

    /** The fully qualified name, upper-cased, e.g. {@code SNOWFLAKE.ACCOUNT_USAGE.LOGIN_HISTORY}. */
    String qualifiedName();

    List<Column> columns();

    /** The rows the session may see; refuses with 003001 when it may see none. */
    List<List<Object>> rows(SessionContext context);
}
