package dev.frostgate.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.auth.Session;
import dev.frostgate.core.Core;
import dev.frostgate.core.CoreAssembly;
import dev.frostgate.core.CoreSettings;
import dev.frostgate.error.FrostgateException;
import dev.frostgate.exec.ResultTable;
import dev.frostgate.exec.SessionContext;
import dev.frostgate.policy.HostAllowList;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert;

/**
 * The core (catalogs, executor, change feed) built by {@link CoreAssembly} on one test's store, with no HTTP
 * in between, and statements run as ADMIN from a fixed client address: for tests of what the catalogs make
 * of the store, such as their units of work, on each backend.
 */
final class CoreOnStore implements AutoCloseable {
    static final String CLIENT_ADDRESS = "10.0.0.1";

    private final Core core;
    private final Session admin;

    CoreOnStore(TestStore store) {
        byte[] key = new byte[32];
        SecureRandom random = new SecureRandom();
        random.nextBytes(key);
        CoreSettings settings = new CoreSettings("FROSTGATE_TEST", Optional.of(Base64.getEncoder().encodeToString(key)),
                Path.of("unused-with-a-server-key"), Optional.of("Admin-Passw0rd-For-Tests"), 10,
                HostAllowList.EVERY_HOST);
        this.core = CoreAssembly.build(store.database(), settings, Clock.systemUTC(), random,
                new PrintStream(OutputStream.nullOutputStream()));
        Instant now = Instant.now();
        this.admin = new Session(1, "session-digest", "master-digest", Core.ADMIN_USER, "ACCOUNTADMIN", false,
                "PASSWORD", Optional.of(CLIENT_ADDRESS), Optional.empty(), now, now.plus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(4)), Optional.empty(), Optional.empty(), now);
    }

    Core core() {
        return core;
    }

    /** Runs statements as ADMIN, each in its own session context; answers the last one's result. */
    ResultTable execute(String... statements) {
        ResultTable result = null;
        for (String sql : statements) {
            result = core.statements().execute(new SessionContext(admin), sql);
        }
        return result;
    }

    /** The Snowflake error code the statement failed with (it must fail with a catalogued error). */
    static String errorCode(ThrowableAssert.ThrowingCallable statement) {
        FrostgateException failure = catchThrowableOfType(FrostgateException.class, statement);
        assertThat(failure).as("the statement fails with a catalogued error").isNotNull();
        return failure.errorCode().code();
    }

    @Override
    public void close() {
        core.close();
    }
}
