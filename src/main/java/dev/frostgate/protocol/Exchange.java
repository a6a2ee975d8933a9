package dev.frostgate.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpHeader;
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
            throw new BadBodyException("body too large", true);
        }
        try (InputStream raw = Content.Source.asInputStream(request)) {
            boolean gzip = header("Content-Encoding").map(value -> value.toLowerCase().contains("gzip")).orElse(false);
            // The limit applies to the decompressed size too, so a small gzip bomb cannot exhaust memory.
            return readBounded(gzip ? new GZIPInputStream(raw) : raw);
        } catch (BadBodyException failure) {
            throw failure;
        } catch (IOException unreadable) {
            throw new BadBodyException("the body could not be decoded", false);
        }
    }

    private byte[] readBounded(InputStream input) throws IOException, BadBodyException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = input.read(chunk)) != -1) {
            if (buffer.size() + read > maximumBodyBytes) {
                throw new BadBodyException("body too large", true);
            }
            buffer.write(chunk, 0, read);
        }
        return buffer.toByteArray();
    }

    public ObjectMapper json() {
        return json;
    }

    /** A plain-text answer, e.g. the Prometheus exposition format of {@code GET /metrics}. */
    public void respondText(int status, String contentType, String body) {
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
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
