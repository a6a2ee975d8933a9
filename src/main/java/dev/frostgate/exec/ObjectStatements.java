package dev.frostgate.exec;

import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Statement;

/**
 * The SQL door of one family of object kinds (network rules and policies, policies, integrations,
 * databases and schemas): the executor hands every generic object statement to the family that
 * handles its kind. A statement a family does not support answers 000002.
 */
interface ObjectStatements {

    default ResultTable create(SessionContext context, Statement.CreateObject create) {
        throw unsupported("CREATE " + words(create.type()));
    }

    default ResultTable alterSet(SessionContext context, Statement.AlterObjectSet alter) {
        throw unsupported("ALTER " + words(alter.type()));
    }

    default ResultTable alterUnset(SessionContext context, Statement.AlterObjectUnset alter) {
        throw unsupported("ALTER " + words(alter.type()));
    }

    default ResultTable rename(SessionContext context, Statement.AlterObjectRename rename) {
        throw unsupported("ALTER " + words(rename.type()) + " RENAME");
    }

    default ResultTable changeList(SessionContext context, Statement.AlterObjectListChange change) {
        throw unsupported("ALTER " + words(change.type()) + " ADD/REMOVE");
    }

    default ResultTable drop(SessionContext context, Statement.DropObject drop) {
        throw unsupported("DROP " + words(drop.type()));
    }

    default ResultTable describe(SessionContext context, Statement.DescribeObject describe) {
        throw unsupported("DESCRIBE " + words(describe.type()));
    }

    default ResultTable show(SessionContext context, Statement.ShowObjects show) {
        throw unsupported("SHOW " + words(show.type()));
    }

    /** {@code ALTER ACCOUNT | USER SET <kind> POLICY}, for the policy families. */
    default ResultTable setPolicy(SessionContext context, Statement.SetPolicy set) {
        throw unsupported("SET " + set.kind() + " POLICY");
    }

    default ResultTable unsetPolicy(SessionContext context, Statement.UnsetPolicy unset) {
        throw unsupported("UNSET " + unset.kind() + " POLICY");
    }

    /** The family for kinds Frostgate does not implement: every statement answers 000002. */
    ObjectStatements NONE = new ObjectStatements() {};

    private static FrostgateException unsupported(String feature) {
        return new FrostgateException(ErrorCode.UNSUPPORTED_FEATURE, feature);
    }

    private static String words(Statement.ObjectType type) {
        return type.name().replace('_', ' ');
    }
}
