package dev.frostgate.testing;

import java.net.InetAddress;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real External OAuth identity provider for tests: mock-oauth2-server on loopback, where each issuer id is an
 * issuer of its own (its URL and JWKS URL end in the id), and the integration that trusts one of them.
 */
public final class OAuthIdentityProvider implements AutoCloseable {
    /** The audience its tokens carry and its integrations list (a local server has no account URL). */
    public static final String AUDIENCE = "https://frostgate.example/api";

    private final MockOAuth2Server server = new MockOAuth2Server();

    private OAuthIdentityProvider() {}

    public static OAuthIdentityProvider start() {
        OAuthIdentityProvider provider = new OAuthIdentityProvider();
        provider.server.start(InetAddress.getLoopbackAddress(), 0);
        return provider;
    }

    public String issuer(String issuerId) {
        return server.issuerUrl(issuerId).toString();
    }

    public String jwksUrl(String issuerId) {
        return server.jwksUrl(issuerId).toString();
    }

    /** CREATE SECURITY INTEGRATION trusting the issuer through its JWKS URL, with the AUDIENCE. */
    public String createIntegration(String name, String issuerId, String mappingClaim, String mappingAttribute) {
        return "CREATE SECURITY INTEGRATION " + name + " TYPE = EXTERNAL_OAUTH EXTERNAL_OAUTH_TYPE = CUSTOM "
                + "EXTERNAL_OAUTH_ISSUER = '" + issuer(issuerId) + "' "
                + "EXTERNAL_OAUTH_JWS_KEYS_URL = '" + jwksUrl(issuerId) + "' "
                + "EXTERNAL_OAUTH_AUDIENCE_LIST = ('" + AUDIENCE + "') "
                + "EXTERNAL_OAUTH_TOKEN_USER_MAPPING_CLAIM = '" + mappingClaim + "' "
                + "EXTERNAL_OAUTH_SNOWFLAKE_USER_MAPPING_ATTRIBUTE = '" + mappingAttribute + "'";
    }

    /** A signed access token of the issuer for the AUDIENCE, valid for the provider's default hour. */
    public String token(String issuerId, String subject, Map<String, Object> claims) {
        return token(issuerId, subject, AUDIENCE, claims);
    }

    public String token(String issuerId, String subject, String audience, Map<String, Object> claims) {
        return server.issueToken(issuerId, subject, audience, claims).serialize();
    }

    /** A token that expired ten minutes ago, well past the 60 s of clock skew a server allows. */
    public String expiredToken(String issuerId, String subject, Map<String, Object> claims) {
        return server.issueToken(issuerId, subject, AUDIENCE, claims, -600).serialize();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
