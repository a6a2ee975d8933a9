package dev.frostgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The requests the benchmark sends, as a driver or REST caller would: logins, v1 queries, the SQL API
 * and /healthz. Request bodies are built once, so the client's own cost per request stays small.
 * A wrong answer throws {@link RequestFailed}; a failed setup statement {@link BenchmarkAborted}.
 */
final class FrostgateClient {
    static final String ACCOUNT = "frostgate";
    static final String ADMIN = "ADMIN";
    /** What the client says it is in every login (CLIENT_APP_ID, CLIENT_APP_VERSION), as JDBC does. */
    static final String CLIENT_APP_ID = "JDBC";
    static final String CLIENT_APP_VERSION = "3.28.0";
    /** Login answers after which no further login may be sent: a wrong password (lockout risk) or a lock. */
    private static final List<String> STOP_LOGIN_CODES = List.of("390100", "390102");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final byte[] passwordLoginBody;
    private final byte[] queryBody;
    private final byte[] sqlApiSelectOneBody;

    FrostgateClient(URI base, String password) {
        this.base = base;
        this.passwordLoginBody = passwordLoginBody(ADMIN, password);
        this.queryBody = queryBody("SELECT 1");
        this.sqlApiSelectOneBody = bytes(JSON.createObjectNode().put("statement", "SELECT 1"));
    }

