package dev.frostgate.store;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A store test that runs once on each backend (embedded H2 and PostgreSQL) that the run tests on
 * (see {@link StoreBackends}), each run with a fresh database handed in as a {@link TestStore}
 * parameter and removed afterwards. One fixed to a single backend also carries that backend's tag,
 * {@code @Tag("h2")} or {@code @Tag("postgres")}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(StoreBackends.class)
@interface StoreTest {
    /** The backends to run on; both by default. */
    StoreBackends.Backend[] value() default {StoreBackends.Backend.H2, StoreBackends.Backend.POSTGRESQL};

    /**
     * True (the default) for a database that already holds the migrated schema, as after a first start;
     * false for an empty one that the first {@link TestStore#database()} migrates from nothing.
     */
    boolean migrated() default true;
}
