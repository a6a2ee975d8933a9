package dev.frostgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.crypto.SecretGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts a throw-away server, logs in and runs {@code SELECT 1} over real HTTP, and stops. The
 * launcher runs it once after a build so the JVM can record a class-data archive of everything a
 * login touches, which makes later start-ups faster; it doubles as a smoke test of the jar.
 */
public final class WarmUp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WarmUp() {}

    /** Returns normally only when a login and a query succeeded. */
    public static void run() throws Exception {
        Path dataDirectory = Files.createTempDirectory("frostgate-warm-up");
        String password = new SecretGenerator(new SecureRandom()).strongPassword(24);
        ServerConfig config = ServerConfig.embedded(dataDirectory).withAdminPassword(password);
        try (FrostgateServer server = FrostgateServer.start(config, Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream()))) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            JsonNode login = post(http, base + "/session/v1/login-request", Map.of(), Map.of("data",
                    Map.of("ACCOUNT_NAME", config.accountName(), "LOGIN_NAME", FrostgateServer.ADMIN_USER,
                            "PASSWORD", password, "CLIENT_APP_ID", "WarmUp")));
            String token = login.path("data").path("token").asText();
            JsonNode query = post(http, base + "/queries/v1/query-request", Map.of("Authorization",
                    "Snowflake Token=\"" + token + "\""), Map.of("sqlText", "SELECT 1"));
            if (!login.path("success").asBoolean() || !query.path("success").asBoolean()) {
                throw new IllegalStateException("warm-up login or query failed: " + query.path("code").asText());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static JsonNode post(HttpClient http, String url, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        return JSON.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()).body());
    }
}
