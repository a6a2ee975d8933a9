package dev.frostgate.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.server.ClientAddressResolver;
import dev.frostgate.server.Router;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Exchange}'s forms, redirects, cookies and response headers, through the real router on Jetty's
 * in-memory connector (no socket): raw HTTP in, raw HTTP out.
 */
class ExchangeTest {
    private static final int MAXIMUM_BODY_BYTES = 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Server server;
    private static LocalConnector plain;
    private static LocalConnector tls;

    @BeforeAll
    static void start() throws Exception {
        server = new Server();
        plain = new LocalConnector(server);
        HttpConfiguration secure = new HttpConfiguration();
        // What Jetty's TLS connector would say of its requests, without a handshake.
        secure.addCustomizer((request, responseHeaders) -> new Request.Wrapper(request) {
            @Override
            public boolean isSecure() {
                return true;
            }
        });
        tls = new LocalConnector(server, new HttpConnectionFactory(secure));
        server.addConnector(plain);
        server.addConnector(tls);
        Router router = new Router(JSON, new ClientAddressResolver(Set.of()), MAXIMUM_BODY_BYTES);
        router.route("POST", "/form", exchange -> {
            FormBody form = exchange.formBody();
            exchange.respondJson(200, Map.of("user", form.value("user").orElse("-"),
                    "cookie", exchange.cookie("fg_flow").orElse("-")));
        });
        router.route("POST", "/sign-in", exchange -> {
            exchange.formBody();
            exchange.setHeader("Cache-Control", "no-store");
            exchange.setCookie(new ResponseCookie("fg_session", "s3ss10n", "/console",
                    Optional.of(Duration.ofHours(1)), ResponseCookie.SameSite.STRICT));
            exchange.redirect(URI.create("/console/home?from=sign-in"));
        });
        router.route("GET", "/bad-header", exchange -> exchange.setHeader("X-Test", "a\r\nSet-Cookie: evil=1"));
        server.setHandler(router);
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    private static HttpTester.Response send(LocalConnector connector, String method, String path,
                                            String headers, String body) throws Exception {
        String request = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
                + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body;
        return HttpTester.parseResponse(connector.getResponse(request));
    }

    private static HttpTester.Response postForm(String path, String headers, String body) throws Exception {
        return send(plain, "POST", path, "Content-Type: application/x-www-form-urlencoded\r\n" + headers, body);
    }

    private static JsonNode json(HttpTester.Response response) throws Exception {
        return JSON.readTree(response.getContent());
    }

    @Test
    void readsAFormAndTheRequestsCookies() throws Exception {
        HttpTester.Response response = postForm("/form", "Cookie: fg_flow=f1; other=2\r\n", "user=J%C3%B6rg+M");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(json(response).path("user").asText()).isEqualTo("Jörg M");
        assertThat(json(response).path("cookie").asText()).isEqualTo("f1");
    }

    @Test
    void aFormWithUtf8CharsetIsAFormAndAnotherContentTypeIsRefusedWith390400() throws Exception {
        HttpTester.Response charset = send(plain, "POST", "/form",
                "Content-Type: application/x-www-form-urlencoded; charset=UTF-8\r\n", "user=a");
        HttpTester.Response latin1 = send(plain, "POST", "/form",
                "Content-Type: application/x-www-form-urlencoded; charset=ISO-8859-1\r\n", "user=a");
        HttpTester.Response jsonBody = send(plain, "POST", "/form", "Content-Type: application/json\r\n",
                "{\"user\":\"a\"}");

        assertThat(charset.getStatus()).isEqualTo(200);
        for (HttpTester.Response refused : new HttpTester.Response[] {latin1, jsonBody}) {
            assertThat(refused.getStatus()).isEqualTo(400);
            assertThat(json(refused).path("code").asText()).isEqualTo("390400");
            assertThat(json(refused).path("success").asBoolean()).isFalse();
            assertThat(json(refused).path("message").asText()).contains("not a UTF-8 form");
        }
    }

    @Test
    void aMalformedFormIs400With390400NeverA500() throws Exception {
        HttpTester.Response response = postForm("/form", "", "user=%E2%82");

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(json(response).path("code").asText()).isEqualTo("390400");
        assertThat(json(response).path("message").asText())
                .isEqualTo("The request could not be read: the form is malformed: it is not UTF-8");
    }

    @Test
    void anOversizedFormIs413With390413AndTheConnectionIsClosed() throws Exception {
        HttpTester.Response response = postForm("/form", "", "user=" + "x".repeat(MAXIMUM_BODY_BYTES));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(json(response).path("code").asText()).isEqualTo("390413");
        assertThat(json(response).path("message").asText())
                .isEqualTo("The request body exceeds the maximum allowed size.");
        assertThat(response.get("Connection")).isEqualTo("close");
    }

    @Test
    void redirectsWith303LocationResponseHeadersAndAnHttpOnlySameSiteCookie() throws Exception {
        HttpTester.Response response = postForm("/sign-in", "", "user=a");

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.get("Location")).isEqualTo("/console/home?from=sign-in");
        assertThat(response.get("Cache-Control")).isEqualTo("no-store");
        assertThat(response.get("Set-Cookie"))
                .isEqualTo("fg_session=s3ss10n; Path=/console; Max-Age=3600; HttpOnly; SameSite=Strict");
        assertThat(response.getContent()).isEmpty();
    }

    @Test
    void cookiesAreSecureWhenTheRequestCameOverTls() throws Exception {
        HttpTester.Response response = send(tls, "POST", "/sign-in",
                "Content-Type: application/x-www-form-urlencoded\r\n", "user=a");

        assertThat(response.getStatus()).isEqualTo(303);
        assertThat(response.get("Set-Cookie")).endsWith("; HttpOnly; SameSite=Strict; Secure");
    }

    @Test
    void aHeaderValueCannotSplitTheResponse() throws Exception {
        HttpTester.Response response = send(plain, "GET", "/bad-header", "", "");

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.get("X-Test")).isNull();
        assertThat(response.get("Set-Cookie")).isNull();
    }
}
