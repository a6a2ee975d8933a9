package dev.frostgate.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.frostgate.policy.HostAllowList;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key sources of External OAuth integrations' EXTERNAL_OAUTH_JWS_KEYS_URLs, one per URL, built with
 * Nimbus and configured explicitly: short connect and read timeouts and a size limit (a slow or hostile
 * URL makes one login fail fast, never the server), keys cached, refetched at once for an unknown
 * {@code kid} (a key rotation at the identity provider), and refetches rate-limited so that tokens with
 * made-up kids cannot turn the server into a request amplifier. Under a host allow-list ({@code
 * --jwks-allowed-hosts}) a URL whose host it does not allow is never contacted (its source offers no key), and
 * redirects are not followed, since they could lead to a host the list never judged.
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

    private static final Logger LOG = LoggerFactory.getLogger(JwksKeySources.class);

    private final HostAllowList allowedHosts;
    private final LoadingCache<URI, JWKSource<SecurityContext>> sources = Caffeine.newBuilder().maximumSize(100)
            .expireAfterAccess(Duration.ofHours(1)).build(this::build);

    JwksKeySources(HostAllowList allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    JWKSource<SecurityContext> forUrl(URI url) {
        return sources.get(url);
    }

    /** Cached like the others, so a refused URL is logged once per cache lifetime, not once per login. */
    private JWKSource<SecurityContext> build(URI url) throws MalformedURLException {
        if (!allowedHosts.allows(url)) {
            LOG.warn("JWKS URL host {} is not in --jwks-allowed-hosts ({}); its keys are not fetched", url.getHost(),
                    allowedHosts);
            return (selector, context) -> {
                throw new KeySourceException("the JWKS URL's host is not allowed");
            };
        }
        DefaultResourceRetriever retriever = new Retriever(allowedHosts.allowsEveryHost());
        return JWKSourceBuilder.<SecurityContext>create(url.toURL(), retriever)
                .cache(CACHE_LIFETIME.toMillis(), REFRESH_WAIT.toMillis())
                .refreshAheadCache(false)
                .rateLimited(REFETCH_INTERVAL.toMillis())
                .retrying(false)
                .outageTolerant(false)
                .build();
    }

    /** Nimbus's retriever with the limits above, following redirects only when every host is allowed. */
    private static final class Retriever extends DefaultResourceRetriever {
        private final boolean followRedirects;

        Retriever(boolean followRedirects) {
            super((int) CONNECT_TIMEOUT.toMillis(), (int) READ_TIMEOUT.toMillis(), SIZE_LIMIT_BYTES);
            this.followRedirects = followRedirects;
        }

        @Override
        protected HttpURLConnection openHTTPConnection(URL url) throws IOException {
            HttpURLConnection connection = super.openHTTPConnection(url);
            connection.setInstanceFollowRedirects(followRedirects);
            return connection;
        }
    }
}
