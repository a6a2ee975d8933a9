package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.PolicyReferences;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.sql.Expression;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code TABLE([db.]INFORMATION_SCHEMA.POLICY_REFERENCES(POLICY_NAME => 'p'))} or
 * {@code (REF_ENTITY_DOMAIN => 'USER' | 'ACCOUNT', REF_ENTITY_NAME => 'name')}.
 */
final class PolicyReferencesFunction {
    static final List<Column> COLUMNS = List.of(Column.text("POLICY_DB"), Column.text("POLICY_SCHEMA"),
            Column.text("POLICY_NAME"), Column.text("POLICY_KIND"), Column.text("REF_DATABASE_NAME"),
            Column.text("REF_SCHEMA_NAME"), Column.text("REF_ENTITY_NAME"), Column.text("REF_ENTITY_DOMAIN"),
            Column.text("REF_COLUMN_NAME"), Column.text("REF_ARG_COLUMN_NAMES"), Column.text("TAG_DATABASE"),
            Column.text("TAG_SCHEMA"), Column.text("TAG_NAME"), Column.text("POLICY_STATUS"));

    private final PolicyReferences references;

    PolicyReferencesFunction(PolicyReferences references) {
        this.references = references;
    }

    static boolean isCalledBy(List<String> nameParts) {
        int size = nameParts.size();
        return size >= 2 && nameParts.get(size - 1).equals("POLICY_REFERENCES")
                && nameParts.get(size - 2).equals("INFORMATION_SCHEMA");
    }

    List<List<Object>> rows(SessionContext context, Expression.FunctionCall call) {
        Map<String, String> arguments = new HashMap<>();
        for (Expression.NamedArgument argument : call.namedArguments()) {
            if (!(argument.value() instanceof Expression.StringLiteral literal)) {
                throw new FrostgateException(ErrorCode.INVALID_ARGUMENT,
                        "POLICY_REFERENCES argument " + argument.name() + " must be a string.");
            }
            arguments.put(argument.name(), literal.value());
        }
        String policyName = arguments.get("POLICY_NAME");
        String domain = arguments.get("REF_ENTITY_DOMAIN");
        String entity = arguments.get("REF_ENTITY_NAME");
        if (!call.arguments().isEmpty() || (policyName == null) == (domain == null) || (domain == null) != (entity == null)) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT, "POLICY_REFERENCES takes POLICY_NAME => '<name>', "
                    + "or REF_ENTITY_DOMAIN => 'USER'|'ACCOUNT' with REF_ENTITY_NAME => '<name>'.");
        }
        return references.all(context.actor()).stream()
                .filter(reference -> policyName == null || reference.policyName().equals(identifier(policyName)))
                .filter(reference -> domain == null || (reference.entityDomain().equalsIgnoreCase(domain)
                        && reference.entityName().equals(identifier(entity))))
                .map(reference -> row(reference.policyDatabase().orElse(null), reference.policySchema().orElse(null),
                        reference.policyName(), reference.policyKind(), null, null, reference.entityName(),
                        reference.entityDomain(), null, null, null, null, null, "ACTIVE"))
                .toList();
    }

    /** Names passed as strings follow identifier rules: the last dotted part, upper-cased unless quoted. */
    private static String identifier(String text) {
        String last = text.substring(text.lastIndexOf('.') + 1).trim();
        return last.startsWith("\"") && last.endsWith("\"") && last.length() > 1
                ? last.substring(1, last.length() - 1) : last.toUpperCase(Locale.ROOT);
    }
}
