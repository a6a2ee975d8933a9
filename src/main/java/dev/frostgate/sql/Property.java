package dev.frostgate.sql;

/**
 * One {@code NAME = value} pair of a property clause. The grammar of property clauses is the same
 * for every object kind; which names and values are allowed is decided by the catalog.
 */
public record Property(String name, Value value) {}
