package dev.frostgate.protocol.v2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.BearerAuthentication;
import dev.frostgate.auth.Session;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.exec.StatementExecutor;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import dev.frostgate.protocol.RowsetEncoder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The SQL API v2: {@code POST /api/v2/statements}, {@code GET /api/v2/statements/{handle}} and
 * {@code POST /api/v2/statements/{handle}/cancel}. A synchronous statement still running after
 * {@code resultWait} (45 s) is answered 202 like an asynchronous one; its owner polls the handle.
 */
public final class StatementEndpoints {
    private static final String HANDLE_PREFIX = V2Responses.STATEMENTS_PATH + "/";
    private static final String CANCEL_SUFFIX = "/cancel";
    /** Snowflake's documented maximum for the timeout field: 7 days. */
    private static final long MAXIMUM_TIMEOUT_SECONDS = 604_800;

    private final V2Authentication authentication;
    private final StatementExecutor executor;
    private final QueryRegistry registry;
    private final Duration resultWait;

    public StatementEndpoints(BearerAuthentication bearers, StatementExecutor executor, QueryRegistry registry,
                              Duration resultWait) {
        this.authentication = new V2Authentication(bearers);
        this.executor = executor;
        this.registry = registry;
        this.resultWait = resultWait;
    }

    /** The fields of a submit body, validated. */
    private record StatementRequest(String statement, Optional<Duration> timeout, Optional<String> database,
                                    Optional<String> schema, Optional<String> warehouse, Optional<String> role) {}

    public Endpoint submit() {
        return exchange -> {
            Optional<String> token = V2Requests.bearerToken(exchange);
            if (token.isEmpty()) {
                return;
            }
            Optional<StatementRequest> request = V2Requests.readObject(exchange)
                    .flatMap(body -> statementRequest(exchange, body));
            if (request.isEmpty()) {
                return;
            }
            Optional<Session> session = authentication.authenticate(exchange, token.get(), request.get().role());
            if (session.isEmpty()) {
                return;
            }
            Optional<String> clientRequestId = exchange.queryParameter("requestId").filter(id -> !id.isBlank());
            String requestId = clientRequestId.orElseGet(() -> UUID.randomUUID().toString());
            SessionContext context = new SessionContext(session.get());
            QueryRegistry.Submission submission;
            try {
                submission = registry.submitFor(session.get().userName(), session.get().id(), clientRequestId,
                        request.get().timeout(), () -> {
                            executor.useContext(context, request.get().database(), request.get().schema(),
                                    request.get().warehouse());
                            ResultTable result = executor.execute(context, request.get().statement());
                            return QueryRegistry.Outcome.of(result, context.session());
                        });
            } catch (FrostgateException refused) {
                V2Responses.refusal(exchange, refused);
                return;
            }
            if (exchange.queryParameter("async").map(Boolean::parseBoolean).orElse(false)) {
                running(exchange, submission, requestId);
                return;
            }
            respond(exchange, submission, requestId, resultWait, nullsAsText(exchange));
        };
    }

    /** {@code GET /api/v2/statements/{handle}[?partition=N]}: 202 while running, then the outcome. */
    public Endpoint status() {
        return exchange -> {
            Optional<QueryRegistry.Submission> submission = ownSubmission(exchange, exchange.path()
                    .substring(HANDLE_PREFIX.length()));
            if (submission.isEmpty()) {
                return;
            }
            Optional<String> partition = exchange.queryParameter("partition");
            if (partition.isPresent() && !partition.get().equals("0")) {
                V2Requests.malformed(exchange, "partition " + partition.get() + " does not exist; the result has "
                        + "one partition, 0");
                return;
            }
            respond(exchange, submission.get(), exchange.queryParameter("requestId").orElse(null), Duration.ZERO,
                    false);
        };
    }

    /** {@code POST /api/v2/statements/{handle}/cancel}. */
    public Endpoint cancel() {
        return exchange -> {
            String path = exchange.path();
            Optional<QueryRegistry.Submission> submission = ownSubmission(exchange,
                    path.substring(HANDLE_PREFIX.length(), path.length() - CANCEL_SUFFIX.length()));
            if (submission.isEmpty()) {
                return;
            }
            if (submission.get().cancel(new FrostgateException(ErrorCode.STATEMENT_CANCELED))) {
                ErrorCode canceled = ErrorCode.STATEMENT_CANCELED;
                exchange.respondJson(200, V2Responses.statementStatus(submission.get(), null, canceled.code(),
                        canceled.sqlState(), canceled.format()));
            } else {
                exchange.respondJson(200, V2Responses.statementStatus(submission.get(), null, "090001", "00000",
                        "Statement already completed; there was nothing to cancel."));
            }
        };
    }

    public static boolean isStatusPath(String path) {
        return path.startsWith(HANDLE_PREFIX) && path.length() > HANDLE_PREFIX.length()
                && path.indexOf('/', HANDLE_PREFIX.length()) < 0;
    }

    public static boolean isCancelPath(String path) {
        return path.startsWith(HANDLE_PREFIX) && path.endsWith(CANCEL_SUFFIX)
                && path.length() > HANDLE_PREFIX.length() + CANCEL_SUFFIX.length()
                && path.indexOf('/', HANDLE_PREFIX.length()) == path.length() - CANCEL_SUFFIX.length();
    }

