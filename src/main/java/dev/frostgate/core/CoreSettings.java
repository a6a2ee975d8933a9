package dev.frostgate.core;

import dev.frostgate.policy.HostAllowList;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the core is built with, whatever doors serve it: the account, where the server key comes from,
 * the bootstrap administrator's password, and the limits the core enforces.
 */
public record CoreSettings(String accountName, Optional<String> serverKey, Path dataDirectory,
                           Optional<String> adminPassword, int sqlApiStatementsPerUser,
                           HostAllowList jwksAllowedHosts) {}
