package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of databases and schemas; implemented by the store. */
public interface NamespaceRepository {

    Optional<Namespace> find(Namespace.Kind kind, String name);

    List<Namespace> list(Namespace.Kind kind);

    void save(Namespace namespace);

    /** Deletes the namespace (a database with its schemas); returns whether it existed. */
    boolean delete(Namespace.Kind kind, String name);
}
