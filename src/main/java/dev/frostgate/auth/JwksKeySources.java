package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

/**
 * The key sources of External OAuth integrations' EXTERNAL_OAUTH_JWS_KEYS_URLs, one per URL, built with
 * Nimbus and configured explicitly: short connect and read timeouts and a size limit (a slow or hostile
 * URL makes one login fail fast, never the server), keys cached, refetched at once for an unknown
 * {@code kid} (a key rotation at the identity provider), and refetches rate-limited so that tokens with
 * made-up kids cannot turn the server into a request amplifier.
 */
final class JwksKeySources {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    static final int SIZE_LIMIT_BYTES = 64 * 1024;
    static final Duration CACHE_LIFETIME = Duration.ofMinutes(15);
    /** How long a login waits for another thread's fetch of the same URL. */
    static final Duration REFRESH_WAIT = Duration.ofSeconds(3);
    /** At most two fetches of one URL per interval (Nimbus's rate limiter). */
    static final Duration REFETCH_INTERVAL = Duration.ofSeconds(10);

    private final LoadingCache<URI, JWKSource<SecurityContext>> sources = Caffeine.newBuilder().maximumSize(100)
            .expireAfterAccess(Duration.ofHours(1)).build(JwksKeySources::build);

    JWKSource<SecurityContext> forUrl(URI url) {
        return sources.get(url);
    }

    private static JWKSource<SecurityContext> build(URI url) throws MalformedURLException {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) CONNECT_TIMEOUT.toMillis(),
                (int) READ_TIMEOUT.toMillis(), SIZE_LIMIT_BYTES);
        return JWKSourceBuilder.<SecurityContext>create(url.toURL(), retriever)
                .cache(CACHE_LIFETIME.toMillis(), REFRESH_WAIT.toMillis())
                .refreshAheadCache(false)
                .rateLimited(REFETCH_INTERVAL.toMillis())
                .retrying(false)
                .outageTolerant(false)
                .build();
    }
}
