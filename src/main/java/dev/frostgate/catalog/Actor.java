package dev.frostgate.catalog;

/**
 * Who runs a statement: the session's user, its primary role, and whether all its granted roles
 * are active as secondary roles ({@code USE SECONDARY ROLES ALL}).
 */
public record Actor(String userName, String primaryRole, boolean secondaryRolesAll) {}
