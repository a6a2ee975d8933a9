package dev.frostgate.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request and its response, as the doors see it: bounded body reading (gzip included) as bytes or as
 * a form, query parameters, headers and cookies, the client address; JSON and text answers, redirects, response
 * headers and cookies. Bodies that are too large or unreadable surface as {@link BadBodyException}, which each
 * door answers in its own shape (never as a 500).
 */
public final class Exchange {
    public static final String FORM_CONTENT_TYPE = "application/x-www-form-urlencoded";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final ObjectMapper json;
    private final String clientAddress;
    private final int maximumBodyBytes;
    private Fields queryParameters;
    private RequestCookies cookies;
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

    /** Thrown for a body that is too large (413) or unreadable (bad gzip, a malformed form). */
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

    /** Whether the request came over TLS: cookies are then marked Secure. */
    public boolean isSecure() {
        return request.isSecure();
    }

    /** The named cookie of the request's Cookie headers (the first, when a name repeats). */
    public Optional<String> cookie(String name) {
        if (cookies == null) {
            cookies = RequestCookies.parse(request.getHeaders().getValuesList(HttpHeader.COOKIE));
        }
        return cookies.value(name);
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
            boolean gzip = header("Content-Encoding").map(value -> value.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
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

    /**
     * The body as an {@code application/x-www-form-urlencoded} form, within the same size limit as any body. A
     * body of another Content-Type (a charset other than UTF-8 included), or a malformed one, is refused.
     */
    public FormBody formBody() throws BadBodyException {
        String contentType = header("Content-Type").orElse("");
        String[] parts = contentType.split(";");
        boolean form = parts[0].trim().equalsIgnoreCase(FORM_CONTENT_TYPE);
        for (int index = 1; index < parts.length && form; index++) {
            String parameter = parts[index].trim().toLowerCase(Locale.ROOT);
            form = !parameter.startsWith("charset=") || parameter.equals("charset=utf-8");
        }
        if (!form) {
            throw new BadBodyException("the body is not a UTF-8 form (" + FORM_CONTENT_TYPE + ")", false);
        }
        return FormBody.parse(body());
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

    /** Sets a response header (replacing one of the same name); before the answer. Values cannot split headers. */
    public void setHeader(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(ResponseCookie::isTokenCharacter)) {
            throw new IllegalArgumentException("a header name must be an HTTP token");
        }
        if (value.chars().anyMatch(character -> character == '\r' || character == '\n' || character == 0)) {
            throw new IllegalArgumentException("header " + name + " has a value with a line break");
        }
        response.getHeaders().put(name, value);
    }

    /** Adds a Set-Cookie header, Secure when the request came over TLS; before the answer. */
    public void setCookie(ResponseCookie cookie) {
        response.getHeaders().add(HttpHeader.SET_COOKIE, cookie.header(isSecure()));
    }

    /**
     * Answers 303 See Other to {@code location}: the browser follows with a GET, whatever the request's method
     * was, so a form post is never re-sent. Whether the target may be redirected to is the caller's judgement.
     */
    public void redirect(URI location) {
        settleRequestBody();
        response.setStatus(HttpStatus.SEE_OTHER_303);
        response.getHeaders().put(HttpHeader.LOCATION, location.toASCIIString());
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, "0");
        response.write(true, ByteBuffer.allocate(0), callback);
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
