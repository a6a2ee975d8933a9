package dev.frostgate.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A JWKS endpoint on loopback (the JDK's HTTP server) that counts the requests it gets by the host the client
 * named (the Host header), so a test can reach it as {@code 127.0.0.1} and as {@code localhost} and tell which was
 * contacted. {@code /jwks} serves the public half of its key; {@code /redirect} sends the client to
 * {@code http://127.0.0.1:<port>/jwks}. It signs External OAuth tokens with that key.
 */
public final class CountingJwksServer implements AutoCloseable {
    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, AtomicInteger> requestsByHost = new ConcurrentHashMap<>();

    private CountingJwksServer() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("counting-key").generate();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/redirect", exchange -> {
            exchange.getResponseHeaders().add("Location", url("127.0.0.1", "/jwks"));
            answer(exchange, 302, "");
        });
        server.start();
    }

    public static CountingJwksServer start() throws Exception {
        return new CountingJwksServer();
    }

    /** {@code http://<host>:<port><path>}, e.g. url("localhost", "/jwks"). */
    public String url(String host, String path) {
        return "http://" + host + ":" + server.getAddress().getPort() + path;
    }

    /** How many requests named this host (without the port) so far. */
    public int requestsFor(String host) {
        return requestsByHost.getOrDefault(host.toLowerCase(Locale.ROOT), new AtomicInteger()).get();
    }

    /** A token of the issuer for the audience, signed with this server's key and valid for ten minutes. */
    public String token(String issuer, String audience, String subject, List<String> scopes) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .claim("scp", scopes).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void answer(HttpExchange exchange, int status, String body) throws IOException {
        String host = String.valueOf(exchange.getRequestHeaders().getFirst("Host"));
        int colon = host.lastIndexOf(':');
        requestsByHost.computeIfAbsent((colon < 0 ? host : host.substring(0, colon)).toLowerCase(Locale.ROOT),
                name -> new AtomicInteger()).incrementAndGet();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
