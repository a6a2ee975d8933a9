package dev.frostgate.bench;

import static dev.frostgate.bench.BenchmarkReport.round;
import static dev.frostgate.bench.BenchmarkReport.trim;

import dev.frostgate.auth.LoginOutcome;
import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.auth.LoginRequest;
import dev.frostgate.auth.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The JWT login benchmark: External OAuth logins ({@code AUTHENTICATOR=OAUTH}) and key-pair logins
 * ({@code AUTHENTICATOR=SNOWFLAKE_JWT}), each with a distinct pre-signed RS256 token (2048-bit keys) per login.
 *
 * <ol>
 *   <li>(a) OAuth logins per second as a ratio to the raw RS256 verification rate of the same JVM with the same
 *       threads (goal ≥ 0.6);</li>
 *   <li>(b) key-pair logins likewise (goal ≥ 0.6);</li>
 *   <li>(c), (d) the same logins over HTTP ({@code POST /session/v1/login-request} to a {@code frostgate serve}
 *       child process), per second with their ratios to {@code GET /healthz} and to PAT logins of the same
 *       server and client threads (reported; valid without errors).</li>
 * </ol>
 *
 * <p>For (a) and (b) the server runs inside this JVM, as the tests start one (the embedded H2 file store in a
 * temporary directory), and each login goes through the server's own {@link LoginPipeline} with the
 * {@link LoginRequest} its login-request endpoint builds from a driver's body: token validation, the user,
 * the network and authentication policies, the role, the session issued and stored, the login history; no
 * HTTP and no JSON. The raw rate is {@code SHA256withRSA} with a fresh {@link Signature} per verification
 * (as a verifier makes one) over the signing inputs of the same tokens, measured right before the logins.
 *
 * <p>Tokens are signed before each phase's clock starts, on every core; a pool holds warm-up plus measured
 * seconds times an estimated rate ({@code bench.jwtRateEstimate}, else four times the rate of a short probe
 * of the same logins). A login that finds its pool empty is an error (the run is then invalid): no token is
 * sent twice. Run it with {@code bench/run jwt}; exit status as the foundation benchmark's.
 */
public final class JwtBenchmark {
    private static final double RATIO_GOAL = 0.6;
    /** Verification keeps no state, so the raw phase cycles through this many distinct signing inputs. */
    private static final int RAW_INPUTS = 10_000;
    private static final int PROBE_TOKENS_PER_SIGNER = 1_000;
    /** A probe runs cold (and the machine's load may drop); the pool allows this many times its rate. */
    private static final double PROBE_MARGIN = 4;
    private static final String OAUTH = "OAUTH";
    private static final String KEY_PAIR = "SNOWFLAKE_JWT";
    private static final String TOKEN_NAME = "BENCH_TOKEN";
    /** The client address the login-request endpoint sees for a loopback client. */
    private static final String LOOPBACK = "127.0.0.1";

    private final BenchmarkSettings settings;
    private final RequestErrors errors = new RequestErrors();
    private final LoadPhase phases;
    private final JwtCredentials credentials = new JwtCredentials();
    private final int signers = Runtime.getRuntime().availableProcessors();
    private final List<TokenPool> pools = new ArrayList<>();

    public static void main(String[] arguments) {
        BenchmarkReport.exitWith(() -> new JwtBenchmark(BenchmarkSettings.fromSystemProperties()).run());
    }

    private JwtBenchmark(BenchmarkSettings settings) {
        this.settings = settings;
        this.phases = new LoadPhase(settings.warmupSeconds(), settings.measureSeconds(), errors);
    }

