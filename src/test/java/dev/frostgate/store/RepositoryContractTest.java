package dev.frostgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.audit.LoginEvent;
import dev.frostgate.auth.Session;
import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.NetworkPolicy;
import dev.frostgate.catalog.NetworkRule;
import dev.frostgate.catalog.ObjectKind;
import dev.frostgate.catalog.PolicyAttachment;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.catalog.PrivilegeGrant;
import dev.frostgate.catalog.Role;
import dev.frostgate.catalog.RoleGrant;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.catalog.UserType;
import dev.frostgate.testing.EmbeddedPostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same repository code against embedded H2 and a real PostgreSQL: every test runs on both. */
class RepositoryContractTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    /** H2 and PostgreSQL, or those of them that this run tests on (see {@link StoreBackends}). */
    static Stream<Arguments> backends() {
        return Stream.of(StoreBackends.Backend.values()).filter(StoreBackends::enabled)
                .map(backend -> Arguments.of(backend.displayName()));
    }

    private static Database open(String backend) throws Exception {
        if (backend.equals("H2")) {
            return Database.open(new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(),
                    Files.createTempDirectory("frostgate-store"), 4));
        }
        EmbeddedPostgresServer.DatabaseSettings postgres = EmbeddedPostgresServer.newDatabase();
        return Database.open(new Database.Settings(Optional.of(postgres.url()), Optional.of(postgres.user()),
                Optional.of(postgres.password()), Path.of("unused"), 4));
    }

    private static User user(String name) {
        return User.builder(StoreSamples.idOf(name), name, NOW).loginName(name + "@EXAMPLE.COM").email(Optional.of("e@x"))
                .passwordHash(Optional.of("$argon2id$v=19$m=1,t=1,p=1$AA$AA")).passwordLastSet(Optional.of(NOW))
                .expiresAt(Optional.of(NOW.plusSeconds(86_400))).owner(Optional.of("USERADMIN"))
                .type(UserType.LEGACY_SERVICE).defaultSecondaryRoles(User.DefaultSecondaryRoles.NONE)
                .passwordHistory(List.of("$argon2id$old1", "$argon2id$old2")).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void usersRoundTripRenameAndCascade(String backend) throws Exception {
        try (Database database = open(backend)) {
            JdbcUserRepository users = new JdbcUserRepository(database);
            JdbcRoleRepository roles = new JdbcRoleRepository(database);
            JdbcSessionRepository sessions = new JdbcSessionRepository(database);
            User alice = user("ALICE");
            users.insert(alice);
            assertThat(users.find("ALICE")).contains(alice);
            assertThat(users.findByLoginName("Alice@Example.com")).map(User::name).contains("ALICE");

            StoreException duplicate = catchThrowableOfType(StoreException.class,
                    () -> users.insert(user("ALICE2").toBuilder().loginName("ALICE@EXAMPLE.COM").build()));
            assertThat(duplicate.isDuplicateKey()).isTrue();

            roles.insert(new Role("ANALYST", Optional.empty(), Optional.of("SYSADMIN"), NOW));
            assertThat(roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "X", NOW)))
                    .isTrue();
            assertThat(roles.insertRoleGrant(new RoleGrant("ANALYST", RoleGrant.GranteeKind.USER, "ALICE", "X", NOW)))
                    .isFalse();
            roles.insertPrivilegeGrant(new PrivilegeGrant(Privilege.MONITOR, ObjectKind.USER, "ALICE", "ANALYST", false, "X",
                    NOW));
            sessions.insert(new Session(7, "sd", "md", "ALICE", "PUBLIC", true, "PASSWORD", Optional.of("127.0.0.1"),
                    Optional.empty(), NOW, NOW.plusSeconds(3600), NOW.plusSeconds(14_400), Optional.empty(),
                    Optional.empty(), NOW));

            users.update(alice, alice.toBuilder().name("ALICIA").comment(Optional.of("renamed")).build());
            assertThat(users.find("ALICE")).isEmpty();
            assertThat(users.find("ALICIA")).map(User::comment).contains(Optional.of("renamed"));
            assertThat(roles.roleGrants()).extracting(RoleGrant::grantee).contains("ALICIA").doesNotContain("ALICE");
            assertThat(roles.privilegeGrants()).extracting(PrivilegeGrant::objectName).contains("ALICIA");
            assertThat(sessions.findById(7)).map(Session::userName).contains("ALICIA");

            users.recordLoginOutcome("ALICIA", new UserRepository.LoginOutcome(3, Optional.of(NOW), Optional.empty()));
            assertThat(users.find("ALICIA").orElseThrow().failedLoginAttempts()).isEqualTo(3);
            assertThat(users.find("ALICIA").orElseThrow().lockedUntil()).contains(NOW);

            assertThat(users.delete("ALICIA")).isTrue();
            assertThat(users.delete("ALICIA")).isFalse();
            assertThat(roles.roleGrants()).extracting(RoleGrant::grantee).doesNotContain("ALICIA");
            assertThat(sessions.findById(7)).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void systemRolesSessionsAndHistory(String backend) throws Exception {
        try (Database database = open(backend)) {
            JdbcRoleRepository roles = new JdbcRoleRepository(database);
            assertThat(roles.list()).extracting(Role::name)
                    .contains("ACCOUNTADMIN", "SECURITYADMIN", "USERADMIN", "SYSADMIN", "PUBLIC");
            assertThat(roles.roleGrants()).extracting(grant -> grant.role() + ">" + grant.grantee())
                    .contains("SECURITYADMIN>ACCOUNTADMIN", "SYSADMIN>ACCOUNTADMIN", "USERADMIN>SECURITYADMIN");
            new JdbcUserRepository(database).insert(user("BOB"));
            JdbcSessionRepository sessions = new JdbcSessionRepository(database);
            Session session = new Session(1, "s1", "m1", "BOB", "PUBLIC", false, "PASSWORD", Optional.empty(),
                    Optional.of("JDBC_DRIVER"), NOW, NOW.plusSeconds(1), NOW.plusSeconds(2), Optional.of("DB"),
                    Optional.of("SCH"), NOW.plusSeconds(1));
            sessions.insert(session);
            assertThat(sessions.findBySessionTokenDigest("s1")).contains(session);
            sessions.update(session, session.withTokens("s2", NOW.plusSeconds(5), "m1", NOW.plusSeconds(2))
                    .withRoles("R", true));
            assertThat(sessions.findBySessionTokenDigest("s1")).isEmpty();
            assertThat(sessions.findByMasterTokenDigest("m1")).map(Session::primaryRole).contains("R");

            JdbcLoginHistoryRepository history = new JdbcLoginHistoryRepository(database);
            for (int attempt = 0; attempt < 3; attempt++) {
                history.append(new LoginEvent(0, NOW.plusSeconds(attempt), "LOGIN", Optional.of("U" + attempt),
                        Optional.of("127.0.0.1"), Optional.of("JDBC_DRIVER"), Optional.empty(), "PASSWORD",
                        Optional.empty(), attempt == 2, Optional.of("390100"), Optional.of("INCORRECT_USERNAME_PASSWORD"),
                        Optional.empty(), Optional.empty(), Optional.of("uuid-" + attempt),
                        Optional.of("details " + attempt)));
            }
            List<LoginEvent> newest = history.newest(2);
            assertThat(newest).extracting(event -> event.userName().orElseThrow()).containsExactly("U2", "U1");
            assertThat(newest.get(0).success()).isTrue();
            assertThat(newest.get(0).eventTimestamp()).isEqualTo(NOW.plusSeconds(2));
            assertThat(history.findByFailureUuid("uuid-1")).map(event -> event.errorDetails().orElseThrow())
                    .contains("details 1");
            assertThat(history.findByFailureUuid("nope")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void policiesAndAttachments(String backend) throws Exception {
        try (Database database = open(backend)) {
            JdbcNetworkPolicyRepository network = new JdbcNetworkPolicyRepository(database);
            NetworkRule rule = new NetworkRule("R", Optional.of("DB"), Optional.of("S"), NetworkRule.Type.IPV6,
                    NetworkRule.Mode.INGRESS, List.of("::1", "2001:db8::/32"), Optional.of("c"), Optional.empty(), NOW);
            network.saveRule(rule);
            assertThat(network.findRule("R")).contains(rule);
            NetworkPolicy policy = new NetworkPolicy("P", List.of("R"), List.of(), List.of(), List.of("1.2.3.4"),
                    Optional.empty(), Optional.of("SECURITYADMIN"), NOW);
            network.savePolicy("P", policy);
            new JdbcAccountParameterRepository(database).set("NETWORK_POLICY", "P");
            network.savePolicy("P", policy.renamed("Q"));
            assertThat(network.findPolicy("P")).isEmpty();
            assertThat(network.findPolicy("Q")).contains(policy.renamed("Q"));
            assertThat(new JdbcAccountParameterRepository(database).all()).isEqualTo(Map.of("NETWORK_POLICY", "Q"));

            JdbcAuthenticationPolicyRepository authentication = new JdbcAuthenticationPolicyRepository(database);
            AuthenticationPolicy authenticationPolicy = AuthenticationPolicy.withDefaults("A", Optional.empty(),
                    Optional.of("S"), Optional.of("SECURITYADMIN"), NOW).toBuilder()
                    .clientPolicy(Map.of("JDBC_DRIVER", "3.25.0")).authenticationMethods(List.of("PASSWORD")).build();
            authentication.save("A", authenticationPolicy);
            assertThat(authentication.find("A")).contains(authenticationPolicy);
            authentication.attach(new PolicyAttachment(PolicyAttachment.PolicyKind.AUTHENTICATION,
                    PolicyAttachment.TargetKind.PERSON_USERS, "", "A"));
            authentication.save("A", authenticationPolicy.toBuilder().name("B").build());
            assertThat(authentication.attachment(PolicyAttachment.PolicyKind.AUTHENTICATION,
                    PolicyAttachment.TargetKind.PERSON_USERS, "")).map(PolicyAttachment::policyName).contains("B");
        }
    }

    @Test
    @Tag("h2")
    void migrationsRunOnceAndH2DataSurvivesReopening() throws Exception {
        Path directory = Files.createTempDirectory("frostgate-store");
        Database.Settings settings = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(),
                directory, 2);
        try (Database first = Database.open(settings)) {
            new JdbcUserRepository(first).insert(user("KEEP"));
            assertThat(first.isReachable()).isTrue();
        }
        try (Database second = Database.open(settings)) {
            assertThat(new JdbcUserRepository(second).find("KEEP")).contains(user("KEEP"));
            assertThat(new JdbcRoleRepository(second).list()).extracting(Role::name).containsOnlyOnce("PUBLIC");
        }
    }
}
