package dev.frostgate.testing;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The real Snowflake JDBC drivers: 3.x from the test classpath, and the newest 4.x from its own
 * class loader (one classpath cannot hold both). Tests run against each.
 */
public enum SnowflakeJdbc {
    V3, V4;

    private Driver driver;

    public synchronized Driver driver() {
        if (driver == null) {
            driver = load();
        }
        return driver;
    }

    public Connection connect(String url, Properties properties) throws SQLException {
        return driver().connect(url, properties);
    }

    public Connection connect(RunningServer server, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.put("user", user);
        properties.put("password", password);
        return connect(server.jdbcUrl(), properties);
    }

    /** An External OAuth login: {@code authenticator=oauth} with the access token. */
    public Connection connectWithOAuth(RunningServer server, String accessToken) throws SQLException {
        Properties properties = new Properties();
        properties.put("authenticator", "oauth");
        properties.put("token", accessToken);
        return connect(server.jdbcUrl(), properties);
    }

    /**
     * Loads the driver's own classes from its jar only, but shares SLF4J with the tests so that the
     * drivers log through the same (quiet) configuration.
     */
    private static final class IsolatedDriverLoader extends URLClassLoader {
        private final ClassLoader application = SnowflakeJdbc.class.getClassLoader();

        IsolatedDriverLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.slf4j.")) {
                return application.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }

    private Driver load() {
        try {
            if (this == V3) {
                return (Driver) Class.forName("net.snowflake.client.jdbc.SnowflakeDriver").getConstructor().newInstance();
            }
            Path jar = Path.of(System.getProperty("frostgate.jdbc4.jar", "target/drivers/snowflake-jdbc-4.jar"));
            if (!Files.exists(jar)) {
                throw new IllegalStateException("missing " + jar + ": run the build through Maven");
            }
            ClassLoader loader = new IsolatedDriverLoader(new URL[] {jar.toUri().toURL()});
            return (Driver) Class.forName("net.snowflake.client.jdbc.SnowflakeDriver", true, loader)
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException | java.net.MalformedURLException failure) {
            throw new IllegalStateException("cannot load the Snowflake JDBC driver " + this, failure);
        }
    }
}
