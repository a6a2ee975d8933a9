package dev.frostgate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.catalog.property.PropertyDeclaration;
import dev.frostgate.catalog.property.PropertyValue;
import dev.frostgate.change.CachePolicy;
import dev.frostgate.change.Change;
import dev.frostgate.change.ChangeFeed;
import dev.frostgate.change.InProcessChangeFeed;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.testing.MutableClock;
import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The read API the External OAuth login stage uses, and the parameter kinds' validation. */
class SecurityIntegrationsTest {
    private final Map<String, SecurityIntegration> stored = new TreeMap<>();
    private final Map<String, String> accountParameters = new HashMap<>();
    private final ChangeFeed changes = new InProcessChangeFeed();
    private final MutableClock clock = MutableClock.startingNow();
    private final SecurityIntegrations reads = new SecurityIntegrations(new SecurityIntegrationRepository() {
        @Override
        public Optional<SecurityIntegration> find(String name) {
            return Optional.ofNullable(stored.get(name));
        }

        @Override
        public List<SecurityIntegration> list() {
            return List.copyOf(stored.values());
        }

        @Override
        public void save(SecurityIntegration integration) {
            stored.put(integration.name(), integration);
        }

        @Override
        public boolean delete(String name) {
            return stored.remove(name) != null;
        }
    }, new AccountParameterRepository() {
        @Override
        public Optional<String> find(String name) {
            return Optional.ofNullable(accountParameters.get(name));
        }

        @Override
        public Map<String, String> all() {
            return Map.copyOf(accountParameters);
        }

        @Override
        public void set(String name, String value) {
            accountParameters.put(name, value);
        }

        @Override
        public void unset(String name) {
            accountParameters.remove(name);
        }
    }, changes, CachePolicy.of(clock));

