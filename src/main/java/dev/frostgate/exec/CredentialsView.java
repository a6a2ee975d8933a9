package dev.frostgate.exec;

import static dev.frostgate.exec.ResultTable.row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.catalog.ProgrammaticAccessTokenUsage;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SNOWFLAKE.ACCOUNT_USAGE.CREDENTIALS: the account's credentials other than passwords; today the
 * programmatic access tokens (TYPE 'PAT', DOMAIN 'PROGRAMMATIC_ACCESS_TOKEN') and the users' public
 * keys (TYPE and DOMAIN 'KEYPAIR', one row per slot, named PUBLIC_KEY_1 / PUBLIC_KEY_2). Readable with MONITOR on
 * the account, like LOGIN_HISTORY. Never shows a secret or its digest.
 */
final class CredentialsView extends AccountUsageView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Column> COLUMNS = List.of(Column.text("CREDENTIAL_ID"), Column.text("NAME"),
            Column.text("USER_NAME"), Column.text("TYPE"), Column.text("DOMAIN"), Column.text("COMMENT"),
            Column.text("STATUS"), Column.object("ADDITIONAL_DETAILS"), Column.text("CREATED_BY"),
            Column.text("LAST_ALTERED_BY"), Column.timestamp("CREATED_ON"), Column.timestamp("LAST_USED_ON"),
            Column.timestamp("LAST_ALTERED"), Column.timestamp("EXPIRATION_DATE"));

    private final ProgrammaticAccessTokenCatalog tokens;
    private final ProgrammaticAccessTokenUsage usage;
    private final Supplier<List<User>> users;
    private final Clock clock;

    CredentialsView(ProgrammaticAccessTokenCatalog tokens, ProgrammaticAccessTokenUsage usage,
                    Supplier<List<User>> users, AccessControl accessControl, Clock clock, String accountName) {
        super("CREDENTIALS", COLUMNS, accessControl, accountName);
        this.tokens = tokens;
        this.usage = usage;
        this.users = users;
        this.clock = clock;
    }

    @Override
    List<List<Object>> accountRows() {
        Instant now = clock.instant();
        List<List<Object>> rows = new ArrayList<>(tokens.all().stream().map(token -> row(token.id(), token.name(),
                token.userName(), "PAT", "PROGRAMMATIC_ACCESS_TOKEN", token.comment().orElse(null), token.status(now),
                additionalDetails(token), token.createdBy(), token.lastAlteredBy(), token.createdOn(),
                usage.lastUsedOn(token).orElse(null), token.lastAlteredOn(), token.expiresAt())).toList());
        for (User user : users.get()) {
            for (UserPublicKey.Slot slot : UserPublicKey.Slot.values()) {
                user.publicKey(slot).ifPresent(key -> rows.add(keyRow(user, slot, key)));
            }
        }
        return rows;
    }

    /** Who set a key is not recorded, and keys do not expire. */
    private static List<Object> keyRow(User user, UserPublicKey.Slot slot, UserPublicKey key) {
        return row(key.credentialId(), slot.credentialName(), user.name(), "KEYPAIR", "KEYPAIR", null, "ACTIVE",
                json(Map.of("PUBLIC_KEY_FINGERPRINT", key.fingerprint())), null, null, key.setOn(), null, key.setOn(),
                null);
    }

    /** Only what is set: MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT, ROLE_RESTRICTION (an array), ROTATED_TO. */
    private static String additionalDetails(ProgrammaticAccessToken token) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (token.minsToBypassNetworkPolicyRequirement() > 0) {
            details.put("MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT", token.minsToBypassNetworkPolicyRequirement());
        }
        token.roleRestriction().ifPresent(role -> details.put("ROLE_RESTRICTION", List.of(role)));
        token.rotatedTo().ifPresent(live -> details.put("ROTATED_TO", live));
        return json(details);
    }

    private static String json(Map<String, Object> details) {
        try {
            return JSON.writeValueAsString(details);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
