package dev.frostgate.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frostgate.auth.ExternalOAuthTokenValidator;
import dev.frostgate.auth.LoginFailure;
import dev.frostgate.catalog.AccessControl;
import dev.frostgate.catalog.Privilege;
import dev.frostgate.error.ErrorCode;
import dev.frostgate.error.FrostgateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN('<token>')}: runs the External OAuth validation a login would
 * and reports {@code Token Validation finished.{"Validation Result":"Passed","Issuer":…,"User":…}} or
 * {@code "Failed"} with the symbolic reason. No session is opened, nothing is recorded, and the token is
 * never echoed. Needs CREATE INTEGRATION or MANAGE GRANTS on the account: whoever may configure
 * integrations may test them.
 */
final class ExternalOAuthTokenVerification implements ScalarFunctions.ScalarFunction {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "Token Validation finished.";

    private final ExternalOAuthTokenValidator validator;
    private final AccessControl accessControl;

    ExternalOAuthTokenVerification(ExternalOAuthTokenValidator validator, AccessControl accessControl) {
        this.validator = validator;
        this.accessControl = accessControl;
    }

    @Override
    public TypedValue apply(List<TypedValue> arguments, SessionContext context) {
        if (arguments.size() != 1 || arguments.get(0).isNull()) {
            throw new FrostgateException(ErrorCode.INVALID_ARGUMENT,
                    "SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN takes one argument, an access token.");
        }
        if (!accessControl.holdsOnAccount(context.actor(), Privilege.CREATE_INTEGRATION)
                && !accessControl.holdsOnAccount(context.actor(), Privilege.MANAGE_GRANTS)) {
            throw AccessControl.insufficient("function", "SYSTEM$VERIFY_EXTERNAL_OAUTH_TOKEN");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            ExternalOAuthTokenValidator.ValidatedToken token = validator.validate(arguments.get(0).value().toString());
            result.put("Validation Result", "Passed");
            result.put("Issuer", token.claims().getIssuer());
            result.put("User", token.user().name());
        } catch (LoginFailure refused) {
            result.put("Validation Result", "Failed");
            result.put("Failure Reason", refused.symbolicName());
        }
        try {
            return TypedValue.text(PREFIX + JSON.writeValueAsString(result));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
