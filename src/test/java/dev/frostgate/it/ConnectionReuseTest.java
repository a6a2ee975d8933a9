package dev.frostgate.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.frostgate.server.ServerConfig;
import dev.frostgate.testing.RunningServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection carries the next request even when an answer was given before the request's body
 * had arrived (a refused bearer answers without reading the body): the server reads the rest first, or says
 * {@code Connection: close}. Before, such an answer went out as keep-alive and the connection was closed
 * afterwards, and a client's next request on it failed with "header parser received no bytes".
 */
class ConnectionReuseTest {
    private static final String BODY = "{\"tokens\":[\"fgpat_not_a_real_token\"]}";
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String leakReportHead(long contentLength) {
        return "POST /api/v2/leaked-tokens HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + contentLength + "\r\n\r\n";
    }

    @Test
    void aRefusalGivenBeforeTheBodyArrivedLeavesTheConnectionUsable() throws Exception {
        try (RawConnection connection = new RawConnection()) {
            byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
            connection.send(leakReportHead(body.length).getBytes(StandardCharsets.ISO_8859_1));
            connection.send(Arrays.copyOfRange(body, 0, 10));
            Thread.sleep(300); // the server answers 401 (no bearer) while the rest of the body is still on its way
            connection.send(Arrays.copyOfRange(body, 10, body.length));
            assertThat(connection.answer().status()).isEqualTo(401);

            connection.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(connection.answer().status()).as("the same connection carries the next request").isEqualTo(200);
        }
    }

    @Test
    void aBodyOverTheLimitThatIsNotReadClosesTheConnectionOpenly() throws Exception {
        try (RawConnection connection = new RawConnection()) {
            connection.send((leakReportHead(ServerConfig.DEFAULT_MAXIMUM_BODY_BYTES + 1L) + "x".repeat(2_000))
                    .getBytes(StandardCharsets.ISO_8859_1));
            Answer refused = connection.answer();
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.connectionHeader()).as("the client is told not to reuse it").isEqualTo("close");
        }
    }

    /** One HTTP/1.1 connection written and read by hand, so that a body can arrive in pieces. */
    private static final class RawConnection implements AutoCloseable {
        private final Socket socket = new Socket("127.0.0.1", server.port());
        private final OutputStream out = socket.getOutputStream();
        private final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.ISO_8859_1));

        RawConnection() throws IOException {
            socket.setSoTimeout(5_000);
        }

        void send(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        Answer answer() throws IOException {
            return Answer.read(in);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** The status line and the Connection header of one HTTP/1.1 answer with a Content-Length body. */
    private record Answer(int status, String connectionHeader) {
        static Answer read(BufferedReader in) throws IOException {
            String statusLine = in.readLine();
            assertThat(statusLine).as("an answer, not a closed connection").isNotNull();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = 0;
            String connection = "";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                } else if (lower.startsWith("connection:")) {
                    connection = line.substring(line.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT);
                }
            }
            char[] body = new char[length];
            for (int read = 0; read < length; ) {
                int chunk = in.read(body, read, length - read);
                if (chunk < 0) {
                    break;
                }
                read += chunk;
            }
            return new Answer(status, connection);
        }
    }
}
