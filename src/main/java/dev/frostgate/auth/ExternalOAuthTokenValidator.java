package dev.frostgate.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.frostgate.catalog.ExternalOAuthIntegration;
import dev.frostgate.catalog.SecurityIntegrations;
import dev.frostgate.catalog.User;
import dev.frostgate.catalog.UserRepository;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.policy.HostAllowList;
import java.net.URI;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Validates an External OAuth access token in the order of Snowflake's reference: a well-formed signed JWT →
 * an issuer naming an enabled integration → the signature (RS256/384/512, with the integration's RSA keys or
 * its JWKS URLs) → the audience → the times → the user the mapping claims name. Each refusal is a
 * {@link LoginFailure} showing 390303 (390318 when expired) and recording the specific reason; the token is
 * never part of a message.
 */
public final class ExternalOAuthTokenValidator {
    /** Longer than any identity provider's access token (Azure AD's are a few KiB), short enough to parse cheaply. */
    static final int MAXIMUM_TOKEN_CHARACTERS = 16 * 1024;
    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

    /** A token that passed: the integration that judged it, its claims, and the user it maps to. */
    public record ValidatedToken(ExternalOAuthIntegration integration, JWTClaimsSet claims, User user) {}

    private final SecurityIntegrations integrations;
    private final UserRepository users;
    private final JwksKeySources keySources;
    private final String accountUrl;
    private final Clock clock;

    /** {@code jwksHosts}: the hosts JWKS URLs may name (--jwks-allowed-hosts); others are never contacted. */
    public ExternalOAuthTokenValidator(SecurityIntegrations integrations, UserRepository users, String accountName,
                                       HostAllowList jwksHosts, Clock clock) {
        this.keySources = new JwksKeySources(jwksHosts);
        this.integrations = integrations;
        this.users = users;
        this.accountUrl = accountUrl(accountName);
        this.clock = clock;
    }

    /**
     * The account URL a token's {@code aud} may name: {@code https://<account>.snowflakecomputing.com}, the URL
     * Snowflake's identity-provider guides configure (a local server has no URL of its own that every client
     * agrees on); anything else goes into EXTERNAL_OAUTH_AUDIENCE_LIST.
     */
    static String accountUrl(String accountName) {
        return "https://" + accountName.toLowerCase(Locale.ROOT) + ".snowflakecomputing.com";
    }

