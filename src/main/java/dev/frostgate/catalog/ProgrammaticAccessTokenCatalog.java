package dev.frostgate.catalog;

import dev.frostgate.catalog.property.InvalidPropertyException;
import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyFailure;
import dev.frostgate.catalog.property.PropertyModel;
import dev.frostgate.catalog.property.PropertySetting;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.crypto.PatSecretCodec;
import dev.frostgate.crypto.TokenDigester;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Adding, removing and listing programmatic access tokens, with Snowflake's rules: names, at most 15
 * live tokens per user, expiry within the PAT policy, a role restriction that is granted (and required
 * for SERVICE users unless the policy says otherwise), and who may manage whose tokens.
 */
public final class ProgrammaticAccessTokenCatalog {
    private static final String OBJECT = "PROGRAMMATIC ACCESS TOKEN";
    private static final String ROLE_RESTRICTION = "ROLE_RESTRICTION";
    private static final String DAYS_TO_EXPIRY = "DAYS_TO_EXPIRY";
    private static final String MINS_TO_BYPASS = "MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT";
    private static final String DISABLED = "DISABLED";
    private static final String COMMENT = "COMMENT";
    private static final int LONGEST_BYPASS_MINUTES = 1440;
    /** What ALTER … MODIFY … SET / UNSET may change (a new bypass lasts at least a minute). */
    private static final PropertyModel MODIFIABLE = PropertyModel.of(OBJECT, PropertyDeclaration.bool(DISABLED, false),
            PropertyDeclaration.integer(MINS_TO_BYPASS, 0, 1, LONGEST_BYPASS_MINUTES),
                    PropertyDeclaration.text(COMMENT));
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAXIMUM_LIVE_TOKENS = 15;

    /** A token just added: the only moment its secret exists outside the client. */
    public record IssuedToken(String name, String secret) {
        @Override
        public String toString() {
            return "IssuedToken[name=" + name + "]";
        }
    }

    private final ProgrammaticAccessTokenRepository repository;
    private final UserCatalog users;
    private final AccessControl accessControl;
    private final AuthenticationPolicyCatalog authenticationPolicies;
    private final NetworkAccess networkAccess;
    private final PatSecretCodec secrets;
    private final TokenDigester digester;
    private final Clock clock;
    private final ChangeFeed changes;
    private final Transactions transactions;
    private final LeakedTokenReports leakReports;

    public ProgrammaticAccessTokenCatalog(ProgrammaticAccessTokenRepository repository, UserCatalog users,
                                          AccessControl accessControl,
                                          AuthenticationPolicyCatalog authenticationPolicies,
                                          NetworkAccess networkAccess, PatSecretCodec secrets,
                                          TokenDigester digester, ChangeFeed changes, Transactions transactions,
                                          Clock clock, String accountName) {
        this.networkAccess = networkAccess;
        this.transactions = transactions;
        this.changes = changes;
        this.repository = repository;
        this.users = users;
        this.accessControl = accessControl;
        this.authenticationPolicies = authenticationPolicies;
        this.secrets = secrets;
        this.digester = digester;
        this.clock = clock;
        this.leakReports = new LeakedTokenReports(repository, accessControl, this::findBySecret, changes, clock,
                accountName);
    }

    private void tokensChanged(String userName) {
        changes.publish(new Change.TokensChanged(userName));
    }

    /** The leaked-token endpoint: see {@link LeakedTokenReports#report}. */
    public LeakedTokenReports.Outcome reportLeaked(Actor actor, List<String> secrets, Optional<String> source) {
        return leakReports.report(actor, secrets, source);
    }

    /** What ADD asks for, validated against the PAT policy. */
    private record Requested(Optional<String> roleRestriction, int days, int minsToBypass, Optional<String> comment) {}

    /**
     * Empty when IF NOT EXISTS found the name taken (no secret is shown then). The properties are
     * validated before the name is looked at, as Snowflake reports an out-of-range expiry even for a
     * name that exists. The count of live tokens and the insert are one unit of work under the user's row
     * lock, so concurrent ADDs for one user take turns and never pass the limit together.
     */
    public Optional<IssuedToken> add(Actor actor, String userName, String tokenName, List<PropertySetting> properties,
                                     boolean ifNotExists) {
        return transactions.inTransaction(() -> addInTransaction(actor, userName, tokenName, properties, ifNotExists));
    }

