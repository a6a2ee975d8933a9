package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Security integrations of every type; implemented by the store. */
public interface SecurityIntegrationRepository {

    Optional<SecurityIntegration> find(String name);

    /** Every integration, ordered by name. */
    List<SecurityIntegration> list();

    /** Inserts, or replaces the integration of the same name. */
    void save(SecurityIntegration integration);

    boolean delete(String name);
}
