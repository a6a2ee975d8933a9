package dev.frostgate.catalog;

/**
 * Who runs a statement: the session's user, its primary role, whether all its granted roles are
 * active as secondary roles ({@code USE SECONDARY ROLES ALL}), and the address it connects from
 * (which the network-policy lock-out guard protects), and how its session was authenticated.
 */
public record Actor(String userName, String primaryRole, boolean secondaryRolesAll, String clientAddress,
                    String authenticationMethod) {

    /** Actors outside a session (bootstrap, tests) authenticate with nothing in particular. */
    public Actor(String userName, String primaryRole, boolean secondaryRolesAll, String clientAddress) {
        this(userName, primaryRole, secondaryRolesAll, clientAddress, "");
    }

    public boolean authenticatedWithToken() {
        return authenticationMethod.equals("PROGRAMMATIC_ACCESS_TOKEN");
    }
}
