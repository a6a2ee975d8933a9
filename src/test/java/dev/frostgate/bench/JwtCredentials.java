package dev.frostgate.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.frostgate.testing.TestKeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's own identity provider and key-pair user: an External OAuth integration that trusts the
 * benchmark's RSA key ({@code EXTERNAL_OAUTH_RSA_PUBLIC_KEY}, RS256, no JWKS), a user with an
 * {@code RSA_PUBLIC_KEY} and a role granted to it, and the tokens both sign. Every token is distinct (its own
 * {@code jti}, {@code iat} when it was made) and valid for an hour, so a pool made minutes before its phase
 * still logs in.
 */
final class JwtCredentials {
    static final String USER = "BENCH_JWT";
    static final String ROLE = "BENCH_JWT_ROLE";
    static final String INTEGRATION = "BENCH_IDP";
    static final String ISSUER = "https://idp.frostgate-bench.example";
    /** Key-pair JWTs may live an hour at most; OAuth tokens get the same. */
    private static final long LIFETIME_SECONDS = 3_600;

    private final TestKeyPair identityProvider = TestKeyPair.generate(2048);
    private final TestKeyPair userKey = TestKeyPair.generate(2048);
    private final RSASSASigner oauthSigner = new RSASSASigner(identityProvider.keyPair().getPrivate());
    private final String run = UUID.randomUUID().toString();
    private final AtomicLong serial = new AtomicLong();

    /** The statements that create the integration, the role and the user (as ACCOUNTADMIN). */
    List<String> setupStatements() {
        return List.of("CREATE ROLE " + ROLE,
                "CREATE USER " + USER + " DEFAULT_ROLE = " + ROLE + " RSA_PUBLIC_KEY = '" + userKey.publicKeyBase64()
                        + "'",
                "GRANT ROLE " + ROLE + " TO USER " + USER,
                "CREATE SECURITY INTEGRATION " + INTEGRATION + " TYPE = EXTERNAL_OAUTH EXTERNAL_OAUTH_TYPE = CUSTOM "
                        + "EXTERNAL_OAUTH_ISSUER = '" + ISSUER + "' EXTERNAL_OAUTH_RSA_PUBLIC_KEY = '"
                        + identityProvider.publicKeyBase64() + "' EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = 'sub' "
                        + "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = 'LOGIN_NAME'");
    }

    /**
     * An External OAuth access token for {@link #USER} with scope {@code session:role:<ROLE>}, audience the
     * account URL, RS256 with a kid.
     */
    String oauthToken() {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(USER)
                .audience("https://" + FrostgateClient.ACCOUNT.toLowerCase(Locale.ROOT) + ".snowflakecomputing.com")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(LIFETIME_SECONDS)))
                .jwtID(nextId()).claim("scp", List.of("session:role:" + ROLE)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(), claims);
        try {
            jwt.sign(oauthSigner);
        } catch (JOSEException impossible) {
            throw new IllegalStateException(impossible);
        }
        return jwt.serialize();
    }

    /** A key-pair JWT of {@link #USER} as the drivers make it (iss with the fingerprint, times in seconds). */
    String keyPairToken() {
        return userKey.jwt(FrostgateClient.ACCOUNT, USER, Instant.now().getEpochSecond(), LIFETIME_SECONDS,
                nextId());
    }

    /** A jti no other token of this run has. */
    private String nextId() {
        return run + "-" + serial.incrementAndGet();
    }

    RSAPublicKey oauthKey() {
        return (RSAPublicKey) identityProvider.keyPair().getPublic();
    }

    RSAPublicKey keyPairKey() {
        return (RSAPublicKey) userKey.keyPair().getPublic();
    }
}
