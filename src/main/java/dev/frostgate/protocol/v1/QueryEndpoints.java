package dev.frostgate.protocol.v1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.frostgate.auth.Session;
import dev.frostgate.auth.SessionManager;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.exec.QueryRegistry;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.exec.StatementExecutor;
import dev.frostgate.protocol.Endpoint;
import dev.frostgate.protocol.Exchange;
import dev.frostgate.protocol.RowsetEncoder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /queries/v1/query-request} and {@code GET /queries/{id}/result}. A statement that is
 * still running after {@code resultWait} is answered with 333333 and its query id; the driver then
 * polls the result URL. A retried requestId is answered from the first execution.
 */
public final class QueryEndpoints {
    private static final String RESULT_PATH_PREFIX = "/queries/";
    private static final String RESULT_PATH_SUFFIX = "/result";

    private final SessionAuthentication authentication;
    private final StatementExecutor executor;
    private final QueryRegistry registry;
    private final Duration resultWait;

    public QueryEndpoints(SessionManager sessions, StatementExecutor executor, QueryRegistry registry,
                          Duration resultWait) {
        this.authentication = new SessionAuthentication(sessions);
        this.executor = executor;
        this.registry = registry;
        this.resultWait = resultWait;
    }

    public Endpoint queryRequest() {
        return exchange -> {
            Optional<Session> session = authentication.authenticate(exchange);
            if (session.isEmpty()) {
                return;
            }
            Optional<JsonNode> body = V1Requests.readJson(exchange);
            if (body.isEmpty()) {
                return;
            }
            JsonNode sqlText = body.get().get("sqlText");
            if (sqlText == null || !sqlText.isTextual()) {
                V1Responses.failure(exchange, ErrorCode.MALFORMED_REQUEST,
                        ErrorCode.MALFORMED_REQUEST.format("sqlText is missing"), null);
                return;
            }
            SessionContext context = new SessionContext(session.get());
            QueryRegistry.Submission submission = registry.submit(session.get().id(),
                    exchange.queryParameter("requestId"), () -> {
                        ResultTable result = executor.execute(context, sqlText.asText());
                        return QueryRegistry.Outcome.of(result, context.session());
                    });
            respond(exchange, submission);
        };
    }

    /** The result of a statement that outlasted its request; only for the session that ran it. */
    public Endpoint result() {
        return exchange -> {
            Optional<Session> session = authentication.authenticate(exchange);
            if (session.isEmpty()) {
                return;
            }
            String path = exchange.path();
            String queryId = path.substring(RESULT_PATH_PREFIX.length(), path.length() - RESULT_PATH_SUFFIX.length());
            Optional<QueryRegistry.Submission> submission = registry.find(queryId, session.get().id());
            if (submission.isEmpty()) {
                V1Responses.queryFailure(exchange, ErrorCode.OBJECT_DOES_NOT_EXIST,
                        ErrorCode.OBJECT_DOES_NOT_EXIST.format("Query", queryId), queryId);
                return;
            }
            respond(exchange, submission.get());
        };
    }

    public static boolean isResultPath(String path) {
        return path.startsWith(RESULT_PATH_PREFIX) && path.endsWith(RESULT_PATH_SUFFIX)
                && path.length() > RESULT_PATH_PREFIX.length() + RESULT_PATH_SUFFIX.length();
    }

    private void respond(Exchange exchange, QueryRegistry.Submission submission) throws InterruptedException {
        QueryRegistry.Outcome outcome;
        try {
            outcome = submission.outcome().get(resultWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("queryId", submission.queryId());
            data.put("getResultUrl", RESULT_PATH_PREFIX + submission.queryId() + RESULT_PATH_SUFFIX);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("data", data);
            body.put("code", "333333");
            body.put("message", "Query execution in progress");
            body.put("success", true);
            exchange.respondJson(200, body);
            return;
        } catch (ExecutionException impossible) {
            // The registry turns every failure into an outcome.
            throw new IllegalStateException(impossible.getCause());
        }
        if (outcome.error() != null) {
            V1Responses.queryFailure(exchange, outcome.error().errorCode(), outcome.error().getMessage(),
                    submission.queryId());
            return;
        }
        ResultTable result = outcome.result();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("parameters", V1Requests.SESSION_PARAMETERS);
        data.put("rowtype", RowsetEncoder.rowtype(result.columns()));
        data.put("rowset", RowsetEncoder.rowset(result));
        data.put("total", result.rows().size());
        data.put("returned", result.rows().size());
        data.put("queryId", submission.queryId());
        data.put("statementTypeId", result.kind().statementTypeId());
        data.put("version", 1);
        // The drivers take the session's context from these after every statement (JDBC's getCatalog, getSchema).
        data.put("finalDatabaseName", outcome.finalContext().database().orElse(null));
        data.put("finalSchemaName", outcome.finalContext().schema().orElse(null));
        data.put("finalWarehouseName", outcome.finalContext().warehouse().orElse(null));
        data.put("finalRoleName", outcome.finalRole());
        data.put("queryResultFormat", "json");
        V1Responses.success(exchange, data);
    }
}
