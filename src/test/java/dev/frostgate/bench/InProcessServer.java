package dev.frostgate.bench;

import dev.frostgate.auth.LoginPipeline;
import dev.frostgate.testing.RunningServer;
import java.net.URI;

/**
 * A Frostgate server inside the benchmark's JVM, started as the tests start one ({@link RunningServer}: the
 * embedded H2 file store in a fresh temporary directory, a random loopback port), and the
 * {@link LoginPipeline} its {@code /session/v1/login-request} endpoint calls, so that logins can be driven
 * through every stage of the server's own pipeline without HTTP or JSON.
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
            return new InProcessServer(server, server.frostgate().loginPipeline());
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
}
