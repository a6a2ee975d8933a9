package dev.frostgate.catalog;

import java.util.List;
import java.util.Optional;

/** Persistence of programmatic access tokens, found by the digest of their secret; implemented by the store. */
public interface ProgrammaticAccessTokenRepository {

    Optional<ProgrammaticAccessToken> findBySecretDigest(String digest);

    Optional<ProgrammaticAccessToken> find(String userName, String name);

    List<ProgrammaticAccessToken> forUser(String userName);

    void insert(ProgrammaticAccessToken token);

    boolean delete(String userName, String name);
}
