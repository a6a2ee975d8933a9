package dev.frostgate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps method and path to an endpoint. Unknown paths get a 404 in the JSON envelope; an endpoint
 * that throws gets a generic 500 envelope, with the detail only in the server log.
 */
public final class Router extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final Map<String, Endpoint> exactRoutes = new HashMap<>();
    private final Map<Predicate<String>, Endpoint> patternRoutes = new LinkedHashMap<>();
    private final Map<Predicate<String>, String> patternMethods = new HashMap<>();
    private final ObjectMapper json;
    private final ClientAddressResolver addresses;
    private final int maximumBodyBytes;

    public Router(ObjectMapper json, ClientAddressResolver addresses, int maximumBodyBytes) {
        this.json = json;
        this.addresses = addresses;
        this.maximumBodyBytes = maximumBodyBytes;
    }

    public Router route(String method, String path, Endpoint endpoint) {
        exactRoutes.put(method + " " + path, endpoint);
        return this;
    }

    public Router route(String method, Predicate<String> pathMatcher, Endpoint endpoint) {
        patternRoutes.put(pathMatcher, endpoint);
        patternMethods.put(pathMatcher, method);
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback, json, addresses.resolve(request),
                maximumBodyBytes);
        Endpoint endpoint = find(exchange.method(), exchange.path());
        try {
            if (endpoint == null) {
                respondError(exchange, 404, "390404", "The requested resource was not found.");
            } else {
                endpoint.handle(exchange);
            }
        } catch (Exception failure) {
            LOG.error("request {} {} failed", exchange.method(), exchange.path(), failure);
            if (!response.isCommitted()) {
                response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
                respondError(exchange, 500, "000603", "Internal error; see the server log.");
            } else {
                callback.failed(failure);
            }
        }
        return true;
    }

    private Endpoint find(String method, String path) {
        Endpoint exact = exactRoutes.get(method + " " + path);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<Predicate<String>, Endpoint> route : patternRoutes.entrySet()) {
            if (patternMethods.get(route.getKey()).equals(method) && route.getKey().test(path)) {
                return route.getValue();
            }
        }
        return null;
    }

    static void respondError(Exchange exchange, int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("code", code);
        body.put("message", message);
        body.put("success", false);
        exchange.respondJson(status, body);
    }
}
