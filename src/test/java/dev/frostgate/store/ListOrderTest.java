package dev.frostgate.store;

import static dev.frostgate.store.StoreSamples.T0;
import static dev.frostgate.store.StoreSamples.minimalUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.Namespace;
import dev.frostgate.catalog.NetworkPolicy;
import dev.frostgate.catalog.NetworkRule;
import dev.frostgate.catalog.ParameterPolicy;
import dev.frostgate.catalog.ParameterPolicyKind;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.ProgrammaticAccessToken;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.SecurityIntegration;
import dev.frostgate.catalog.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every list of names the repositories give (and so every SHOW) is in code-point order on every backend:
 * not the database's collation (PostgreSQL's linguistic ones put {@code a} before {@code B}), and not
 * UTF-16 order either (which puts U+1F600 before U+FF5E).
 */
class ListOrderTest {
    /** Quoted names, stored in this (shuffled) order. */
    private static final List<String> NAMES = List.of("b", "\uD83D\uDE00", "B", "a", "\uFF5E", "_x", "Z", "\u00E9",
            "ab");
    /** The same names by code point: B 42, Z 5A, _ 5F, a 61, ab, b 62, U+00E9, U+FF5E, U+1F600. */
    private static final List<String> CODE_POINT_ORDER = List.of("B", "Z", "_x", "a", "ab", "b", "\u00E9", "\uFF5E",
            "\uD83D\uDE00");

    @StoreTest
    void everyListOfNamesIsInCodePointOrder(TestStore store) {
        assertListsInCodePointOrder(store);
    }

    @Test
    void everyListOfNamesIsInCodePointOrderUnderALinguisticCollation() {
        try (TestStore postgres = StoreBackends.postgresWithIcuCollation("en-US")) {
            assertListsInCodePointOrder(postgres);
        }
    }

    private static void assertListsInCodePointOrder(TestStore store) {
        Database database = store.database();
        JdbcUserRepository users = store.users();
        JdbcRoleRepository roles = store.roles();
        JdbcNetworkPolicyRepository network = new JdbcNetworkPolicyRepository(database);
        JdbcAuthenticationPolicyRepository authentication = new JdbcAuthenticationPolicyRepository(database);
        JdbcParameterPolicyRepository parameterPolicies = new JdbcParameterPolicyRepository(database);
        JdbcNamespaceRepository namespaces = new JdbcNamespaceRepository(database);
        JdbcSecurityIntegrationRepository integrations = new JdbcSecurityIntegrationRepository(database);
        JdbcProgrammaticAccessTokenRepository tokens = new JdbcProgrammaticAccessTokenRepository(database);
        // The owner of the first tokens below: tokens belong to a stored user. "ALICE" sorts before every name.
        users.insert(minimalUser("ALICE"));
        for (int index = 0; index < NAMES.size(); index++) {
            String name = NAMES.get(index);
            users.insert(minimalUser(name).toBuilder().loginName("LOGIN_" + index).networkPolicy(Optional.of("P"))
                    .build());
            roles.insert(new Role(name, Optional.empty(), Optional.empty(), T0));
            network.saveRule(new NetworkRule(name, Optional.empty(), Optional.empty(), NetworkRule.Type.IPV4,
                    NetworkRule.Mode.INGRESS, List.of("10.0.0.0/8"), Optional.empty(), Optional.empty(), T0));
            network.savePolicy(name, new NetworkPolicy(name, List.of(), List.of(), List.of("10.0.0.1"), List.of(),
                    Optional.empty(), Optional.empty(), T0));
            authentication.save(name, AuthenticationPolicy.withDefaults(name, Optional.empty(), Optional.empty(),
                    Optional.empty(), T0));
            authentication.attach(new PolicyAttachment(PolicyAttachment.PolicyKind.AUTHENTICATION,
                    PolicyAttachment.TargetKind.USER, name, "POLICY"));
            parameterPolicies.save(name, new ParameterPolicy(ParameterPolicyKind.SESSION, name, Optional.empty(),
                    Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), T0));
            namespaces.save(new Namespace(Namespace.Kind.DATABASE, name, Optional.empty(), Optional.empty(), T0));
            integrations.save(new SecurityIntegration(name, "EXTERNAL_OAUTH", true, Optional.empty(),
                    Optional.empty(), T0, Map.of()));
            tokens.insert(token("id-" + index, "ALICE", name));
            tokens.insert(token("other-" + index, name, "T"));
        }

        List<String> usersInOrder = new ArrayList<>(List.of("ALICE"));
        usersInOrder.addAll(CODE_POINT_ORDER);
        assertThat(names(users.list(), User::name)).as("SHOW USERS").isEqualTo(usersInOrder);
        assertThat(names(roles.list(), Role::name).stream().filter(NAMES::contains))
                .as("SHOW ROLES, system roles aside").containsExactlyElementsOf(CODE_POINT_ORDER);
        assertThat(names(network.rules(), NetworkRule::name)).as("SHOW NETWORK RULES").isEqualTo(CODE_POINT_ORDER);
        assertThat(names(network.policies(), NetworkPolicy::name)).as("SHOW NETWORK POLICIES")
                .isEqualTo(CODE_POINT_ORDER);
        assertThat(network.usersWithPolicy("P")).as("users of a network policy").isEqualTo(CODE_POINT_ORDER);
        assertThat(names(authentication.list(), AuthenticationPolicy::name)).as("SHOW AUTHENTICATION POLICIES")
                .isEqualTo(CODE_POINT_ORDER);
        assertThat(names(authentication.attachments(PolicyAttachment.PolicyKind.AUTHENTICATION),
                PolicyAttachment::targetName)).as("policy attachments").isEqualTo(CODE_POINT_ORDER);
        assertThat(names(parameterPolicies.list(ParameterPolicyKind.SESSION), ParameterPolicy::name))
                .as("SHOW SESSION POLICIES").isEqualTo(CODE_POINT_ORDER);
        assertThat(names(namespaces.list(Namespace.Kind.DATABASE), Namespace::name)).as("SHOW DATABASES")
                .isEqualTo(CODE_POINT_ORDER);
        assertThat(names(integrations.list(), SecurityIntegration::name)).as("SHOW INTEGRATIONS")
                .isEqualTo(CODE_POINT_ORDER);
        assertThat(names(tokens.forUser("ALICE"), ProgrammaticAccessToken::name)).as("SHOW USER PATS")
                .isEqualTo(CODE_POINT_ORDER);
        List<String> byUserThenName = new ArrayList<>();
        CODE_POINT_ORDER.forEach(name -> byUserThenName.add("ALICE/" + name));
        CODE_POINT_ORDER.forEach(name -> byUserThenName.add(name + "/T"));
        assertThat(names(tokens.all(), token -> token.userName() + "/" + token.name())).as("CREDENTIALS")
                .isEqualTo(byUserThenName);
    }

    private static ProgrammaticAccessToken token(String id, String userName, String name) {
        return new ProgrammaticAccessToken(id, userName, name, "digest-" + id, Optional.empty(), T0.plusSeconds(86_400),
                T0, "ADMIN", Optional.empty(), false, 0, Optional.empty(), Optional.empty(), T0, "ADMIN",
                Optional.empty());
    }

    private static <T> List<String> names(List<T> objects, Function<T, String> name) {
        return objects.stream().map(name).toList();
    }
}