    private int run() throws Exception {
        String password = "Bench-" + UUID.randomUUID() + "-Pw1!";
        ServerProcess server = ServerProcess.inFreshDirectory(settings, password);
        System.out.println("Frostgate JWT login benchmark (External OAuth and key pair, RS256, 2048-bit keys)");
        System.out.printf(Locale.ROOT, "  (a), (b): a server in this JVM (Java %s, %d CPUs), logins through its "
                        + "LoginPipeline on %d threads, raw SHA256withRSA verification on as many%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), settings.loginThreads());
        System.out.printf(Locale.ROOT, "  (c), (d): %s over HTTP with %d client threads (log %s)%n",
                String.join(" ", server.command()), settings.clients(), server.log());
        System.out.printf(Locale.ROOT, "  phases:   %s s warm-up + %s s measured each; every login a distinct token, "
                        + "signed beforehand on %d threads%n",
                trim(settings.warmupSeconds()), trim(settings.measureSeconds()), signers);
        String loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "  machine:  load average %s at the start (other processes' CPU use shows in "
                + "every figure)%n", loadBefore);
        System.out.println();
        System.out.println(PhaseResult.HEADER);

        FrostgateClient client = new FrostgateClient(server.base(), password);
        boolean keepLog = true;
        try {
            InProcessResults local = measureInProcess();
            double startupSeconds = server.startFor(client, settings.startupTimeoutSeconds());
            System.out.printf(Locale.ROOT, "  (child server pid %d: first login %.3f s after process start)%n",
                    server.handle().pid(), startupSeconds);
            String session = configure(client);
            byte[] patLogin = FrostgateClient.tokenLoginBody(client.addProgrammaticAccessToken(session, TOKEN_NAME));
            int clients = settings.clients();
            PhaseResult healthz = phases.run("GET /healthz", clients, server.handle(), worker -> client.healthz());
            PhaseResult pat = phases.run("login-request (PAT)", clients, server.handle(),
                    worker -> client.login(patLogin));
            PhaseResult httpOauth = httpLogins("login-request (OAUTH)", OAUTH, credentials::oauthToken, client,
                    server);
            PhaseResult httpKeyPair = httpLogins("login-request (SNOWFLAKE_JWT)", KEY_PAIR,
                    credentials::keyPairToken, client, server);
            System.out.println();

            double oauthRatio = local.oauth().rate() / local.rawOauth().rate();
            double keyPairRatio = local.keyPair().rate() / local.rawKeyPair().rate();
            List<Goal> goals = List.of(
                    Goal.atLeast("a", "oauthLoginToRs256Ratio", "OAuth logins (in-process) / raw RS256 verify",
                            oauthRatio, RATIO_GOAL),
                    Goal.atLeast("b", "keyPairLoginToRs256Ratio", "key-pair logins (in-process) / raw RS256",
                            keyPairRatio, RATIO_GOAL),
                    Goal.validPhase("c", "httpOauthLoginPerSecond", String.format(Locale.ROOT,
                            "OAuth HTTP/s (%.3f healthz, %.3f PAT)", httpOauth.rate() / healthz.rate(),
                            httpOauth.rate() / pat.rate()), httpOauth),
                    Goal.validPhase("d", "httpKeyPairLoginPerSecond", String.format(Locale.ROOT,
                            "key-pair HTTP/s (%.3f healthz, %.3f PAT)", httpKeyPair.rate() / healthz.rate(),
                            httpKeyPair.rate() / pat.rate()), httpKeyPair));
            BenchmarkReport.printGoals(goals);
            String loadAfter = loadAverage();
            System.out.printf(Locale.ROOT, "      (load average %s at the start, %s at the end)%n", loadBefore,
                    loadAfter);
            boolean valid = BenchmarkReport.printErrors(errors);

            Map<String, Object> summary = BenchmarkReport.summary(valid, goals, errors);
            summary.put("oauthLoginToRs256Ratio", round(oauthRatio, 4));
            summary.put("keyPairLoginToRs256Ratio", round(keyPairRatio, 4));
            Map<String, PhaseResult> perSecond = new LinkedHashMap<>();
            perSecond.put("rs256VerifyOauth", local.rawOauth());
            perSecond.put("oauthLogin", local.oauth());
            perSecond.put("rs256VerifyKeyPair", local.rawKeyPair());
            perSecond.put("keyPairLogin", local.keyPair());
            perSecond.put("healthz", healthz);
            perSecond.put("patLogin", pat);
            perSecond.put("httpOauthLogin", httpOauth);
            perSecond.put("httpKeyPairLogin", httpKeyPair);
            perSecond.forEach((key, phase) -> summary.put(key + "PerSecond", round(phase.rate(), 1)));
            for (Map.Entry<String, PhaseResult> http : List.of(Map.entry("httpOauth", httpOauth),
                    Map.entry("httpKeyPair", httpKeyPair))) {
                summary.put(http.getKey() + "ToHealthzRatio", round(http.getValue().rate() / healthz.rate(), 4));
                summary.put(http.getKey() + "ToPatRatio", round(http.getValue().rate() / pat.rate(), 4));
            }
            summary.put("tokensSigned", pools.stream().mapToInt(TokenPool::size).sum());
            summary.put("tokensUsed", pools.stream().mapToInt(TokenPool::used).sum());
            summary.put("signingSeconds", round(pools.stream().mapToDouble(TokenPool::generationSeconds).sum(), 1));
            summary.put("signingThreads", signers);
            summary.put("loadAverageStart", loadBefore);
            summary.put("loadAverageEnd", loadAfter);
            keepLog = !valid;
            return BenchmarkReport.printSummary(summary, goals, settings);
        } finally {
            server.discard(keepLog);
        }
    }

