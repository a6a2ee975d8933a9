package dev.frostgate.auth;

import dev.frostgate.catalog.AuthenticationPolicy;
import dev.frostgate.catalog.User;
import dev.frostgate.error.ErrorCode;
import java.util.Optional;

/**
 * The authentication-policy stage of a login: the client type (a best-effort judgement of what the
 * client reports), the driver's minimum version from CLIENT_POLICY, and the method.
 */
final class AuthenticationPolicyCheck {
    private AuthenticationPolicyCheck() {}

    static void check(AuthenticationPolicy policy, AuthenticationMethod method, LoginRequest.ClientInfo client,
                      Optional<User> user, Optional<String> integration) {
        Optional<String> userName = user.map(User::name);
        ClientType clientType = client.clientType();
        if (!clientType.isRestApi() && !policy.allowsClientType(clientType.policyClass())) {
            throw LoginFailure.withDetails(ErrorCode.CLIENT_TYPE_NOT_ALLOWED, userName, clientType.name());
        }
        String minimum = policy.clientPolicy().get(clientType.name());
        if (minimum != null) {
            String version = client.applicationVersion().orElse("0");
            if (compareVersions(version, minimum) < 0) {
                throw LoginFailure.withDetails(ErrorCode.CLIENT_VERSION_NOT_ALLOWED, userName, clientType.name(), version,
                        minimum);
            }
        }
        if (!policy.allowsMethod(method.policyName())) {
            throw LoginFailure.withDetails(ErrorCode.AUTHENTICATION_METHOD_NOT_ALLOWED, userName, method.policyName());
        }
        if (integration.isPresent() && !policy.allowsIntegration(integration.get())) {
            throw LoginFailure.withDetails(ErrorCode.SECURITY_INTEGRATION_NOT_ALLOWED, userName, integration.get());
        }
    }

    /** Dotted numeric versions, part by part; a missing or non-numeric part counts as 0. */
    static int compareVersions(String left, String right) {
        String[] leftParts = left.split("\\.");
        String[] rightParts = right.split("\\.");
        for (int index = 0; index < Math.max(leftParts.length, rightParts.length); index++) {
            int difference = Long.compare(part(leftParts, index), part(rightParts, index));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static long part(String[] parts, int index) {
        if (index >= parts.length) {
            return 0;
        }
        String digits = parts[index].replaceAll("\\D.*$", "");
        return digits.isEmpty() || digits.length() > 18 ? 0 : Long.parseLong(digits);
    }
}