    /** Loads the HTTP client's and JSON classes before any clock starts, so they are not charged to the server. */
    void warmUp() throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException expected) {
            // Nothing listens yet.
        }
        try {
            JSON.readTree(passwordLoginBody);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    void healthz() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(base.resolve("/healthz"))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || body == null || !"ok".equals(body.path("status").asText())) {
            throw new RequestFailed("healthz HTTP " + response.statusCode(), abbreviate(response.body()));
        }
    }

    // ---------------------------------------------------------------- logins

    /** The login-request body of a password login of {@code loginName}. */
    static byte[] passwordLoginBody(String loginName, String password) {
        ObjectNode login = loginData(loginName);
        login.put("PASSWORD", password);
        return bytes(JSON.createObjectNode().set("data", login));
    }

    /** The login-request body of a programmatic access token login (LOGIN_NAME given, as drivers send it). */
    static byte[] tokenLoginBody(String secret) {
        return tokenLoginBody("PROGRAMMATIC_ACCESS_TOKEN", ADMIN, secret);
    }

    /** The login-request body of a login with {@code AUTHENTICATOR} and a TOKEN (OAUTH, SNOWFLAKE_JWT …). */
    static byte[] tokenLoginBody(String authenticator, String loginName, String token) {
        ObjectNode login = loginData(loginName);
        login.put("AUTHENTICATOR", authenticator);
        login.put("TOKEN", token);
        return bytes(JSON.createObjectNode().set("data", login));
    }

    /** Sends the administrator's password login once, answered or not: for polling a starting server. */
    HttpResponse<byte[]> sendPasswordLogin() throws IOException, InterruptedException {
        return http.send(loginRequest(passwordLoginBody), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** One password login of the administrator; its session token. */
    String passwordLogin() throws Exception {
        return login(passwordLoginBody);
    }

    /** One login with a prepared body ({@link #tokenLoginBody} or the password's); its session token. */
    String login(byte[] body) throws Exception {
        HttpResponse<byte[]> response = http.send(loginRequest(body), HttpResponse.BodyHandlers.ofByteArray());
        Optional<String> token = sessionToken(response);
        if (token.isPresent()) {
            return token.get();
        }
        JsonNode answer = parse(response);
        String code = answer == null ? "-" : answer.path("code").asText("-");
        if (STOP_LOGIN_CODES.contains(code)) {
            // Never risk (or prolong) a lockout of the administrator: stop the run.
            throw new StopRun("login refused with " + code + ": " + abbreviate(response.body()));
        }
        throw new RequestFailed("login HTTP " + response.statusCode() + " code " + code, abbreviate(response.body()));
    }

    /** The session token of a successful login answer. */
    static Optional<String> sessionToken(HttpResponse<byte[]> response) {
        JsonNode body = parse(response);
        if (response.statusCode() == 200 && body != null && body.path("success").asBoolean(false)
                && body.path("data").path("token").isTextual()) {
            return Optional.of(body.path("data").path("token").asText());
        }
        return Optional.empty();
    }

    private static ObjectNode loginData(String loginName) {
        ObjectNode data = JSON.createObjectNode();
        data.put("ACCOUNT_NAME", ACCOUNT);
        data.put("LOGIN_NAME", loginName);
        data.put("CLIENT_APP_ID", CLIENT_APP_ID);
        data.put("CLIENT_APP_VERSION", CLIENT_APP_VERSION);
        return data;
    }

    private HttpRequest loginRequest(byte[] body) {
        return HttpRequest.newBuilder(base.resolve("/session/v1/login-request?requestId=" + UUID.randomUUID()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    // ---------------------------------------------------------------- statements

    /** {@code SELECT 1} through the v1 query-request of a driver session; the answer must be 1. */
    void selectOne(String sessionToken) throws Exception {
        HttpResponse<byte[]> response = http.send(queryRequest(sessionToken, queryBody, 30),
                HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || body == null || !body.path("success").asBoolean(false)) {
            throw new RequestFailed("query HTTP " + response.statusCode() + " code "
                    + (body == null ? "-" : body.path("code").asText("-")), abbreviate(response.body()));
        }
        if (!"1".equals(body.path("data").path("rowset").path(0).path(0).asText(null))) {
            throw new RequestFailed("query unexpected result", abbreviate(response.body()));
        }
    }

    /** {@code SELECT 1} through the SQL API with a PAT bearer; the 200 answer's data must be [["1"]]. */
    void sqlApiSelectOne(String patSecret) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v2/statements"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + patSecret)
                .header("X-Snowflake-Authorization-Token-Type", "PROGRAMMATIC_ACCESS_TOKEN")
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(sqlApiSelectOneBody))
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (response.statusCode() != 200 || body == null) {
            throw new RequestFailed("SQL API HTTP " + response.statusCode() + " code "
                    + (body == null ? "-" : body.path("code").asText("-")), abbreviate(response.body()));
        }
        JsonNode data = body.path("data");
        if (data.size() != 1 || data.path(0).size() != 1 || !"1".equals(data.path(0).path(0).asText(null))) {
            throw new RequestFailed("SQL API unexpected result", abbreviate(response.body()));
        }
    }

    /** The query-request body of a statement, as a driver sends its first. */
    static byte[] queryBody(String sql) {
        ObjectNode query = JSON.createObjectNode();
        query.put("sqlText", sql);
        query.put("sequenceId", 0);
        return bytes(query);
    }

    /**
     * A statement through the v1 query-request of a driver session, given its {@link #queryBody}; the answer's
     * data (rowset …). A statement still running after the server's result wait is answered 333333 with its result
     * URL, which is polled as drivers do, until {@code timeoutSeconds} have passed since the request was sent: then
     * {@link OperationTimedOut} (the statement may still be running on the server). A refusal is a RequestFailed.
     */
    JsonNode query(String sessionToken, byte[] body, double timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
        Optional<String> resultUrl = Optional.empty();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new OperationTimedOut("no answer within " + timeoutSeconds + " s");
            }
            HttpRequest request = resultUrl.isEmpty() ? queryRequest(sessionToken, body, Duration.ofNanos(left))
                    : HttpRequest.newBuilder(base.resolve(resultUrl.get())).timeout(Duration.ofNanos(left))
                            .header("Authorization", "Snowflake Token=\"" + sessionToken + "\"")
                            .header("Accept", "application/snowflake").GET().build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpTimeoutException late) {
                throw new OperationTimedOut("no answer within " + timeoutSeconds + " s");
            }
            JsonNode answer = parse(response);
            if (response.statusCode() != 200 || answer == null || !answer.path("success").asBoolean(false)) {
                throw new RequestFailed("query HTTP " + response.statusCode() + " code "
                        + (answer == null ? "-" : answer.path("code").asText("-")), abbreviate(response.body()));
            }
            if (!"333333".equals(answer.path("code").asText(""))) {
                return answer.path("data");
            }
            String url = answer.path("data").path("getResultUrl").asText("");
            if (url.isEmpty()) {
                throw new RequestFailed("query in progress without getResultUrl", abbreviate(response.body()));
            }
            resultUrl = Optional.of(url);
        }
    }

    /** Runs a setup statement in a driver session; its answer. A failure ends the run. */
    JsonNode execute(String sessionToken, String sql) throws Exception {
        HttpResponse<byte[]> response = http.send(queryRequest(sessionToken,
                bytes(JSON.createObjectNode().put("sqlText", sql)), 60), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body = parse(response);
        if (body == null || !body.path("success").asBoolean(false)) {
            throw new BenchmarkAborted("setup statement failed: " + abbreviate(sql.getBytes(StandardCharsets.UTF_8))
                    + " -> " + abbreviate(response.body()));
        }
        return body;
    }

    /**
     * Puts the account under a loopback network policy (programmatic access tokens need one) with no
     * authentication policy (every method allowed).
     */
    void allowTokens(String sessionToken) throws Exception {
        for (String sql : List.of("CREATE NETWORK RULE bench_loopback TYPE = IPV4 VALUE_LIST = ('127.0.0.1')",
                "CREATE NETWORK POLICY bench_loopback ALLOWED_NETWORK_RULE_LIST = ('bench_loopback')",
                "ALTER ACCOUNT SET NETWORK_POLICY = bench_loopback",
                "ALTER ACCOUNT UNSET AUTHENTICATION POLICY")) {
            execute(sessionToken, sql);
        }
    }

    /** {@code ALTER USER ADD PAT name}: the new token's secret. */
    String addProgrammaticAccessToken(String sessionToken, String name) throws Exception {
        return addProgrammaticAccessTokenWith(sessionToken, "ALTER USER ADD PAT " + name);
    }

    /** An {@code ALTER USER … ADD PAT …} statement as given: the new token's secret. */
    String addProgrammaticAccessTokenWith(String sessionToken, String statement) throws Exception {
        JsonNode answer = execute(sessionToken, statement);
        String secret = answer.path("data").path("rowset").path(0).path(1).asText("");
        if (!secret.startsWith("fgpat_")) {
            throw new BenchmarkAborted("ADD PAT answered no secret: " + answer);
        }
        return secret;
    }

    private HttpRequest queryRequest(String sessionToken, byte[] body, int timeoutSeconds) {
        return queryRequest(sessionToken, body, Duration.ofSeconds(timeoutSeconds));
    }

    private HttpRequest queryRequest(String sessionToken, byte[] body, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve("/queries/v1/query-request?requestId=" + UUID.randomUUID()))
                .timeout(timeout)
                .header("Authorization", "Snowflake Token=\"" + sessionToken + "\"")
                .header("Accept", "application/snowflake")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    // ---------------------------------------------------------------- JSON

    static JsonNode parse(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException notJson) {
            return null;
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    static String abbreviate(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
