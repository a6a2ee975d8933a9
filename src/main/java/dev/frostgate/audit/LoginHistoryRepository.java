package dev.frostgate.audit;

import java.util.List;

/** Append-only store of login events; implemented by the store. */
public interface LoginHistoryRepository {

    void append(LoginEvent event);

    /** The failed login recorded under a uuid, for SYSTEM$GET_LOGIN_FAILURE_DETAILS. */
    java.util.Optional<LoginEvent> findByFailureUuid(String uuid);

    /** The newest events first, at most {@code limit}. */
    List<LoginEvent> newest(int limit);
}
