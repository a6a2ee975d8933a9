package dev.frostgate.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A network rule: a typed list of network identifiers. Only IPV4 and IPV6 INGRESS rules take part in
 * network-policy evaluation; the other types are stored and shown. Names are one flat namespace:
 * database and schema qualifiers are kept for display only (see docs/architecture.md).
 */
public record NetworkRule(String name, Optional<String> databaseName, Optional<String> schemaName, Type type,
                          Mode mode, List<String> values, Optional<String> comment, Optional<String> owner,
                          Instant createdOn) {

    public enum Type { IPV4, IPV6, AWSVPCEID, AZURELINKID, GCPPSCID, HOST_PORT, PRIVATE_HOST_PORT }

    public enum Mode { INGRESS, INTERNAL_STAGE, EGRESS }

    public NetworkRule {
        values = List.copyOf(values);
    }

    public NetworkRule withValues(List<String> newValues, Optional<String> newComment) {
        return new NetworkRule(name, databaseName, schemaName, type, mode, newValues, newComment, owner, createdOn);
    }

    /** Whether login-time evaluation reads this rule. */
    public boolean isIpIngress() {
        return mode == Mode.INGRESS && (type == Type.IPV4 || type == Type.IPV6);
    }
}
