package dev.frostgate.protocol;

import dev.frostgate.core.Core;

/**
 * One way into the core (the drivers' protocol, the SQL API, later OAuth, SAML, SCIM and the console):
 * it translates its wire format to the core's requests and back, and holds no rule of its own.
 */
public interface Door {

    /** Registers the door's endpoints, built on the core. */
    void install(Core core, Routes routes);
}