    /** The phases of (a) and (b): raw RS256 verification, then logins, for OAuth and for key pair. */
    private record InProcessResults(PhaseResult rawOauth, PhaseResult oauth, PhaseResult rawKeyPair,
                                    PhaseResult keyPair) {}

    /** (a) and (b) against a server in this JVM, stopped (and its directory deleted) afterwards. */
    private InProcessResults measureInProcess() throws Exception {
        try (InProcessServer local = InProcessServer.start()) {
            configure(new FrostgateClient(local.base(), local.adminPassword()));
            LoginPipeline pipeline = local.pipeline();
            int threads = settings.loginThreads();
            TokenPool.Use oauthLogin = token -> pipelineLogin(pipeline, OAUTH, token);
            TokenPool oauthTokens = pool("OAuth, in-process", credentials::oauthToken, threads, oauthLogin);
            PhaseResult rawOauth = measureRaw("RS256 verify (OAuth tokens)", oauthTokens, credentials.oauthKey());
            PhaseResult oauth = phases.run("OAuth login (LoginPipeline)", threads, ProcessHandle.current(),
                    worker -> oauthLogin.login(oauthTokens.take()));
            TokenPool.Use keyPairLogin = token -> pipelineLogin(pipeline, KEY_PAIR, token);
            TokenPool keyPairTokens = pool("key pair, in-process", credentials::keyPairToken, threads, keyPairLogin);
            PhaseResult rawKeyPair = measureRaw("RS256 verify (key-pair JWTs)", keyPairTokens,
                    credentials.keyPairKey());
            PhaseResult keyPair = phases.run("key-pair login (LoginPipeline)", threads, ProcessHandle.current(),
                    worker -> keyPairLogin.login(keyPairTokens.take()));
            return new InProcessResults(rawOauth, oauth, rawKeyPair, keyPair);
        }
    }