    public ValidatedToken validate(String token) {
        SignedToken jwt = parse(token);
        JWTClaimsSet claims = claimsOf(jwt);
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_MISSING_ISSUER);
        }
        ExternalOAuthIntegration integration = integrations.externalOAuthByIssuer(issuer)
                .orElseThrow(() -> refusal(ErrorCode.EXTERNAL_OAUTH_ACCESS_TOKEN_ISSUER_NOT_FOUND));
        try {
            return new ValidatedToken(integration, claims, validate(jwt, claims, integration));
        } catch (LoginFailure failure) {
            throw failure.inIntegration(integration.name());
        }
    }

    private User validate(SignedToken jwt, JWTClaimsSet claims, ExternalOAuthIntegration integration) {
        if (!integration.enabled()) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_INTEGRATION_DISABLED);
        }
        verifySignature(jwt, integration);
        verifyAudience(claims, integration);
        verifyTimes(claims);
        return user(claims, integration);
    }

    private static SignedToken parse(String token) {
        try {
            return SignedToken.parse(token == null ? null : token.trim(), MAXIMUM_TOKEN_CHARACTERS);
        } catch (SignedToken.MalformedException malformed) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_JWS_INVALID_FORMAT);
        }
    }

    private static JWTClaimsSet claimsOf(SignedToken jwt) {
        try {
            return JWTClaimsSet.parse(jwt.payload());
        } catch (ParseException | RuntimeException malformed) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_JWS_INVALID_FORMAT);
        }
    }

    /** The integration's RSA keys, else the keys its JWKS URLs offer for the token's header (kid, alg). */
    private void verifySignature(SignedToken jwt, ExternalOAuthIntegration integration) {
        JWSAlgorithm algorithm = jwt.algorithm();
        if (!ALGORITHMS.contains(algorithm)) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_INVALID_SIGNATURE);
        }
        List<RSAPublicKey> candidates = integration.rsaPublicKeys().isEmpty() ? jwksKeys(jwt.header(), integration)
                : integration.rsaPublicKeys();
        for (RSAPublicKey key : candidates) {
            if (jwt.verifies(algorithm, key)) {
                return;
            }
        }
        throw refusal(ErrorCode.EXTERNAL_OAUTH_INVALID_SIGNATURE);
    }

    private List<RSAPublicKey> jwksKeys(JWSHeader header, ExternalOAuthIntegration integration) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        List<RSAPublicKey> keys = new ArrayList<>();
        for (URI url : integration.jwsKeysUrls()) {
            try {
                for (JWK key : keySources.forUrl(url).get(selector, null)) {
                    if (key instanceof RSAKey rsa) {
                        keys.add(rsa.toRSAPublicKey());
                    }
                }
            } catch (JOSEException | RuntimeException unreachable) {
                // unreachable, slow, oversized or garbage: this URL offers no key; the others may
            }
        }
        if (keys.isEmpty()) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_JWS_CANT_RETRIEVE_PUBLIC_KEY);
        }
        return keys;
    }

    private void verifyAudience(JWTClaimsSet claims, ExternalOAuthIntegration integration) {
        List<String> audiences = claims.getAudience();
        boolean matches = audiences.stream().map(ExternalOAuthTokenValidator::withoutTrailingSlash)
                .anyMatch(audience -> audience.equalsIgnoreCase(accountUrl) || integration.audiences().stream()
                        .map(ExternalOAuthTokenValidator::withoutTrailingSlash).anyMatch(audience::equals));
        if (!matches) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_AUDIENCE_VALIDATION_FAILED);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** A token without exp would never expire, so it is refused as malformed; 60 s of clock skew either way. */
    private void verifyTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiresAt = claims.getExpirationTime();
        if (expiresAt == null) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_JWS_INVALID_FORMAT);
        }
        if (!expiresAt.toInstant().plus(KeyPairAuthenticator.CLOCK_SKEW).isAfter(now)) {
            throw LoginFailure.withReason(ErrorCode.OAUTH_ACCESS_TOKEN_EXPIRED, ErrorCode.OAUTH_ACCESS_TOKEN_EXPIRED,
                    Optional.empty());
        }
        Instant latest = now.plus(KeyPairAuthenticator.CLOCK_SKEW);
        for (Date time : new Date[] {claims.getNotBeforeTime(), claims.getIssueTime()}) {
            if (time != null && time.toInstant().isAfter(latest)) {
                throw refusal(ErrorCode.EXTERNAL_OAUTH_TOKEN_NOT_YET_VALID);
            }
        }
    }

    /**
     * The mapping claims in order; the first whose value names a user wins. EMAIL is not unique, and an email that
     * several users share names none of them: refused at once rather than guessing one (or trying the next claim).
     */
    private User user(JWTClaimsSet claims, ExternalOAuthIntegration integration) {
        List<String> values = integration.userMappingClaims().stream().map(name -> claimText(claims, name))
                .flatMap(Optional::stream).toList();
        if (values.isEmpty()) {
            throw refusal(ErrorCode.EXTERNAL_OAUTH_USER_CLAIM_MISSING);
        }
        boolean byEmail = integration.userMappingAttribute().equalsIgnoreCase("EMAIL_ADDRESS");
        for (String value : values) {
            List<User> matches = byEmail ? users.findByEmail(value) : users.findByLoginName(value).stream().toList();
            if (matches.size() > 1) {
                throw refusal(ErrorCode.EXTERNAL_OAUTH_USER_AMBIGUOUS);
            }
            if (matches.size() == 1) {
                return matches.get(0);
            }
        }
        throw refusal(ErrorCode.EXTERNAL_OAUTH_USER_NOT_FOUND);
    }

    /** A claim that is a string, or an array holding one string (as Snowflake accepts). */
    private static Optional<String> claimText(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof List<?> list && list.size() == 1) {
            value = list.get(0);
        }
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    static LoginFailure refusal(ErrorCode reason) {
        return LoginFailure.withReason(ErrorCode.OAUTH_ACCESS_TOKEN_INVALID, reason, Optional.empty());
    }
}
