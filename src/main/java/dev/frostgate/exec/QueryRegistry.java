package dev.frostgate.exec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.frostgate.auth.Session;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs statements and remembers them: by query id, so a client can fetch the result of a statement
 * that outlasted its request, and by (session, requestId), so a retried request — after a 390112
 * renewal, say — gets the first execution's outcome instead of running the statement again.
 * Statements of the SQL API also have an owner (the user), a timeout after which they are cancelled,
 * and a per-user limit on how many may run at once.
 */
public final class QueryRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRegistry.class);
    /** Statements one user may have running at once through the SQL API, unless configured otherwise. */
    public static final int DEFAULT_STATEMENTS_PER_USER = 16;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * How many statements are remembered. Each costs about 1 KB even for SELECT 1 (submission, outcome,
     * cache entries): 10,000 fit the 96 MB heap ./frostgate runs with next to Argon2's block pool (about
     * 38 MB on two cores); 100,000 did not, and the heap filled after a few busy minutes.
     */
    private static final int REMEMBERED_STATEMENTS = 10_000;

    private final Cache<String, Submission> byRequest = Caffeine.newBuilder().maximumSize(REMEMBERED_STATEMENTS)
            .expireAfterWrite(Duration.ofMinutes(10)).build();
    private final Cache<String, Submission> byQueryId = Caffeine.newBuilder().maximumSize(REMEMBERED_STATEMENTS)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final ConcurrentHashMap<String, AtomicInteger> runningByUser = new ConcurrentHashMap<>();
    private final int statementsPerUser;
    private final Clock clock;

    /**
     * What a statement ended with: a result, or a catalogued error; and the session's role and context (current
     * database, schema, warehouse) after it. Not the whole session: up to {@link #REMEMBERED_STATEMENTS} outcomes
     * are kept, and these two are shared with the session while it does not change them.
     */
    public record Outcome(ResultTable result, FrostgateException error, String finalRole,
                          Session.Context finalContext) {
        /** A statement's result in the session it left behind. */
        public static Outcome of(ResultTable result, Session after) {
            return new Outcome(result, null, after.primaryRole(), after.context());
        }

        static Outcome failed(FrostgateException error) {
            return new Outcome(null, error, null, null);
        }
    }

    /** A started statement; {@code owner} is the user for SQL API statements, empty for driver ones. */
    public record Submission(String queryId, long sessionId, Optional<String> owner, Instant createdOn,
                             CompletableFuture<Outcome> outcome, Future<?> task) {
        /**
         * Ends a running statement with {@code reason} (000604 cancelled, 000630 timed out) and interrupts
         * it; false when it had already finished.
         */
        public boolean cancel(FrostgateException reason) {
            boolean ended = outcome.complete(Outcome.failed(reason));
            if (ended) {
                task.cancel(true);
            }
            return ended;
        }
    }

    public QueryRegistry() {
        this(DEFAULT_STATEMENTS_PER_USER, Clock.systemUTC());
    }

    public QueryRegistry(int statementsPerUser, Clock clock) {
        this.statementsPerUser = statementsPerUser;
        this.clock = clock;
    }

    public Submission submit(long sessionId, Optional<String> requestId, Supplier<Outcome> work) {
        if (requestId.isEmpty() || requestId.get().isBlank()) {
            return start(sessionId, Optional.empty(), Optional.empty(), work);
        }
        return byRequest.get(sessionId + "/" + requestId.get(),
                key -> start(sessionId, Optional.empty(), Optional.empty(), work));
    }

    /**
     * A SQL API statement of {@code owner}: a resubmitted requestId of the same user gets the first
     * submission; more than the per-user limit running at once is refused (390429); a positive
     * {@code timeout} cancels the statement with 000630 when it is reached.
     */
    public Submission submitFor(String owner, long sessionId, Optional<String> requestId, Optional<Duration> timeout,
                                Supplier<Outcome> work) {
        if (requestId.isPresent() && !requestId.get().isBlank()) {
            Submission earlier = byRequest.getIfPresent("user:" + owner + "/" + requestId.get());
            if (earlier != null) {
                return earlier;
            }
        }
        AtomicInteger running = runningByUser.computeIfAbsent(owner, user -> new AtomicInteger());
        if (running.incrementAndGet() > statementsPerUser) {
            running.decrementAndGet();
            throw new FrostgateException(ErrorCode.TOO_MANY_STATEMENTS, owner, statementsPerUser);
        }
        Submission submission = start(sessionId, Optional.of(owner), timeout, work);
        submission.outcome().whenComplete((outcome, failure) -> running.decrementAndGet());
        requestId.filter(id -> !id.isBlank())
                .ifPresent(id -> byRequest.put("user:" + owner + "/" + id, submission));
        return submission;
    }

    /** A submission of the given session; other sessions' query ids are not found. */
    public Optional<Submission> find(String queryId, long sessionId) {
        return Optional.ofNullable(byQueryId.getIfPresent(queryId)).filter(found -> found.sessionId() == sessionId);
    }

    /** A SQL API submission of the given user; other users' handles are not found. */
    public Optional<Submission> findFor(String queryId, String owner) {
        return Optional.ofNullable(byQueryId.getIfPresent(queryId))
                .filter(found -> found.owner().equals(Optional.of(owner)));
    }

    private Submission start(long sessionId, Optional<String> owner, Optional<Duration> timeout,
                             Supplier<Outcome> work) {
        String queryId = UUID.randomUUID().toString();
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        // A plain FutureTask forgets its thread and its work once done; the executor's own future keeps the
        // finished virtual thread, and with it ~300 bytes per statement the caches still hold.
        FutureTask<Void> task = new FutureTask<>(() -> outcome.complete(run(queryId, work)), null);
        executor.execute(task);
        Submission submission = new Submission(queryId, sessionId, owner, clock.instant(), outcome, task);
        byQueryId.put(queryId, submission);
        timeout.filter(limit -> !limit.isZero() && !limit.isNegative()).ifPresent(limit -> CompletableFuture
                .delayedExecutor(limit.toMillis(), TimeUnit.MILLISECONDS, executor)
                .execute(() -> submission.cancel(new FrostgateException(ErrorCode.STATEMENT_TIMEOUT,
                        limit.toSeconds()))));
        return submission;
    }

    private static Outcome run(String queryId, Supplier<Outcome> work) {
        try {
            return work.get();
        } catch (FrostgateException expected) {
            return Outcome.failed(expected);
        } catch (RuntimeException unexpected) {
            LOG.error("query {} failed unexpectedly", queryId, unexpected);
            return Outcome.failed(new FrostgateException(ErrorCode.INTERNAL_ERROR, queryId));
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
