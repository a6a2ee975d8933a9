package dev.frostgate.protocol.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.Session;
import dev.frostgate.catalog.LeakedTokenReports;
import dev.frostgate.catalog.ProgrammaticAccessTokenCatalog;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/v2/leaked-tokens} (beyond Snowflake): a secret scanner reports leaked secrets with
 * {@code {"tokens":["fgpat_…"],"source":"…"}}, authenticated like the statements endpoint. The answer
 * says, per position, whether the secret matched a token, naming the token but never echoing a secret.
 */
public final class LeakedTokenEndpoint implements Endpoint {
    private final V2Authentication authentication;
    private final ProgrammaticAccessTokenCatalog tokens;

    public LeakedTokenEndpoint(BearerAuthentication bearers, ProgrammaticAccessTokenCatalog tokens) {
        this.authentication = new V2Authentication(bearers);
        this.tokens = tokens;
    }

    @Override
    public void handle(Exchange exchange) {
        Optional<String> token = V2Requests.bearerToken(exchange);
        if (token.isEmpty()) {
            return;
        }
        Optional<JsonNode> body = V2Requests.readObject(exchange);
        if (body.isEmpty()) {
            return;
        }
        Optional<List<String>> secrets = secrets(exchange, body.get());
        if (secrets.isEmpty()) {
            return;
        }
        Optional<Optional<String>> source = V2Requests.optionalText(exchange, body.get(), "source");
        if (source.isEmpty()) {
            return;
        }
        Optional<Session> session = authentication.authenticate(exchange, token.get(), Optional.empty());
        if (session.isEmpty()) {
            return;
        }
        LeakedTokenReports.Outcome outcome;
        try {
            outcome = tokens.reportLeaked(new SessionContext(session.get()).actor(), secrets.get(), source.get());
        } catch (FrostgateException refused) {
            V2Responses.refusal(exchange, refused);
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>(outcome.matches().size());
        for (Optional<LeakedTokenReports.DisabledToken> match : outcome.matches()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("matched", match.isPresent());
            match.ifPresent(found -> {
                entry.put("user", found.user());
                entry.put("token", found.token());
            });
            results.add(entry);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("reported", outcome.matches().size());
        answer.put("disabled", outcome.disabled().stream()
                .map(found -> Map.of("user", found.user(), "token", found.token())).toList());
        answer.put("unmatched", outcome.unmatched());
        answer.put("results", results);
        exchange.respondJson(200, answer);
    }

    private static Optional<List<String>> secrets(Exchange exchange, JsonNode body) {
        JsonNode tokens = body.get("tokens");
        if (tokens == null || !tokens.isArray() || tokens.isEmpty()
                || tokens.size() > LeakedTokenReports.MAXIMUM_TOKENS) {
            return V2Requests.malformed(exchange, "tokens must be a list of 1 to "
                    + LeakedTokenReports.MAXIMUM_TOKENS + " secrets");
        }
        List<String> secrets = new ArrayList<>(tokens.size());
        for (JsonNode secret : tokens) {
            if (!secret.isTextual()) {
                return V2Requests.malformed(exchange, "tokens must hold only strings");
            }
            secrets.add(secret.asText());
        }
        return Optional.of(secrets);
    }
}
