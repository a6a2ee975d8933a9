package dev.frostgate.auth;

import java.util.Map;
import java.util.Optional;

/**
 * What the door brought back for a {@link Challenge}, as named values (a form's fields, a return leg's
 * parameters), whatever wire they came on. The values may be secrets (passcodes): never printed.
 */
public record ChallengeAnswer(Map<String, String> values) {
    public ChallengeAnswer {
        values = Map.copyOf(values);
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    @Override
    public String toString() {
        return "ChallengeAnswer[names=" + values.keySet() + "]";
    }
}
