package dev.frostgate.server;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * The client's address: the socket peer, or — only when the peer is a configured trusted proxy —
 * the nearest untrusted address in X-Forwarded-For. Clients cannot choose their own address.
 */
public final class ClientAddressResolver {
    private final Set<String> trustedProxies;

    public ClientAddressResolver(Set<String> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    public String resolve(Request request) {
        String peer = Request.getRemoteAddr(request);
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = request.getHeaders().get("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        List<String> hops = List.of(forwarded.split(","));
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i).trim();
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return peer;
    }
}
