package dev.frostgate.catalog;

import java.time.Instant;
import java.util.Optional;

/** A role; {@code owner} is the role that owns it (system roles have none). */
public record Role(String name, Optional<String> comment, Optional<String> owner, Instant createdOn) {}