    private static PublicKey rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }

    private void store(String name, boolean enabled, String issuer, Map<String, List<String>> extra) {
        Map<String, List<String>> parameters = new HashMap<>(Map.of("EXTERNAL_OAUTH_TYPE", List.of("CUSTOM"),
                "EXTERNAL_OAUTH_ISSUER", List.of(issuer), "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM", List.of("upn",
                        "email"),
                "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE", List.of("EMAIL_ADDRESS")));
        parameters.putAll(extra);
        stored.put(name, new SecurityIntegration(name, "EXTERNAL_OAUTH", enabled, Optional.empty(), Optional.of("R"),
                Instant.EPOCH, parameters));
    }

    @Test
    void everyParameterIsResolvedWithItsDefaultAndKeysAreParsed() throws Exception {
        PublicKey key = rsaKey();
        store("KEYED", true, "https://issuer.example", Map.of("EXTERNAL_OAUTH_RSA_PUBLIC_KEY",
                List.of(Base64.getEncoder().encodeToString(key.getEncoded())),
                "EXTERNAL_OAUTH_BLOCKED_ROLES_LIST", List.of("ANALYST")));

        ExternalOAuthIntegration integration = reads.externalOAuthByIssuer("https://issuer.example").orElseThrow();

        assertThat(integration.name()).isEqualTo("KEYED");
        assertThat(integration.enabled()).isTrue();
        assertThat(integration.provider()).isEqualTo("CUSTOM");
        assertThat(integration.userMappingClaims()).containsExactly("upn", "email");
        assertThat(integration.userMappingAttribute()).isEqualTo("EMAIL_ADDRESS");
        assertThat(integration.rsaPublicKeys()).containsExactly((java.security.interfaces.RSAPublicKey) key);
        assertThat(integration.jwsKeysUrls()).isEmpty();
        assertThat(integration.anyRoleMode()).isEqualTo("DISABLE");
        assertThat(integration.scopeDelimiter()).isEqualTo(",");
        assertThat(integration.scopeMappingAttribute()).isEqualTo("scp");
        assertThat(integration.audiences()).isEmpty();
        assertThat(integration.allowedRoles()).isEmpty();
        assertThat(integration.networkPolicy()).isEmpty();
        assertThat(integration.blockedRoles()).containsExactlyInAnyOrder("ANALYST", "ACCOUNTADMIN", "ORGADMIN",
                "SECURITYADMIN");
        assertThat(reads.externalOAuthByIssuer("https://issuer.example/")).isEmpty();
        assertThat(reads.externalOAuth("KEYED")).contains(integration);
    }

    @Test
    void theAccountParameterTakesPrivilegedRolesOffTheBlockedList() {
        store("URL", true, "https://issuer.example", Map.of("EXTERNAL_OAUTH_JWS_KEYS_URL",
                List.of("https://issuer.example/keys")));
        assertThat(reads.addPrivilegedRolesToBlockedList()).isTrue();

        accountParameters.put(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER, "false");
        changes.publish(new Change.AccountParameterChanged(SecurityIntegrations.ADD_PRIVILEGED_ROLES_PARAMETER));

        assertThat(reads.addPrivilegedRolesToBlockedList()).isFalse();
        ExternalOAuthIntegration integration = reads.externalOAuth("URL").orElseThrow();
        assertThat(integration.blockedRoles()).isEmpty();
        assertThat(integration.jwsKeysUrls()).containsExactly(URI.create("https://issuer.example/keys"));
    }

    @Test
    void anEnabledIntegrationIsPreferredForASharedIssuerAndTheCacheHoldsUntilAChangeIsPublished() {
        Map<String, List<String>> url = Map.of("EXTERNAL_OAUTH_JWS_KEYS_URL", List.of("https://i.example/keys"));
        store("A_DISABLED", false, "https://i.example", url);
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name()).isEqualTo("A_DISABLED");

        store("B_ENABLED", true, "https://i.example", url);
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name())
                .as("cached until a change is published").isEqualTo("A_DISABLED");
        changes.publish(new Change.GrantsChanged());
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name())
                .as("a change it does not depend on").isEqualTo("A_DISABLED");
        changes.publish(new Change.IntegrationsChanged());
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name()).isEqualTo("B_ENABLED");
    }

    @Test
    void aChangeMadeWhereTheFeedDoesNotReachIsSeenOnceTheCacheLifetimeHasPassedOnTheClock() {
        Map<String, List<String>> url = Map.of("EXTERNAL_OAUTH_JWS_KEYS_URL", List.of("https://i.example/keys"));
        store("A_DISABLED", false, "https://i.example", url);
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name()).isEqualTo("A_DISABLED");
        store("B_ENABLED", true, "https://i.example", url);

        clock.advance(CachePolicy.DEFAULT_LIFETIME.minus(Duration.ofMillis(1)));
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name()).isEqualTo("A_DISABLED");
        clock.advance(Duration.ofMillis(1));
        assertThat(reads.externalOAuthByIssuer("https://i.example").orElseThrow().name()).isEqualTo("B_ENABLED");
    }

    @Test
    void parameterKindsValidateAndNormalise() {
        PropertyDeclaration range = PropertyDeclaration.integer("OAUTH_ACCESS_TOKEN_VALIDITY", 600, 60, 3600);
        assertThat(range.read(new PropertyValue.Number(new java.math.BigDecimal(61)))).containsExactly("61");
        assertThat(catchThrowableOfType(FrostgateException.class,
                () -> range.read(new PropertyValue.Number(new java.math.BigDecimal(59)))).getMessage())
                .contains("the range is 60 to 3600");
        PropertyDeclaration choice = PropertyDeclaration.choice("SCOPE", "scp", "scope");
        assertThat(choice.read(new PropertyValue.Text("SCOPE"))).containsExactly("scope");
        assertThat(PropertyDeclaration.roleList("ROLES").read(new PropertyValue.ListOf(List.of(new PropertyValue.Text("a"),
                new PropertyValue.Word("A"))))).containsExactly("A");
        PropertyDeclaration secret = PropertyDeclaration.text("OAUTH_CLIENT_SECRET").asSecret();
        assertThat(secret.describe(List.of("s3cr3t"))).isEqualTo("********");
        assertThat(catchThrowableOfType(FrostgateException.class,
                () -> secret.read(new PropertyValue.ListOf(List.of(new PropertyValue.Text("s3cr3t"))))).getMessage())
                .doesNotContain("s3cr3t");
        assertThat(PropertyDeclaration.character("DELIMITER",
                ",").read(new PropertyValue.Text("😀"))).containsExactly("😀");
    }
}
