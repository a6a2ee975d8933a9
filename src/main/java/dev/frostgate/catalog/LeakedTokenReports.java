package dev.frostgate.catalog;

import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revoke-by-secret for leaked programmatic access tokens (beyond Snowflake, for secret scanners):
 * each presented secret is looked up by its keyed digest only; a match is set DISABLED and the report
 * (reporter, time, source) is stored and logged by user and token name, never by secret.
 */
public final class LeakedTokenReports {
    /** A request may report at most this many secrets (a scanner batches its findings). */
    public static final int MAXIMUM_TOKENS = 1000;
    static final int MAXIMUM_SOURCE_LENGTH = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(LeakedTokenReports.class);
    /** Anything shaped like a secret inside the free-text source is masked before it is stored or logged. */
    private static final Pattern SECRET_LIKE = Pattern.compile("fgpat_[A-Za-z0-9]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** One matched token, by owner and name. */
    public record DisabledToken(String user, String token) {}

    /** Per input position, the token it matched, if any; and the distinct tokens disabled. */
    public record Outcome(List<Optional<DisabledToken>> matches, List<DisabledToken> disabled) {
        public long unmatched() {
            return matches.stream().filter(Optional::isEmpty).count();
        }
    }

    private final ProgrammaticAccessTokenRepository repository;
    private final AccessControl accessControl;
    private final Function<String, Optional<ProgrammaticAccessToken>> findBySecret;
    private final ChangeFeed changes;
    private final Clock clock;
    private final String accountName;

    LeakedTokenReports(ProgrammaticAccessTokenRepository repository, AccessControl accessControl,
                       Function<String, Optional<ProgrammaticAccessToken>> findBySecret,
                       ChangeFeed changes, Clock clock, String accountName) {
        this.changes = changes;
        this.accountName = accountName;
        this.repository = repository;
        this.accessControl = accessControl;
        this.findBySecret = findBySecret;
        this.clock = clock;
    }

    /** Needs REPORT LEAKED TOKENS on the account (003001 otherwise). */
    public Outcome report(Actor actor, List<String> secrets, Optional<String> source) {
        accessControl.requireOnAccount(actor, Privilege.REPORT_LEAKED_TOKENS, accountName);
        Optional<String> cleanSource = source.map(LeakedTokenReports::clean).filter(text -> !text.isEmpty());
        Instant now = clock.instant();
        List<Optional<DisabledToken>> matches = new ArrayList<>(secrets.size());
        Set<DisabledToken> disabled = new LinkedHashSet<>();
        Set<String> changedUsers = new LinkedHashSet<>();
        for (String secret : secrets) {
            Optional<ProgrammaticAccessToken> token = findBySecret.apply(secret);
            matches.add(token.map(found -> new DisabledToken(found.userName(), found.name())));
            if (token.isPresent() && disabled.add(new DisabledToken(token.get().userName(), token.get().name()))) {
                repository.reportLeaked(token.get().id(), actor.userName(), now, cleanSource);
                changes.publish(new Change.TokenLeaked(token.get().id()));
                changedUsers.add(token.get().userName());
                LOG.warn("Programmatic access token {} of user {} reported leaked by {} (source: {}); disabled",
                        token.get().name(), token.get().userName(), actor.userName(), cleanSource.orElse("none"));
            }
        }
        changedUsers.forEach(user -> changes.publish(new Change.TokensChanged(user)));
        return new Outcome(matches, List.copyOf(disabled));
    }

    private static String clean(String source) {
        String masked = SECRET_LIKE.matcher(CONTROL.matcher(source).replaceAll(" ")).replaceAll("fgpat_…").strip();
        return masked.length() <= MAXIMUM_SOURCE_LENGTH ? masked : masked.substring(0, MAXIMUM_SOURCE_LENGTH);
    }
}
