package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** ALTER USER … ADD / REMOVE PROGRAMMATIC ACCESS TOKEN and SHOW USER PROGRAMMATIC ACCESS TOKENS. */
final class ProgrammaticAccessTokenStatements {
    private static final List<Column> ADD_COLUMNS = List.of(Column.text("token_name"), Column.text("token_secret"));
    private static final List<Column> SHOW_COLUMNS = List.of(Column.text("name"), Column.text("user_name"),
            Column.text("role_restriction"), Column.timestamp("expires_at"), Column.text("status"),
            Column.text("comment"), Column.timestamp("created_on"), Column.text("created_by"),
            Column.number("mins_to_bypass_network_policy_requirement"), Column.text("rotated_to"));

    private final ProgrammaticAccessTokenCatalog tokens;
    private final Clock clock;

    ProgrammaticAccessTokenStatements(ProgrammaticAccessTokenCatalog tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The secret is in the one row returned, with statement type 0x6244 so that JDBC shows it. */
    ResultTable add(SessionContext context, Statement.AddProgrammaticAccessToken add) {
        Optional<ProgrammaticAccessTokenCatalog.IssuedToken> issued = tokens.add(context.actor(),
                add.user().orElse(context.actor().userName()), add.name(), SqlProperties.settings(add.properties()),
                        add.ifNotExists());
        List<List<Object>> rows = issued.map(token -> List.of(row(token.name(), token.secret()))).orElse(List.of());
        return new ResultTable(ADD_COLUMNS, rows, StatementKind.PAT_MANAGEMENT);
    }

    private static final List<Column> ROTATE_COLUMNS = List.of(Column.text("token_name"), Column.text("token_secret"),
            Column.text("rotated_token_name"));

    ResultTable rotate(SessionContext context, Statement.RotateProgrammaticAccessToken rotate) {
        List<List<Object>> rows = tokens.rotate(context.actor(), rotate.user().orElse(context.actor().userName()),
                rotate.name(), SqlProperties.settings(rotate.properties()), rotate.tokenIfExists())
                .map(token -> List.of(row(token.name(), token.secret(), token.rotatedName()))).orElse(List.of());
        return new ResultTable(ROTATE_COLUMNS, rows, StatementKind.PAT_MANAGEMENT);
    }

    ResultTable modify(SessionContext context, Statement.ModifyProgrammaticAccessToken modify) {
        tokens.modify(context.actor(), modify.user().orElse(context.actor().userName()), modify.name(),
                SqlProperties.settings(modify.set()),
                modify.unset(), modify.renameTo(), modify.tokenIfExists());
        return ResultTable.success();
    }

    ResultTable remove(SessionContext context, Statement.RemoveProgrammaticAccessToken remove) {
        boolean removed = tokens.remove(context.actor(), remove.user().orElse(context.actor().userName()),
                remove.name(), remove.tokenIfExists());
        return ResultTable.status(removed ? "Programmatic access token " + remove.name() + " successfully removed."
                : "Statement executed successfully.");
    }

    ResultTable show(SessionContext context, Statement.ShowProgrammaticAccessTokens show) {
        Instant now = clock.instant();
        List<List<Object>> rows = tokens.list(context.actor(), show.user().orElse(context.actor().userName()))
                .stream().map(token -> row(token.name(), token.userName(), token.roleRestriction().orElse(null),
                        token.expiresAt(), token.status(now), token.comment().orElse(null), token.createdOn(),
                        token.createdBy(), (long) token.minsToBypassNetworkPolicyRequirement(),
                        token.rotatedTo().orElse(null)))
                .toList();
        return new ResultTable(SHOW_COLUMNS, rows, StatementKind.SHOW);
    }
}