    /** The 1, 5 and 15 minute load averages of the machine ("?" where /proc has none). */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException | RuntimeException unavailable) {
            return "?";
        }
    }

    /**
     * The same set-up on either server: the integration, role and user of {@link JwtCredentials}, then a
     * loopback network policy (the PAT logins need one); the administrator's session.
     */
    private String configure(FrostgateClient client) throws Exception {
        String session = client.passwordLogin();
        for (String sql : credentials.setupStatements()) {
            client.execute(session, sql);
        }
        client.allowTokens(session);
        return session;
    }

    /**
     * A pool for a phase of {@code threads} threads: warm-up plus measured seconds times the estimated rate
     * ({@code bench.jwtRateEstimate}, else {@value #PROBE_MARGIN} × a probe's: the same logins with a few
     * hundred tokens per core, made and used up first).
     */
    private TokenPool pool(String name, Supplier<String> factory, int threads, TokenPool.Use login)
            throws Exception {
        double estimate = settings.jwtRateEstimate();
        String basis = "bench.jwtRateEstimate";
        if (estimate <= 0) {
            TokenPool probe = TokenPool.generate(name + " (probe)", PROBE_TOKENS_PER_SIGNER * signers, signers,
                    factory);
            double probeRate = probe.drain(threads, login);
            estimate = PROBE_MARGIN * probeRate;
            basis = String.format(Locale.ROOT, "%.0f × the probe's %.0f/s", PROBE_MARGIN, probeRate);
        }
        int size = (int) Math.ceil((settings.warmupSeconds() + settings.measureSeconds()) * estimate);
        TokenPool pool = TokenPool.generate(name, size, signers, factory);
        pools.add(pool);
        System.out.printf(Locale.ROOT, "  (%s: %,d tokens signed in %.1f s, for %.0f logins/s = %s)%n", name,
                size, pool.generationSeconds(), estimate, basis);
        return pool;
    }

    /** Raw RS256 verification of the pool's signing inputs on the logins' threads; each must verify. */
    private PhaseResult measureRaw(String name, TokenPool pool, PublicKey key) throws Exception {
        List<TokenPool.SignedInput> inputs = pool.signedInputs(RAW_INPUTS);
        int[] next = new int[settings.loginThreads()];
        return phases.run(name, settings.loginThreads(), ProcessHandle.current(), worker -> {
            TokenPool.SignedInput input = inputs.get(next[worker]++ % inputs.size());
            if (!verifies(key, input)) {
                throw new RequestFailed("RS256 verify", "a signature did not verify");
            }
        });
    }

    private static boolean verifies(PublicKey key, TokenPool.SignedInput input) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(input.signingInput());
        return verifier.verify(input.signature());
    }

    /**
     * One login through the pipeline with the request {@code LoginEndpoint} builds from a JDBC driver's body
     * (ACCOUNT_NAME, LOGIN_NAME, AUTHENTICATOR, TOKEN, CLIENT_APP_ID, CLIENT_APP_VERSION) from loopback; it
     * must open a session with the scope's (or the user's default) role.
     */
    private static void pipelineLogin(LoginPipeline pipeline, String authenticator, String token)
            throws RequestFailed {
        LoginRequest request = new LoginRequest(FrostgateClient.ACCOUNT, Optional.of(JwtCredentials.USER),
                Optional.of(authenticator), Optional.empty(), Optional.of(token), Optional.empty(),
                new LoginRequest.ClientInfo(LOOPBACK, Optional.of(FrostgateClient.CLIENT_APP_ID),
                        Optional.of(FrostgateClient.CLIENT_APP_VERSION)), Optional.empty(), Session.Context.NONE);
        LoginOutcome.Admitted result = switch (pipeline.login(request)) {
            case LoginOutcome.Admitted admitted -> admitted;
            case LoginOutcome.Refused refused -> throw new RequestFailed(
                    "login refused " + refused.failure().errorCode().code(), refused.failure().getMessage());
            case LoginOutcome.Challenged challenged -> throw new RequestFailed("login challenged",
                    challenged.challenge().toString());
        };
        if (!JwtCredentials.ROLE.equals(result.issued().session().primaryRole())) {
            throw new RequestFailed("login with another role", result.issued().session().primaryRole());
        }
    }

    /** Logins over HTTP on the client threads, each with its own token from a pool sized for them. */
    private PhaseResult httpLogins(String name, String authenticator, Supplier<String> factory,
                                   FrostgateClient client, ServerProcess server) throws Exception {
        TokenPool.Use login = token -> client.login(FrostgateClient.tokenLoginBody(authenticator,
                JwtCredentials.USER, token));
        TokenPool tokens = pool(authenticator + ", HTTP", factory, settings.clients(), login);
        return phases.run(name, settings.clients(), server.handle(), worker -> login.login(tokens.take()));
    }
}
