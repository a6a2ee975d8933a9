package dev.frostgate.catalog;

import dev.frostgate.catalog.property.PropertyDeclaration;
import java.util.List;
import java.util.Optional;

/**
 * One TYPE of security integration, as a plug-in: it declares its parameters once and the rules that
 * tie them together; storage, SET/UNSET, SHOW, DESCRIBE and privileges are the framework's. ENABLED
 * and COMMENT are common to every type and not declared here.
 */
public interface IntegrationType {

    /** The TYPE value, e.g. {@code EXTERNAL_OAUTH}. */
    String name();

    /** Every parameter besides TYPE, ENABLED and COMMENT, in the order DESCRIBE shows them. */
    List<PropertyDeclaration> parameters();

    /** SHOW's type column, e.g. {@code EXTERNAL_OAUTH - CUSTOM}. */
    String showType(SecurityIntegration integration);

    /** The AUTHENTICATION_METHODS entry an authentication policy needs to name an integration of this type. */
    Optional<String> authenticationMethod();

    /** Rules between parameters, checked after every change (001009 when broken). */
    void checkConsistency(SecurityIntegration integration);

    /**
     * Rules only CREATE enforces (001009 when broken): ALTER may pass through states they forbid, so that
     * e.g. one of two alternatives can be unset before the other is set.
     */
    default void checkCreated(SecurityIntegration integration) {}

    /**
     * Rules on a value as CREATE or ALTER … SET writes it, after the parameter's own validation (002211 when
     * broken): for what this server allows rather than what the parameter means, so values stored earlier are not
     * judged again by unrelated changes.
     */
    default void checkWritten(PropertyDeclaration parameter, List<String> value) {}

    default Optional<PropertyDeclaration> parameter(String name) {
        return parameters().stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }
}
