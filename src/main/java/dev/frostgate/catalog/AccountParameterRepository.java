package dev.frostgate.catalog;

import java.util.Map;
import java.util.Optional;

/** Account-level parameters and attachments (NETWORK_POLICY, …); implemented by the store. */
public interface AccountParameterRepository {

    Optional<String> find(String name);

    Map<String, String> all();

    void set(String name, String value);

    void unset(String name);
}
