package dev.frostgate.catalog;

/**
 * Who runs a statement: the session's user, its primary role, whether all its granted roles are
 * active as secondary roles ({@code USE SECONDARY ROLES ALL}), and the address it connects from
 * (which the network-policy lock-out guard protects).
 */
public record Actor(String userName, String primaryRole, boolean secondaryRolesAll, String clientAddress) {}
