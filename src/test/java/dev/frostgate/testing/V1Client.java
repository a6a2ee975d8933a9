package dev.frostgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/** A raw HTTP client for the v1 protocol, for what the drivers hide: status codes, envelopes, bad input. */
public final class V1Client {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public V1Client(RunningServer server) {
        this.baseUrl = server.baseUrl();
    }

    public record Reply(int status, JsonNode body) {
        public String code() {
            return body.path("code").isNull() ? null : body.path("code").asText(null);
        }

        public boolean success() {
            return body.path("success").asBoolean(false);
        }

        public JsonNode data() {
            return body.path("data");
        }
    }

    public Reply login(String user, String password) throws IOException, InterruptedException {
        return login(Map.of("LOGIN_NAME", user, "PASSWORD", password));
    }

    /**
     * A password login with the connect string's context, sent as the drivers send it: query parameters such as
     * {@code databaseName}, {@code schemaName}, {@code warehouse}, {@code roleName}.
     */
    public Reply login(String user, String password, Map<String, String> connectParameters)
            throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder();
        connectParameters.forEach((name, value) -> query.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return login(Map.of("LOGIN_NAME", user, "PASSWORD", password), query.toString());
    }

    /** A token login (AUTHENTICATOR and TOKEN) as JDBC sends it; {@code loginName} null sends no LOGIN_NAME. */
    public Reply tokenLogin(String loginName, String authenticator, String token)
            throws IOException, InterruptedException {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (loginName != null) {
            fields.put("LOGIN_NAME", loginName);
        }
        fields.put("AUTHENTICATOR", authenticator);
        fields.put("TOKEN", token);
        return login(fields);
    }

    private Reply login(Map<String, Object> fields) throws IOException, InterruptedException {
        return login(fields, "");
    }

    private Reply login(Map<String, Object> fields, String extraQuery) throws IOException, InterruptedException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ACCOUNT_NAME", "frostgate");
        data.putAll(fields);
        data.put("CLIENT_APP_ID", "JDBC");
        data.put("CLIENT_APP_VERSION", "3.28.0");
        return post("/session/v1/login-request?requestId=" + UUID.randomUUID() + extraQuery,
                JSON.writeValueAsBytes(Map.of("data", data)), Map.of());
    }

    public Reply query(String sessionToken, String sql, String requestId) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("sqlText", sql, "sequenceId", 0));
        return post("/queries/v1/query-request?requestId=" + requestId, gzip(body),
                Map.of("Authorization", "Snowflake Token=\"" + sessionToken + "\"", "Content-Encoding", "gzip"));
    }

    public Reply query(String sessionToken, String sql) throws IOException, InterruptedException {
        return query(sessionToken, sql, UUID.randomUUID().toString());
    }

    public Reply post(String path, byte[] body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json")
                .header("Accept", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    /**
     * A POST that first asks {@code Expect: 100-continue}, as well-behaved clients do for large bodies:
     * a server refusing the size answers before the body is sent, instead of resetting the upload.
     */
    public Reply postExpectingContinue(String path, byte[] body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).expectContinue(true)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(request::header);
        return send(request.build());
    }

    public Reply get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(response.statusCode(), JSON.readTree(response.body()));
    }

    public static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(plain);
        }
        return buffer.toByteArray();
    }

    public static Map<String, String> sessionHeader(String token) {
        return Map.of("Authorization", "Snowflake Token=\"" + token + "\"");
    }
}
