package dev.frostgate.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import dev.frostgate.protocol.Routes;
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
 * Maps method and path to an endpoint. Unknown paths get a 404 in the JSON envelope; a body an endpoint
 * lets through as {@link Exchange.BadBodyException} a 413 (390413) or 400 (390400); an endpoint that throws
 * anything else gets a generic 500 envelope, with the detail only in the server log.
 */
public final class Router extends Handler.Abstract implements Routes {
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

    @Override
    public Router route(String method, String path, Endpoint endpoint) {
        exactRoutes.put(method + " " + path, endpoint);
        return this;
    }

    @Override
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
                respondError(exchange, 404, ErrorCode.NOT_FOUND);
            } else {
                endpoint.handle(exchange);
            }
        } catch (Exchange.BadBodyException bad) {
            // A body an endpoint let through unanswered is still the client's error, never the server's.
            if (!response.isCommitted()) {
                respondError(exchange, bad.tooLarge() ? 413 : 400,
                        bad.tooLarge() ? ErrorCode.BODY_TOO_LARGE : ErrorCode.MALFORMED_REQUEST, bad.getMessage());
            } else {
                callback.failed(bad);
            }
        } catch (Exception failure) {
            LOG.error("request {} {} failed", exchange.method(), exchange.path(), failure);
            if (!response.isCommitted()) {
                response.getHeaders().remove(HttpHeader.CONTENT_TYPE);
                respondError(exchange, 500, ErrorCode.REQUEST_FAILED);
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

    /** The router's own answers (no route, a failed endpoint) in the v1 envelope every door's clients read. */
    private static void respondError(Exchange exchange, int status, ErrorCode code, Object... arguments) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", null);
        body.put("code", code.code());
        body.put("message", code.format(arguments));
        body.put("success", false);
        exchange.respondJson(status, body);
    }
}
