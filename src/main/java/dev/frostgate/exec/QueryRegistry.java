package dev.frostgate.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements and remembers them: by query id, so a client can fetch the result of a statement
 * that outlasted its request, and by (session, requestId), so a retried request — after a 390112
 * renewal, say — gets the first execution's outcome instead of running the statement again.
 */
public final class QueryRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRegistry.class);

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Cache<String, Submission> byRequest =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Cache<String, Submission> byQueryId =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

    /** What a statement ended with: a result, or a catalogued error; and the session's role after it. */
    public record Outcome(ResultTable result, FrostgateException error, String finalRole) {}

    public record Submission(String queryId, long sessionId, CompletableFuture<Outcome> outcome) {}

    public Submission submit(long sessionId, Optional<String> requestId, Supplier<Outcome> work) {
        if (requestId.isEmpty() || requestId.get().isBlank()) {
            return start(sessionId, work);
        }
        return byRequest.get(sessionId + "/" + requestId.get(), key -> start(sessionId, work));
    }

    /** A submission of the given session; other sessions' query ids are not found. */
    public Optional<Submission> find(String queryId, long sessionId) {
        return Optional.ofNullable(byQueryId.getIfPresent(queryId)).filter(found -> found.sessionId() == sessionId);
    }

    private Submission start(long sessionId, Supplier<Outcome> work) {
        String queryId = UUID.randomUUID().toString();
        CompletableFuture<Outcome> future = CompletableFuture.supplyAsync(() -> run(queryId, work), executor);
        Submission submission = new Submission(queryId, sessionId, future);
        byQueryId.put(queryId, submission);
        return submission;
    }

    private static Outcome run(String queryId, Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (FrostgateException expected) {
            return new Outcome(null, expected, null);
        } catch (RuntimeException unexpected) {
            LOG.error("query {} failed unexpectedly", queryId, unexpected);
            return new Outcome(null, new FrostgateException(ErrorCode.INTERNAL_ERROR, queryId), null);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
