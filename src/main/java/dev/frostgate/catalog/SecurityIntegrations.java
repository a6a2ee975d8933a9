package dev.frostgate.catalog;

import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The read side of security integrations, for login stages: typed integrations with every parameter
 * resolved. All integrations and the account parameter are cached together (a login costs no database
 * read) until the change feed announces a change to either, or the cache lifetime passes.
 */
public final class SecurityIntegrations {
    /** ALTER ACCOUNT SET EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST = TRUE | FALSE; TRUE when unset. */
    public static final String ADD_PRIVILEGED_ROLES_PARAMETER = "EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST";

    /** Integrations are typed (keys parsed) once per load, not once per login. */
    private record Snapshot(List<ExternalOAuthIntegration> externalOAuth, boolean addPrivilegedRoles) {}

    private final SecurityIntegrationRepository repository;
    private final AccountParameterRepository accountParameters;
    private final LoadingCache<String, Snapshot> snapshot;

    public SecurityIntegrations(SecurityIntegrationRepository repository, AccountParameterRepository accountParameters,
                                ChangeFeed changes, CachePolicy cachePolicy) {
        this.repository = repository;
        this.accountParameters = accountParameters;
        this.snapshot = cachePolicy.expiringCache(1).build(key -> load());
        changes.subscribe(Change.IntegrationsChanged.class, change -> snapshot.invalidateAll());
        changes.subscribe(Change.AccountParameterChanged.class, change -> snapshot.invalidateAll());
    }

    /**
     * The External OAuth integration whose EXTERNAL_OAUTH_ISSUER is exactly {@code issuer}. Several may
     * share an issuer: an enabled one is preferred, then the first by name. A disabled result is still
     * returned, so that the caller can report it as disabled rather than unknown.
     */
    public Optional<ExternalOAuthIntegration> externalOAuthByIssuer(String issuer) {
        return externalOAuth().filter(integration -> integration.issuer().equals(issuer))
                .min(Comparator.comparing((ExternalOAuthIntegration integration) -> !integration.enabled())
                        .thenComparing(NameOrder.by(ExternalOAuthIntegration::name)));
    }

    /** The External OAuth integration of that name, if there is one. */
    public Optional<ExternalOAuthIntegration> externalOAuth(String name) {
        return externalOAuth().filter(integration -> integration.name().equals(name)).findFirst();
    }

    /** The account parameter EXTERNAL_OAUTH_ADD_PRIVILEGED_ROLES_TO_BLOCKED_LIST (default TRUE). */
    public boolean addPrivilegedRolesToBlockedList() {
        return current().addPrivilegedRoles();
    }

    private Stream<ExternalOAuthIntegration> externalOAuth() {
        return current().externalOAuth().stream();
    }

    private Snapshot current() {
        return snapshot.get("");
    }

    private Snapshot load() {
        boolean addPrivileged = accountParameters.find(ADD_PRIVILEGED_ROLES_PARAMETER).map(Boolean::parseBoolean)
                .orElse(true);
        return new Snapshot(repository.list().stream()
                .filter(integration -> integration.type().equals(ExternalOAuthIntegrationType.NAME))
                .map(integration -> ExternalOAuthIntegration.from(integration, addPrivileged)).toList(), addPrivileged);
    }
}
