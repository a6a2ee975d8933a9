package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.frostgate.testing.NodeDriver;
import dev.frostgate.testing.NodeDriver.Outcome;
import dev.frostgate.testing.RunningServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The long-lived Node scenario runner itself ({@link NodeDriver}): a scenario that hangs, is malformed
 * or loses its process fails with the reason, and the next scenario runs in a new process.
 */
class NodeScenarioRunnerTest {
    private static NodeDriver node;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        node = NodeDriver.prepare();
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void aScenarioStillRuns() {
        Outcome outcome = node.run(NodeDriver.connection(server, "ADMIN", RunningServer.ADMIN_PASSWORD), "SELECT 1");
        assertThat(outcome.login().ok()).as("%s", outcome).isTrue();
        assertThat(outcome.result(0).rows()).containsExactly(List.of(1));
    }

    @Test
    void scenariosShareOneProcess() {
        aScenarioStillRuns();
        long first = node.processId().orElseThrow();
        aScenarioStillRuns();
        assertThat(node.processId()).hasValue(first);
    }

    @Test
    void aHangingScenarioFailsWithItsTimeoutAndTheNextOneRuns() throws Exception {
        try (Silent silent = new Silent()) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("connection", silent.connection());
            scenario.put("statements", List.of("SELECT 1"));
            scenario.put("timeoutMs", 500);

            AssertionError failure = catchThrowableOfType(AssertionError.class, () -> node.run(scenario));

            assertThat(failure).hasMessageContaining("timed out after 500 ms").hasMessageContaining("(at login)")
                    .hasMessageContaining("\"password\":\"***\"").hasMessageNotContaining("silent-password");
        }
        aScenarioStillRuns();
    }

    @Test
    void aMalformedScenarioFailsAndTheNextOneRuns() {
        AssertionError failure = catchThrowableOfType(AssertionError.class,
                () -> node.run(Map.of("statements", List.of("SELECT 1"))));

        assertThat(failure).hasMessageContaining("bad scenario: Error: scenario needs a \"connection\" object");
        aScenarioStillRuns();
    }

    @Test
    void aProcessThatDiesBetweenScenariosIsReplaced() {
        aScenarioStillRuns();
        long first = node.processId().orElseThrow();
        ProcessHandle.of(first).orElseThrow().destroyForcibly();

        aScenarioStillRuns();

        assertThat(node.processId().orElseThrow()).isNotEqualTo(first);
    }

    @Test
    void aProcessThatDiesDuringAScenarioFailsThatScenarioAndTheNextOneRuns() throws Exception {
        aScenarioStillRuns();
        long pid = node.processId().orElseThrow();
        try (Silent silent = new Silent()) {
            Map<String, Object> scenario = new LinkedHashMap<>();
            scenario.put("connection", silent.connection());
            scenario.put("statements", List.of("SELECT 1"));
            CompletableFuture<Outcome> running = CompletableFuture.supplyAsync(() -> node.run(scenario));
            assertThat(silent.connected.await(30, TimeUnit.SECONDS)).as("the driver reached the silent server").isTrue();

            ProcessHandle.of(pid).orElseThrow().destroyForcibly();

            Throwable failure = catchThrowableOfType(java.util.concurrent.ExecutionException.class,
                    () -> running.get(30, TimeUnit.SECONDS)).getCause();
            assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining("without answering");
        }
        aScenarioStillRuns();
    }

    /** A loopback server that accepts connections and never answers them. */
    private static final class Silent implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> accepted = new ArrayList<>();
        final CountDownLatch connected = new CountDownLatch(1);

        Silent() throws IOException {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = socket.accept();
                        synchronized (accepted) {
                            accepted.add(client);
                        }
                        connected.countDown();
                    }
                } catch (IOException closed) {
                    // closed by the test
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        Map<String, Object> connection() {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("accessUrl", "http://127.0.0.1:" + socket.getLocalPort());
            options.put("account", "frostgate");
            options.put("username", "SILENT");
            options.put("password", "silent-password");
            return options;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (accepted) {
                for (Socket client : accepted) {
                    client.close();
                }
            }
        }
    }
}
