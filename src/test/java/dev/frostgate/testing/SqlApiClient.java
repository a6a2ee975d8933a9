package dev.frostgate.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A raw HTTP client for the SQL API v2, as a REST caller with a bearer token would use it. */
public final class SqlApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String baseUrl;

    public SqlApiClient(RunningServer server) {
        this.baseUrl = server.baseUrl();
    }

    public record Reply(int status, String text, JsonNode body) {
        public String code() {
            return body.path("code").asText(null);
        }

        public String handle() {
            return body.path("statementHandle").asText(null);
        }
    }

    /** {@code POST /api/v2/statements} with {"statement": sql} plus the extra body fields. */
    public Reply statement(String token, String sql, Map<String, Object> fields, String query)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.put("statement", sql);
        return post("/api/v2/statements" + query, JSON.writeValueAsString(body), bearer(token, null));
    }

    public Reply statement(String token, String sql) throws IOException, InterruptedException {
        return statement(token, sql, Map.of(), "");
    }

    public Reply post(String path, String body, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Accept", "application/json");
        if (!headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        return send(request.build());
    }

    public Reply get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
        bearer(token, null).forEach(request::header);
        return send(request.build());
    }

    public static Map<String, String> bearer(String token, String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (type != null) {
            headers.put("X-Snowflake-Authorization-Token-Type", type);
        }
        return headers;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(response.body(), StandardCharsets.UTF_8);
        return new Reply(response.statusCode(), text, text.isEmpty() ? JSON.createObjectNode() : JSON.readTree(text));
    }
}
