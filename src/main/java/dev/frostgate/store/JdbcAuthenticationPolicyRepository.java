package dev.frostgate.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.AuthenticationPolicyRepository;
import dev.frostgate.catalog.NameOrder;
import dev.frostgate.catalog.PolicyAttachment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Authentication policies, their properties kept as one JSON document, and policy attachments. */
public final class JdbcAuthenticationPolicyRepository implements AuthenticationPolicyRepository {
    private static final String COLUMNS = "name, database_name, schema_name, definition, comment, owner, created_on";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    public JdbcAuthenticationPolicyRepository(Database database) {
        this.jdbc = new Jdbc(database.dataSource());
    }

    /** The stored properties: plain types only, so the document reads back without custom code. */
    record Definition(List<String> authenticationMethods, List<String> clientTypes, Map<String, String> clientPolicy,
                      List<String> securityIntegrations, String mfaEnrollment,
                      AuthenticationPolicy.MfaPolicy mfaPolicy, AuthenticationPolicy.PatPolicy patPolicy,
                      Map<String, List<String>> workloadIdentityPolicy) {}

    @Override
    public Optional<AuthenticationPolicy> find(String name) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM authentication_policies WHERE name = ?",
                JdbcAuthenticationPolicyRepository::map, name);
    }

    @Override
    public Optional<AuthenticationPolicy> findLocked(String name) {
        return jdbc.queryLocking("SELECT " + COLUMNS + " FROM authentication_policies WHERE name = ?",
                JdbcAuthenticationPolicyRepository::map, name).stream().findFirst();
    }

    @Override
    public List<AuthenticationPolicy> list() {
        return NameOrder.sorted(jdbc.query("SELECT " + COLUMNS + " FROM authentication_policies",
                JdbcAuthenticationPolicyRepository::map), AuthenticationPolicy::name);
    }

    @Override
    public void save(String previousName, AuthenticationPolicy policy) {
        String definition = write(new Definition(policy.authenticationMethods(), policy.clientTypes(),
                policy.clientPolicy(), policy.securityIntegrations(), policy.mfaEnrollment(), policy.mfaPolicy(),
                policy.patPolicy(), policy.workloadIdentityPolicy()));
        jdbc.inTransaction(connection -> {
            Jdbc.update(connection, "DELETE FROM authentication_policies WHERE name = ?", previousName);
            Jdbc.update(connection, "INSERT INTO authentication_policies (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)",
                    policy.name(), policy.databaseName(), policy.schemaName(), definition, policy.comment(),
                    policy.owner(), policy.createdOn());
            if (!previousName.equals(policy.name())) {
                Jdbc.update(connection, "UPDATE policy_attachments SET policy_name = ? WHERE policy_kind = ? "
                        + "AND policy_name = ?", policy.name(), PolicyAttachment.PolicyKind.AUTHENTICATION,
                        previousName);
            }
            return null;
        });
    }

    @Override
    public boolean delete(String name) {
        return jdbc.update("DELETE FROM authentication_policies WHERE name = ?", name) > 0;
    }

    @Override
    public List<PolicyAttachment> attachments(PolicyAttachment.PolicyKind kind) {
        return jdbc.query(ATTACHMENTS + " AND a.policy_kind = ?", JdbcAuthenticationPolicyRepository::attachment,
                        kind).stream()
                .sorted(NameOrder.by((PolicyAttachment attachment) -> attachment.targetKind().name())
                        .thenComparing(NameOrder.by(PolicyAttachment::targetName)))
                .toList();
    }

    @Override
    public Optional<PolicyAttachment> attachment(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target,
                                                 String targetName) {
        return jdbc.queryOne(ATTACHMENTS + " AND a.policy_kind = ? AND a.target_kind = ? AND a.target_name = "
                + targetKey(target, targetName), JdbcAuthenticationPolicyRepository::attachment, kind, target, targetName);
    }

    @Override
    public void attach(PolicyAttachment attachment) {
        jdbc.inTransaction(connection -> {
            String target = targetKey(attachment.targetKind(), attachment.targetName());
            Jdbc.update(connection, "DELETE FROM policy_attachments WHERE policy_kind = ? AND target_kind = ? "
                    + "AND target_name = " + target, attachment.policyKind(), attachment.targetKind(),
                    attachment.targetName());
            return Jdbc.update(connection, "INSERT INTO policy_attachments (policy_kind, target_kind, target_name, "
                    + "policy_name) VALUES (?,?," + target + ",?)", attachment.policyKind(), attachment.targetKind(),
                    attachment.targetName(), attachment.policyName());
        });
    }

    @Override
    public boolean detach(PolicyAttachment.PolicyKind kind, PolicyAttachment.TargetKind target, String targetName) {
        return jdbc.update("DELETE FROM policy_attachments WHERE policy_kind = ? AND target_kind = ? "
                + "AND target_name = " + targetKey(target, targetName), kind, target, targetName) > 0;
    }

    /** An attachment to a user holds the user's id (V27); these read it with the user's current name. */
    private static final String ATTACHMENTS = "SELECT a.policy_kind, a.target_kind, "
            + UserReferences.name("a.target_kind", "a.target_name", "target_name")
            + ", a.policy_name FROM policy_attachments a" + UserReferences.joinUser("a.target_kind", "a.target_name")
            + " WHERE " + UserReferences.referenceExists("a.target_kind", "a.target_name");

    private static String targetKey(PolicyAttachment.TargetKind target, String targetName) {
        return UserReferences.key(target == PolicyAttachment.TargetKind.USER, targetName);
    }

    private static PolicyAttachment attachment(ResultSet row) throws SQLException {
        return new PolicyAttachment(PolicyAttachment.PolicyKind.valueOf(row.getString("policy_kind")),
                PolicyAttachment.TargetKind.valueOf(row.getString("target_kind")), row.getString("target_name"),
                row.getString("policy_name"));
    }

    private static AuthenticationPolicy map(ResultSet row) throws SQLException {
        Definition definition = read(row.getString("definition"));
        return new AuthenticationPolicy(row.getString("name"), Jdbc.text(row, "database_name"),
                Jdbc.text(row, "schema_name"), definition.authenticationMethods(), definition.clientTypes(),
                definition.clientPolicy(), definition.securityIntegrations(), definition.mfaEnrollment(),
                definition.mfaPolicy(), definition.patPolicy(), definition.workloadIdentityPolicy(),
                Jdbc.text(row, "comment"), Jdbc.text(row, "owner"), Jdbc.instant(row, "created_on").orElseThrow());
    }

    private static String write(Definition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("cannot serialise an authentication policy", impossible);
        }
    }

    private static Definition read(String json) {
        try {
            return JSON.readValue(json, Definition.class);
        } catch (JsonProcessingException corrupt) {
            throw new IllegalStateException("stored authentication policy is unreadable", corrupt);
        }
    }
}
