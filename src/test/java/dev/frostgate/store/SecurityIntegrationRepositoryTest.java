package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.SecurityIntegration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** JdbcSecurityIntegrationRepository on H2 and PostgreSQL. */
class SecurityIntegrationRepositoryTest {

    private static SecurityIntegration integration(String name, Map<String, List<String>> parameters) {
        return new SecurityIntegration(name, "EXTERNAL_OAUTH", true, Optional.of("a comment"), Optional.of("ADMINS"),
                T0, parameters);
    }

    @StoreTest
    void savesReadsReplacesAndDeletes(TestStore store) {
        JdbcSecurityIntegrationRepository integrations = new JdbcSecurityIntegrationRepository(store.database());
        Map<String, List<String>> parameters = Map.of("EXTERNAL_OAUTH_ISSUER", List.of("https://issuer.example/ é ✓"),
                "EXTERNAL_OAUTH_AUDIENCE_LIST", List.of("a", "b, with a comma", "\"quoted\""),
                "EXTERNAL_OAUTH_SCOPE_DELIMITER", List.of(" "));
        integrations.save(integration("Okta", parameters));
        integrations.save(integration("AZURE", Map.of()));

        SecurityIntegration found = integrations.find("Okta").orElseThrow();
        assertThat(found).isEqualTo(integration("Okta", parameters));
        assertThat(found.createdOn()).isEqualTo(T0);
        assertThat(integrations.find("OKTA")).isEmpty();
        assertThat(integrations.list()).extracting(SecurityIntegration::name).containsExactly("AZURE", "Okta");

        integrations.save(new SecurityIntegration("Okta", "EXTERNAL_OAUTH", false, Optional.empty(), Optional.empty(),
                T0.plusSeconds(5), Map.of()));
        SecurityIntegration replaced = integrations.find("Okta").orElseThrow();
        assertThat(replaced.enabled()).isFalse();
        assertThat(replaced.comment()).isEmpty();
        assertThat(replaced.owner()).isEmpty();
        assertThat(replaced.parameters()).isEmpty();
        assertThat(integrations.list()).hasSize(2);

        assertThat(integrations.delete("Okta")).isTrue();
        assertThat(integrations.delete("Okta")).isFalse();
        assertThat(integrations.list()).extracting(SecurityIntegration::name).containsExactly("AZURE");
    }

    @StoreTest
    void survivesARestart(TestStore store) {
        new JdbcSecurityIntegrationRepository(store.database()).save(integration("KEPT",
                Map.of("EXTERNAL_OAUTH_TYPE", List.of("CUSTOM"))));
        assertThat(new JdbcSecurityIntegrationRepository(store.reopen()).find("KEPT").orElseThrow().parameters())
                .containsEntry("EXTERNAL_OAUTH_TYPE", List.of("CUSTOM"));
    }
}
