package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** The securable object kinds; which privileges each accepts is declared by {@link Privilege}. */
public enum ObjectKind {
    ACCOUNT,
    USER,
    ROLE,
    INTEGRATION,
    DATABASE,
    SCHEMA,
    NETWORK_RULE,
    NETWORK_POLICY,
    AUTHENTICATION_POLICY,
    PASSWORD_POLICY,
    SESSION_POLICY;

    public boolean accepts(Privilege privilege) {
        return privilege.grantableOn(this);
    }

    /** Every object but the account has an owner, which GRANT OWNERSHIP transfers. */
    public boolean hasOwner() {
        return this != ACCOUNT;
    }

    public List<Privilege> privileges() {
        return Privilege.grantableOnKind(this);
    }

    public static Optional<ObjectKind> parse(String word) {
        for (ObjectKind kind : values()) {
            if (kind.name().equals(word)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