    /** The caller's statement; another user's handle is answered exactly like an unknown one (404, 000709). */
    private Optional<QueryRegistry.Submission> ownSubmission(Exchange exchange, String handle) {
        Optional<String> token = V2Requests.bearerToken(exchange);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<Session> session = authentication.authenticate(exchange, token.get(), Optional.empty());
        if (session.isEmpty()) {
            return Optional.empty();
        }
        Optional<QueryRegistry.Submission> submission = registry.findFor(handle, session.get().userName());
        if (submission.isEmpty()) {
            V2Responses.refusal(exchange, ErrorCode.STATEMENT_NOT_FOUND, ErrorCode.STATEMENT_NOT_FOUND.format(
                    handle.length() > 64 ? handle.substring(0, 64) + "…" : handle));
        }
        return submission;
    }

    private static Optional<StatementRequest> statementRequest(Exchange exchange, JsonNode body) {
        JsonNode statement = body.get("statement");
        if (statement == null || !statement.isTextual()) {
            return V2Requests.malformed(exchange, "statement is missing");
        }
        Optional<Duration> timeout = Optional.empty();
        JsonNode timeoutNode = body.get("timeout");
        if (timeoutNode != null && !timeoutNode.isNull()) {
            if (!timeoutNode.canConvertToLong() || !timeoutNode.isIntegralNumber() || timeoutNode.asLong() < 0
                    || timeoutNode.asLong() > MAXIMUM_TIMEOUT_SECONDS) {
                return V2Requests.malformed(exchange, "timeout must be a whole number of seconds from 0 to "
                        + MAXIMUM_TIMEOUT_SECONDS);
            }
            timeout = Optional.of(Duration.ofSeconds(timeoutNode.asLong()));
        }
        JsonNode bindings = body.get("bindings");
        if (bindings != null && !bindings.isNull() && !(bindings.isObject() && bindings.isEmpty())) {
            // The driver protocol runs statements without bind variables too; refuse rather than ignore them.
            V2Responses.error(exchange, 422, ErrorCode.UNSUPPORTED_FEATURE,
                    ErrorCode.UNSUPPORTED_FEATURE.format("bind variables"));
            return Optional.empty();
        }
        Optional<Optional<String>> database = V2Requests.optionalText(exchange, body, "database");
        Optional<Optional<String>> schema = database.flatMap(ignored -> V2Requests.optionalText(exchange, body,
                "schema"));
        Optional<Optional<String>> role = schema.flatMap(ignored -> V2Requests.optionalText(exchange, body, "role"));
        Optional<Optional<String>> warehouse = role.flatMap(ignored -> V2Requests.optionalText(exchange, body,
                "warehouse"));
        if (warehouse.isEmpty()) {
            return Optional.empty();
        }
        JsonNode parameters = body.get("parameters");
        if (parameters != null && !parameters.isNull() && !parameters.isObject()) {
            return V2Requests.malformed(exchange, "parameters must be an object");
        }
        // Session parameters have no effect (as with ALTER SESSION).
        return Optional.of(new StatementRequest(statement.asText(), timeout, database.get(), schema.get(),
                warehouse.get(), role.get()));
    }

    /** {@code nullable=false}: SQL NULL is sent as the string "null". */
    private static boolean nullsAsText(Exchange exchange) {
        return exchange.queryParameter("nullable").map(value -> value.equalsIgnoreCase("false")).orElse(false);
    }

    private void respond(Exchange exchange, QueryRegistry.Submission submission, String requestId, Duration wait,
                         boolean nullsAsText) throws InterruptedException, IOException {
        QueryRegistry.Outcome outcome;
        try {
            outcome = wait.isZero() ? submission.outcome().getNow(null)
                    : submission.outcome().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            outcome = null;
        } catch (ExecutionException impossible) {
            // The registry turns every failure into an outcome.
            throw new IllegalStateException(impossible.getCause());
        }
        if (outcome == null) {
            running(exchange, submission, requestId);
        } else if (outcome.error() != null) {
            FrostgateException error = outcome.error();
            exchange.respondJson(V2Responses.statementFailureStatus(error.errorCode()),
                    V2Responses.statementStatus(submission, requestId, error.errorCode().code(),
                            error.errorCode().sqlState(), error.getMessage()));
        } else {
            exchange.respondJson(200, resultSet(exchange, submission, requestId, outcome.result(), nullsAsText));
        }
    }

    private static void running(Exchange exchange, QueryRegistry.Submission submission, String requestId) {
        Map<String, Object> body = V2Responses.statementStatus(submission, requestId, "333334", "00000",
                "Asynchronous execution in progress. Use provided query id to perform query monitoring and "
                        + "management.");
        exchange.respondJson(202, body);
    }

    private static Map<String, Object> resultSet(Exchange exchange, QueryRegistry.Submission submission,
                                                 String requestId, ResultTable result, boolean nullsAsText)
            throws IOException {
        List<List<String>> data = RowsetEncoder.rowset(result);
        if (nullsAsText) {
            List<List<String>> replaced = new ArrayList<>(data.size());
            for (List<String> row : data) {
                replaced.add(row.stream().map(value -> value == null ? "null" : value).toList());
            }
            data = replaced;
        }
        Map<String, Object> partition = new LinkedHashMap<>();
        partition.put("rowCount", data.size());
        partition.put("uncompressedSize", exchange.json().writeValueAsBytes(data).length);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("numRows", data.size());
        metadata.put("format", "jsonv2");
        metadata.put("rowType", RowsetEncoder.rowtype(result.columns()));
        metadata.put("partitionInfo", List.of(partition));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("resultSetMetaData", metadata);
        body.put("data", data);
        body.put("code", "090001");
        body.put("statementStatusUrl", V2Responses.statusUrl(submission.queryId(), requestId));
        body.put("requestId", requestId);
        body.put("sqlState", "00000");
        body.put("statementHandle", submission.queryId());
        body.put("message", "Statement executed successfully.");
        body.put("createdOn", submission.createdOn().toEpochMilli());
        return body;
    }
}