    private Optional<IssuedToken> addInTransaction(Actor actor, String userName, String tokenName,
                                                   List<PropertySetting> properties, boolean ifNotExists) {
        User user = users.requireLocked(userName);
        requireManagement(actor, user);
        String name = normalisedName(tokenName);
        AuthenticationPolicy policy = authenticationPolicies.effectivePolicy(Optional.of(user)).policy();
        Requested requested = requested(properties, policy.patPolicy());
        if (repository.find(user.name(), name).isPresent()) {
            if (ifNotExists) {
                return Optional.empty();
            }
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, name);
        }
        Instant now = clock.instant();
        long live = repository.forUser(user.name()).stream().filter(token -> now.isBefore(token.expiresAt())).count();
        if (live >= MAXIMUM_LIVE_TOKENS) {
            throw new FrostgateException(ErrorCode.TOO_MANY_TOKENS, user.name(), MAXIMUM_LIVE_TOKENS);
        }
        requireIssuable(user, policy, requested.roleRestriction());
        String secret = secrets.newSecret();
        repository.insert(new ProgrammaticAccessToken(UUID.randomUUID().toString(), user.name(), name,
                digester.digest(secret), requested.roleRestriction(), now.plus(Duration.ofDays(requested.days())), now,
                actor.userName(), requested.comment(), false, requested.minsToBypass(),
                bypassUntil(now, requested.minsToBypass()), Optional.empty(), now, actor.userName(), Optional.empty()));
        return Optional.of(new IssuedToken(name, secret));
    }

    private static Requested requested(List<PropertySetting> properties, AuthenticationPolicy.PatPolicy patPolicy) {
        Optional<String> roleRestriction = Optional.empty();
        int days = patPolicy.defaultExpiryInDays();
        int minsToBypass = 0;
        Optional<String> comment = Optional.empty();
        PropertyModel model = PropertyModel.of(OBJECT, PropertyDeclaration.name(ROLE_RESTRICTION),
                PropertyDeclaration.integer(DAYS_TO_EXPIRY, days, 1, patPolicy.maxExpiryInDays()),
                PropertyDeclaration.integer(MINS_TO_BYPASS, 0, 0, LONGEST_BYPASS_MINUTES),
                PropertyDeclaration.text(COMMENT));
        for (PropertyModel.Read property : model.read(properties)) {
            switch (property.name()) {
                case ROLE_RESTRICTION -> roleRestriction = Optional.of(roleName(property.value()));
                case DAYS_TO_EXPIRY -> days = Integer.parseInt(property.value());
                case MINS_TO_BYPASS -> minsToBypass = Integer.parseInt(property.value());
                default -> comment = Optional.of(property.value());
            }
        }
        return new Requested(roleRestriction, days, minsToBypass, comment);
    }

    /**
     * The authentication policy must allow tokens; under ENFORCED_REQUIRED a SERVICE user needs a
     * network policy; the role restriction is required by the policy's user-type rule, must be granted
     * and must not be blocked.
     */
    private void requireIssuable(User user, AuthenticationPolicy policy, Optional<String> roleRestriction) {
        if (!policy.allowsMethod("PROGRAMMATIC_ACCESS_TOKEN")) {
            throw new FrostgateException(ErrorCode.TOKENS_NOT_ALLOWED_BY_POLICY, user.name());
        }
        AuthenticationPolicy.PatPolicy patPolicy = policy.patPolicy();
        if (user.type() != UserType.PERSON && patPolicy.requiresNetworkPolicy()
                && networkAccess.effectivePolicy(Optional.of(user)).isEmpty()) {
            throw new FrostgateException(ErrorCode.NETWORK_POLICY_REQUIRED_FOR_TOKEN, user.name());
        }
        if (roleRestriction.isEmpty() && patPolicy.requiresRoleRestriction(user.type())) {
            throw new FrostgateException(ErrorCode.ROLE_RESTRICTION_REQUIRED, user.type());
        }
        if (roleRestriction.isPresent()) {
            String role = roleRestriction.get();
            if (!accessControl.hierarchy().isGrantedToUser(role, user.name())) {
                throw new FrostgateException(ErrorCode.ROLE_NOT_ASSIGNED, role);
            }
            if (patPolicy.blockedRolesList().contains(role)) {
                throw new FrostgateException(ErrorCode.ROLE_BLOCKED_FOR_TOKENS, role);
            }
        }
    }

    public boolean remove(Actor actor, String userName, String tokenName, boolean ifExists) {
        User user = users.requireExisting(userName);
        requireManagement(actor, user);
        requireNotTokenSession(actor);
        String name = normalisedName(tokenName);
        boolean removed = repository.delete(user.name(), name);
        tokensChanged(user.name());
        if (!removed && !ifExists) {
            throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Programmatic access token", name);
        }
        return removed;
    }

    /**
     * MODIFY … SET DISABLED | MINS_TO_BYPASS_NETWORK_POLICY_REQUIREMENT | COMMENT, UNSET of those, or
     * RENAME TO. The role restriction and the expiry never change.
     */
    public void modify(Actor actor, String userName, String tokenName, List<PropertySetting> set, List<String> unset,
                       Optional<String> renameTo, boolean ifExists) {
        User user = users.requireExisting(userName);
        requireManagement(actor, user);
        requireNotTokenSession(actor);
        String name = normalisedName(tokenName);
        Optional<ProgrammaticAccessToken> found = repository.find(user.name(), name);
        if (found.isEmpty()) {
            if (ifExists) {
                return;
            }
            throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Programmatic access token", name);
        }
        ProgrammaticAccessToken token = found.get();
        boolean disabled = token.disabled();
        int minsToBypass = token.minsToBypassNetworkPolicyRequirement();
        Optional<Instant> bypassUntil = token.bypassUntil();
        Instant now = clock.instant();
        Optional<String> comment = token.comment();
        for (PropertyModel.Read property : MODIFIABLE.read(set)) {
            switch (property.name()) {
                case DISABLED -> disabled = Boolean.parseBoolean(property.value());
                case MINS_TO_BYPASS -> {
                    minsToBypass = Integer.parseInt(property.value());
                    bypassUntil = bypassUntil(now, minsToBypass);
                }
                default -> comment = Optional.of(property.value());
            }
        }
        for (PropertyDeclaration property : MODIFIABLE.unset(unset)) {
            switch (property.name()) {
                case DISABLED -> disabled = false;
                case MINS_TO_BYPASS -> {
                    minsToBypass = 0;
                    bypassUntil = Optional.empty();
                }
                default -> comment = Optional.empty();
            }
        }
        String newName = renameTo.map(ProgrammaticAccessTokenCatalog::normalisedName).orElse(name);
        if (!newName.equals(name) && repository.find(user.name(), newName).isPresent()) {
            throw new FrostgateException(ErrorCode.OBJECT_ALREADY_EXISTS, newName);
        }
        repository.update(token, token.modified(newName, comment, disabled, minsToBypass, bypassUntil, now,
                actor.userName()));
        tokensChanged(user.name());
    }

    /** The secrets and names ROTATE returns. */
    public record RotatedToken(String name, String secret, String rotatedName) {
        @Override
        public String toString() {
            return "RotatedToken[name=" + name + ", rotatedName=" + rotatedName + "]";
        }
    }

    /**
     * ROTATE: a new secret under the same name, with a new expiry from the token's original lifetime;
     * the old secret lives on as {@code <NAME>_ROTATED_<epoch millis>} for EXPIRE_ROTATED_TOKEN_AFTER_HOURS
     * (default 24, 0 = expired at once, at most the hours the old secret had left).
     */
    public Optional<RotatedToken> rotate(Actor actor, String userName, String tokenName,
            List<PropertySetting> properties,
                                         boolean ifExists) {
        User user = users.requireExisting(userName);
        requireManagement(actor, user);
        requireNotTokenSession(actor);
        String name = normalisedName(tokenName);
        Optional<ProgrammaticAccessToken> found = repository.find(user.name(), name);
        if (found.isEmpty()) {
            if (ifExists) {
                return Optional.empty();
            }
            throw new FrostgateException(ErrorCode.OBJECT_DOES_NOT_EXIST, "Programmatic access token", name);
        }
        ProgrammaticAccessToken token = found.get();
        Instant now = clock.instant();
        long hoursLeft = Math.max(0, Duration.between(now, token.expiresAt()).toHours());
        long keepHours = 24;
        PropertyModel model = PropertyModel.of("ROTATE",
                PropertyDeclaration.integer("EXPIRE_ROTATED_TOKEN_AFTER_HOURS", keepHours, 0, hoursLeft));
        for (PropertyModel.Read property : model.read(properties)) {
            keepHours = Long.parseLong(property.value());
        }
        keepHours = Math.min(keepHours, hoursLeft);
        String secret = secrets.newSecret();
        Duration lifetime = Duration.between(token.createdOn(), token.expiresAt());
        String rotatedName = name + "_ROTATED_" + now.toEpochMilli();
        ProgrammaticAccessToken live = new ProgrammaticAccessToken(token.id(), token.userName(), name,
                digester.digest(secret), token.roleRestriction(), now.plus(lifetime), now, token.createdBy(),
                token.comment(), token.disabled(), token.minsToBypassNetworkPolicyRequirement(), token.bypassUntil(),
                Optional.empty(), now, actor.userName(), token.lastUsedOn());
        ProgrammaticAccessToken rotated = new ProgrammaticAccessToken(UUID.randomUUID().toString(), token.userName(),
                rotatedName, token.secretDigest(), token.roleRestriction(), now.plus(Duration.ofHours(keepHours)),
                token.createdOn(), token.createdBy(), token.comment(), token.disabled(),
                token.minsToBypassNetworkPolicyRequirement(), token.bypassUntil(), Optional.of(name), now,
                actor.userName(), token.lastUsedOn());
        repository.rotate(live, rotated);
        tokensChanged(user.name());
        return Optional.of(new RotatedToken(name, secret, rotatedName));
    }

    /** Every token of the account, for ACCOUNT_USAGE.CREDENTIALS (readers need MONITOR on the account). */
    public List<ProgrammaticAccessToken> all() {
        return repository.all();
    }

    private static Optional<Instant> bypassUntil(Instant from, int minutes) {
        return minutes > 0 ? Optional.of(from.plus(Duration.ofMinutes(minutes))) : Optional.empty();
    }

    /** MODIFY, ROTATE and REMOVE are refused in a session that a token itself opened. */
    private static void requireNotTokenSession(Actor actor) {
        if (actor.authenticatedWithToken()) {
            throw new FrostgateException(ErrorCode.TOKEN_SESSION_CANNOT_MANAGE_TOKENS);
        }
    }

    /** SYSTEM$DECODE_PAT: the state, name and user of a presented secret, for triaging a leak. */
    public Optional<ProgrammaticAccessToken> decode(String secret) {
        return findBySecret(secret);
    }

    public List<ProgrammaticAccessToken> list(Actor actor, String userName) {
        User user = users.requireExisting(userName);
        requireManagement(actor, user);
        return repository.forUser(user.name());
    }

    /** The token a presented secret belongs to; malformed secrets are refused without a lookup. */
    public Optional<ProgrammaticAccessToken> findBySecret(String secret) {
        if (!PatSecretCodec.isWellFormed(secret)) {
            return Optional.empty();
        }
        String digest = digester.digest(secret);
        return repository.findBySecretDigest(digest)
                .filter(token -> TokenDigester.sameDigest(token.secretDigest(), digest));
    }

    /** PERSON users manage their own tokens; others' (and SERVICE users') need OWNERSHIP or MODIFY … on the user. */
    private void requireManagement(Actor actor, User user) {
        boolean self = user.name().equals(actor.userName()) && user.type() == UserType.PERSON;
        Authorization authorization = accessControl.authorization(actor);
        if (!self && !authorization.mayChange(user.owner()) && !authorization.holds(
                Privilege.MODIFY_PROGRAMMATIC_AUTHENTICATION_METHODS, ObjectKind.USER, user.name())) {
            throw AccessControl.insufficient("user", user.name());
        }
    }

    private static String normalisedName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPropertyException(new PropertyFailure.InvalidValue("NAME", name));
        }
        return name.toUpperCase(Locale.ROOT);
    }

    private static String roleName(String text) {
        String trimmed = text.trim();
        return trimmed.startsWith("\"") && trimmed.endsWith("\"") && trimmed.length() > 1
                ? trimmed.substring(1, trimmed.length() - 1) : trimmed.toUpperCase(Locale.ROOT);
    }
}
