package dev.frostgate.bench;

import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.protocol.v1.LoginEndpoint;
import dev.frostgate.server.FrostgateServer;
import dev.frostgate.testing.RunningServer;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * A Frostgate server inside the benchmark's JVM, started as the tests start one ({@link RunningServer}: the
 * embedded H2 file store in a fresh temporary directory, a random loopback port), and the
 * {@link LoginPipeline} its {@code /session/v1/login-request} endpoint calls, so that logins can be driven
 * through every stage of the server's own pipeline without HTTP or JSON.
 *
 * <p>The server does not hand its pipeline out, so it is found by type, not by name: the Jetty server
 * field of {@link FrostgateServer}, its handler (the router), the router's {@link LoginEndpoint} and that
 * endpoint's pipeline field. A change of that wiring ends the run with a clear message.
 */
final class InProcessServer implements AutoCloseable {
    private final RunningServer server;
    private final LoginPipeline pipeline;

    private InProcessServer(RunningServer server, LoginPipeline pipeline) {
        this.server = server;
        this.pipeline = pipeline;
    }

    static InProcessServer start() throws Exception {
        RunningServer server = RunningServer.start();
        try {
            return new InProcessServer(server, loginPipelineOf(server.frostgate()));
        } catch (RuntimeException | Error failure) {
            server.close();
            throw failure;
        }
    }

    LoginPipeline pipeline() {
        return pipeline;
    }

    URI base() {
        return URI.create(server.baseUrl());
    }

    String adminPassword() {
        return RunningServer.ADMIN_PASSWORD;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() throws Exception {
        server.close();
    }

    private static LoginPipeline loginPipelineOf(FrostgateServer frostgate) {
        Server jetty = onlyFieldOfType(frostgate, Server.class);
        Handler router = jetty.getHandler();
        LoginEndpoint endpoint = null;
        for (Object routes : fieldsOfType(router, Map.class)) {
            for (Object value : ((Map<?, ?>) routes).values()) {
                if (value instanceof LoginEndpoint login) {
                    endpoint = login;
                }
            }
        }
        if (endpoint == null) {
            throw new BenchmarkAborted("the server's router (" + router.getClass().getName() + ") has no "
                    + LoginEndpoint.class.getSimpleName() + " in its routes");
        }
        return onlyFieldOfType(endpoint, LoginPipeline.class);
    }

    private static <T> T onlyFieldOfType(Object owner, Class<T> type) {
        List<Object> found = fieldsOfType(owner, type);
        if (found.size() != 1) {
            throw new BenchmarkAborted(owner.getClass().getName() + " has " + found.size() + " fields of type "
                    + type.getName() + "; the benchmark expects one (has the server's wiring changed?)");
        }
        return type.cast(found.get(0));
    }

    private static List<Object> fieldsOfType(Object owner, Class<?> type) {
        List<Object> values = new ArrayList<>();
        for (Field field : owner.getClass().getDeclaredFields()) {
            if (type.isAssignableFrom(field.getType()) && !java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                try {
                    values.add(field.get(owner));
                } catch (IllegalAccessException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
        }
        return values;
    }
}
