package dev.frostgate.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its response, as the doors see it: bounded body reading (gzip included),
 * query parameters, headers, the client address, and JSON responses.
 */
public final class Exchange {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ObjectMapper json;
    private final String clientAddress;
    private final int maximumBodyBytes;
    private Fields queryParameters;
    /** Whether the request body has been read to its end, so the connection can carry the next request. */
    private boolean bodySettled;

    public Exchange(Request request, Response response, Callback callback, ObjectMapper json, String clientAddress,
                    int maximumBodyBytes) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.json = json;
        this.clientAddress = clientAddress;
        this.maximumBodyBytes = maximumBodyBytes;
    }

    /** Thrown for a body that is too large (413) or unreadable (bad gzip). */
    public static final class BadBodyException extends Exception {
        private final boolean tooLarge;

        BadBodyException(String message, boolean tooLarge) {
            super(message, null, false, false);
            this.tooLarge = tooLarge;
        }

        public boolean tooLarge() {
            return tooLarge;
        }
    }

    public String path() {
        return request.getHttpURI().getPath();
    }

    public String method() {
        return request.getMethod();
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    public Optional<String> queryParameter(String name) {
        if (queryParameters == null) {
            queryParameters = Request.extractQueryParameters(request);
        }
        return Optional.ofNullable(queryParameters.getValue(name));
    }

    /** The request body, gunzipped when Content-Encoding says gzip, never more than the size limit. */
    public byte[] body() throws BadBodyException {
        long declared = request.getLength();
        if (declared > maximumBodyBytes) {
            closeAfterAnswer();
            throw new BadBodyException("body too large", true);
        }
        try (InputStream raw = Content.Source.asInputStream(request)) {
            boolean gzip = header("Content-Encoding").map(value -> value.toLowerCase().contains("gzip")).orElse(false);
            // The limit applies to the decompressed size too, so a small gzip bomb cannot exhaust memory.
            byte[] body = readBounded(gzip ? new GZIPInputStream(raw) : raw);
            bodySettled = true;
            return body;
        } catch (BadBodyException failure) {
            closeAfterAnswer();
            throw failure;
        } catch (IOException unreadable) {
            closeAfterAnswer();
            throw new BadBodyException("the body could not be decoded", false);
        }
    }

    /** The rest of a body that was not read to its end stays unread: the connection cannot carry another request. */
    private void closeAfterAnswer() {
        bodySettled = true;
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    }

    /**
     * Before an answer is committed, reads and drops what the endpoint left of the request body (up to the size
     * limit), or else says {@code Connection: close}. An answer given before the body has arrived (a refused
     * bearer, say) would otherwise go out as keep-alive and Jetty close the connection afterwards, and the
     * client's next request on it would find the connection gone without an answer.
     */
    private void settleRequestBody() {
        if (bodySettled) {
            return;
        }
        bodySettled = true;
        if (!hasBody()) {
            return;
        }
        boolean drained = false;
        if (request.getLength() <= maximumBodyBytes) {
            try (InputStream raw = Content.Source.asInputStream(request)) {
                drained = discardBounded(raw);
            } catch (IOException unreadable) {
                drained = false;
            }
        }
        if (!drained) {
            closeAfterAnswer();
        }
    }

    private byte[] readBounded(InputStream input) throws IOException, BadBodyException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        if (!copyBounded(input, buffer)) {
            throw new BadBodyException("body too large", true);
        }
        return buffer.toByteArray();
    }

    /** A request says it has a body by a positive Content-Length or by Transfer-Encoding (a GET has neither). */
    private boolean hasBody() {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private boolean discardBounded(InputStream input) throws IOException {
        return copyBounded(input, OutputStream.nullOutputStream());
    }

    /** Copies {@code input} to its end, or stops as soon as it passes the size limit; whether it ended. */
    private boolean copyBounded(InputStream input, OutputStream sink) throws IOException {
        byte[] chunk = new byte[8192];
        long total = 0;
        int read;
        while ((read = input.read(chunk)) != -1) {
            total += read;
            if (total > maximumBodyBytes) {
                return false;
            }
            sink.write(chunk, 0, read);
        }
        return true;
    }

    public ObjectMapper json() {
        return json;
    }

    /** A plain-text answer, e.g. the Prometheus exposition format of {@code GET /metrics}. */
    public void respondText(int status, String contentType, String body) {
        settleRequestBody();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }

    public void respondJson(int status, Object body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot serialise response", impossible);
        }
        settleRequestBody();
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
