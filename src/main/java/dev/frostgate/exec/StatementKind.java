package dev.frostgate.exec;

/**
 * What kind of statement produced a result, as Snowflake's statementTypeId. JDBC decides from it
 * whether rows are shown: DDL results are hidden, so anything returning data must not be DDL.
 */
public enum StatementKind {
    SELECT(0x1000), SHOW(0x4400), DESCRIBE(0x4500), DDL(0x6000), ALTER_SESSION(0x6000), TRANSACTION(0x5000),
    /** ALTER USER … ADD / ROTATE PAT: rows JDBC shows (a DDL type would hide the one-time secret). */
    PAT_MANAGEMENT(0x6244);

    private final long statementTypeId;

    StatementKind(long statementTypeId) {
        this.statementTypeId = statementTypeId;
    }

    public long statementTypeId() {
        return statementTypeId;
    }
}
