package dev.assetsdeploy.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.Counts;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.ShortList;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.EofSensorInputStream;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

/**
 * The one HTTP client of the tool (Apache HttpClient 5, classic API, pooled connections).
 * It appends paths to the base URL, signs requests, parses the envelope (judged by
 * {@code success}), and turns every failure into an {@link ApiException} whose message names
 * the step, the HTTP status, each {@code code: message} and the {@code cf-ray} id.
 *
 * <p>{@link #call} retries what may succeed later (I/O errors, timeouts, 5xx, 429) with the
 * settings' {@link RetryPolicy}; {@link #execute} makes exactly one attempt, for callers that
 * run their own retry loop. Thread-safe: share one instance, close it at the end.
 *
 * <p>Proxies: {@code ProxySettings} (from HTTPS_PROXY/HTTP_PROXY/NO_PROXY) first, otherwise the
 * JVM's proxy properties; TLS trusts what the JVM's {@code javax.net.ssl.trustStore} properties say.
 */
public final class ApiClient implements Closeable {

    private static final int MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
    private static final int SNIPPET_BYTES = 200;

    private final ApiSettings settings;
    private final ApiPaths paths;
    private final Consumer<String> trace;
    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager pool;
    private final RequestWatchdog watchdog;
    private final RetryNotice.Listener retries;

    public ApiClient(ApiSettings settings) {
        this(settings, line -> {}, RetryNotice.Listener.NONE);
    }

    /**
     * {@code trace} receives one line per request (method, path, status, time; never a secret), for --verbose;
     * {@code retries} hears of each retry of {@link #call(ApiRequest)}.
     */
    public ApiClient(ApiSettings settings, Consumer<String> trace, RetryNotice.Listener retries) {
        this.settings = settings;
        this.retries = retries;
        this.paths = ApiPaths.forAccount(settings.accountId());
        this.trace = trace;
        LazyTls tls = new LazyTls();
        if (settings.baseUrl().regionMatches(true, 0, "https:", 0, 6)) {
            tls.get(); // now, on the thread that builds the client, not with the first request
        }
        this.pool = PoolingHttpClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setTlsSocketStrategy(tls)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setRoutePlanner(new ProxyRoutePlanner(settings.proxy()))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.ofMinutes(10))
                        .build());
        proxyCredentials(settings).ifPresent(builder::setDefaultCredentialsProvider);
        this.http = builder.build();
        this.watchdog = new RequestWatchdog(settings.responseTimeout(), settings.deadline());
    }

    /** The paths of the settings' account: every request's path comes from there. */
    public ApiPaths paths() {
        return paths;
    }

    /** Sends with the settings' retry policy; a failure after the last attempt is final (retryable ones become NETWORK). */
    public ApiResponse call(ApiRequest request) {
        return call(request, retries);
    }

    /** As {@link #call(ApiRequest)}, telling {@code listener} (instead of this client's) of each retry. */
    public ApiResponse call(ApiRequest request, RetryNotice.Listener listener) {
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            try {
                return execute(request);
            } catch (ApiException e) {
                RetryPolicy.Decision next = retry.decide(attempt, e);
                if (next instanceof RetryPolicy.GiveUp giveUp) {
                    throw giveUp.exhausted()
                            ? e.exhausted(e.getMessage() + " (gave up after " + Counts.of(attempt, "attempt") + ")")
                            : e;
                }
                RetryPolicy.Retry wait = (RetryPolicy.Retry) next;
                listener.retrying(new RetryNotice(request.step(), attempt, retry.maxAttempts(), e.detail(), wait));
                retry.sleep(wait.delay());
            }
        }
    }

    /** One attempt. Throws {@link ApiException}; {@code retryable()} says whether another may help. */
    public ApiResponse execute(ApiRequest request) {
        HttpUriRequestBase http = new HttpUriRequestBase(
                request.method(), URI.create(settings.baseUrl() + request.path().text()));
        if (request.bearer() != null) {
            http.setHeader("Authorization", "Bearer " + request.bearer());
        } else {
            settings.credentials().apply(http);
        }
        request.headers().forEach(http::setHeader);
        RequestWatchdog.Watch watch = watchdog.watch(http);
        if (request.body() != null) {
            http.setEntity(entity(request.body(), watch));
        }
        long started = System.nanoTime();
        try {
            ApiResponse response = this.http.execute(http, r -> handle(request, r));
            trace.accept(scrub(
                    request.method() + " " + request.path() + " -> " + response.status() + " in " + millis(started)
                            + " ms" + (response.cfRay() != null ? " (cf-ray " + response.cfRay() + ")" : ""),
                    request));
            return response;
        } catch (ApiException e) {
            trace.accept(
                    request.method() + " " + request.path() + " -> " + e.status() + " in " + millis(started) + " ms");
            throw e;
        } catch (IOException e) {
            String what = watch.reason() != null ? watch.reason() : describe(e);
            trace.accept(scrub(
                    request.method() + " " + request.path() + " -> " + what + " after " + millis(started) + " ms",
                    request));
            if (e.getCause() instanceof ApiException api && watch.reason() == null) {
                throw api;
            }
            throw new ApiException(
                    Kind.NETWORK, request.step(), 0, true, null, scrub(request.step() + ": " + what, request), e);
        } finally {
            watch.close();
        }
    }

    @Override
    public void close() {
        watchdog.close();
        try {
            http.close();
        } catch (IOException ignored) {
            // Closing idle connections; nothing to report.
        }
    }

    private ApiResponse handle(ApiRequest request, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        String cfRay = header(response, "cf-ray");
        Duration retryAfter = retryAfter(header(response, "Retry-After"));
        byte[] body = read(response.getEntity());
        boolean retryableStatus = status >= 500 || status == 429;
        String where = request.step() + ": HTTP " + status + (cfRay != null ? " (cf-ray " + cfRay + ")" : "");
        if (body.length > MAX_RESPONSE_BYTES) {
            long length = response.getEntity().getContentLength();
            throw unusableAnswer(
                    request,
                    status,
                    retryAfter,
                    where + ": answer too large ("
                            + (length > MAX_RESPONSE_BYTES
                                    ? String.format(Locale.ROOT, "%,d bytes, limit %,d", length, MAX_RESPONSE_BYTES)
                                    : String.format(
                                            Locale.ROOT, "more than the limit of %,d bytes", MAX_RESPONSE_BYTES))
                            + ")");
        }
        JsonObject envelope = parseEnvelope(body);
        if (envelope == null) {
            throw unusableAnswer(
                    request,
                    status,
                    retryAfter,
                    where + ": malformed response (not a JSON envelope): " + snippet(body, secrets(request)));
        }
        boolean success = envelope.get("success").getAsBoolean();
        if (success && status < 300) {
            JsonElement result = envelope.has("result") ? envelope.get("result") : JsonNull.INSTANCE;
            return new ApiResponse(status, envelope, result, cfRay);
        }
        List<ApiException.ApiError> apiErrors = new ArrayList<>();
        String errors = errors(envelope, apiErrors);
        List<Integer> codes =
                apiErrors.stream().map(ApiException.ApiError::code).toList();
        boolean auth = status == 401
                || status == 403
                || codes.contains(ApiException.AUTHENTICATION_ERROR)
                || codes.contains(9106);
        Kind kind = auth ? Kind.AUTHENTICATION : (retryableStatus ? Kind.NETWORK : Kind.API_REFUSED);
        String hint = auth
                ? " (check the API credentials, and that they may edit Workers on account " + settings.accountId() + ")"
                : "";
        throw new ApiException(
                kind,
                request.step(),
                status,
                retryableStatus && !auth,
                retryAfter,
                scrub(
                        where + ": "
                                + (errors.isEmpty()
                                        ? (success ? "unexpected status" : "request failed, no error given")
                                        : errors)
                                + hint,
                        request),
                null,
                apiErrors);
    }

    /** An answer that is no envelope we can read: retried like any 5xx or 429, else final. */
    private ApiException unusableAnswer(ApiRequest request, int status, Duration retryAfter, String message) {
        boolean retryableStatus = status >= 500 || status == 429;
        return new ApiException(
                retryableStatus ? Kind.NETWORK : Kind.API_REFUSED,
                request.step(),
                status,
                retryableStatus,
                retryAfter,
                scrub(message, request),
                null);
    }

    private static JsonObject parseEnvelope(byte[] body) {
        try {
            JsonElement json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (json.isJsonObject()
                    && json.getAsJsonObject().get("success") instanceof com.google.gson.JsonPrimitive p
                    && p.isBoolean()) {
                return json.getAsJsonObject();
            }
            return null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    /** "code: message; code: message", from {@code errors} (which may be null). */
    private static String errors(JsonObject envelope, List<ApiException.ApiError> codes) {
        JsonElement errors = envelope.get("errors");
        if (errors == null || !errors.isJsonArray()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonElement error : errors.getAsJsonArray()) {
            if (!error.isJsonObject()) {
                parts.add(Json.compact(error));
                continue;
            }
            JsonObject e = error.getAsJsonObject();
            JsonElement code = e.get("code");
            JsonElement message = e.get("message");
            String codeText = code == null || code.isJsonNull() ? "?" : text(code);
            String messageText = message == null || message.isJsonNull() ? "" : text(message);
            if (code != null
                    && code.isJsonPrimitive()
                    && code.getAsJsonPrimitive().isNumber()) {
                codes.add(new ApiException.ApiError(code.getAsInt(), messageText));
            }
            parts.add(codeText + ": " + messageText.replace('\n', ' '));
        }
        return ShortList.join("; ", parts);
    }

    /** A string or number as it is, anything else (a server's odd answer) as compact JSON. */
    private static String text(JsonElement value) {
        return value.isJsonPrimitive() ? value.getAsString() : Json.compact(value);
    }

    /**
     * The body, up to one byte more than {@link #MAX_RESPONSE_BYTES}: an answer that long is dropped with
     * its connection, since closing the stream would read the rest of it (forever, from a server that
     * never stops).
     */
    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES && in instanceof EofSensorInputStream sensor) {
            sensor.abort();
        } else {
            in.close();
        }
        return bytes;
    }

    /** The body as a message quotes it: scrubbed whole, then cut, so a secret across the cut is not half-printed. */
    private static String snippet(byte[] body, List<String> secrets) {
        if (body.length == 0) {
            return "(empty body)";
        }
        return Secrets.quote(new String(body, StandardCharsets.UTF_8), secrets, SNIPPET_BYTES);
    }

    private static String header(ClassicHttpResponse response, String name) {
        Header h = response.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    /** {@code Retry-After}: seconds, or an HTTP date. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException notDate) {
                return null;
            }
        }
    }

    private String describe(IOException e) {
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return "nothing received for " + duration(settings.responseTimeout()) + " (timeout)";
        }
        if (e instanceof ConnectException) {
            return "cannot connect to " + host() + ": " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage() + " (check the network, the proxy settings, or --api-base-url)";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS error with " + host() + ": " + e.getMessage()
                    + " (behind a TLS-inspecting proxy? see the README on a corporate CA)";
        }
        return "network error talking to " + host() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() != null ? ": " + e.getMessage() : "");
    }

    private String host() {
        return URI.create(settings.baseUrl()).getHost();
    }

    /**
     * {@code text} without the credentials' secrets or any JWT: for every message that quotes a server's answer
     * (this client's own messages already are).
     */
    public String scrub(String text) {
        return Secrets.scrub(text, settings.credentials().secrets());
    }

    /** As {@link #scrub(String)}, also without the token {@code request} is signed with. */
    private String scrub(String text, ApiRequest request) {
        return Secrets.scrub(text, secrets(request));
    }

    private List<String> secrets(ApiRequest request) {
        List<String> secrets = new ArrayList<>(settings.credentials().secrets());
        if (request.bearer() != null) {
            secrets.add(request.bearer());
        }
        return secrets;
    }

    /** "30 s", or "500 ms" when not whole seconds. */
    static String duration(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static HttpEntity entity(ApiRequest.Body body, RequestWatchdog.Watch watch) {
        if (body instanceof ApiRequest.JsonBody json) {
            return new StreamedEntity(
                    "application/json", MultipartBody.Content.ofString(Json.compact(json.json())), watch);
        }
        if (body instanceof ApiRequest.MultipartPayload mp) {
            MultipartBody multipart = mp.multipart();
            MultipartBody.Content content = new MultipartBody.Content() {
                @Override
                public long length() {
                    return multipart.length();
                }

                @Override
                public void writeTo(OutputStream out) throws IOException {
                    multipart.writeTo(out);
                }
            };
            return new StreamedEntity(multipart.contentType(), content, watch);
        }
        ApiRequest.RawBody raw = (ApiRequest.RawBody) body;
        return new StreamedEntity(raw.contentType(), raw.content(), watch);
    }

    private static java.util.Optional<BasicCredentialsProvider> proxyCredentials(ApiSettings settings) {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        boolean any = false;
        for (String url :
                new String[] {settings.proxy().httpsProxy(), settings.proxy().httpProxy()}) {
            if (url == null || url.isBlank()) {
                continue;
            }
            URI uri = URI.create(url.contains("://") ? url : "http://" + url);
            if (uri.getUserInfo() != null && uri.getHost() != null) {
                String[] userPass = uri.getUserInfo().split(":", 2);
                provider.setCredentials(
                        new AuthScope(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort()),
                        new UsernamePasswordCredentials(
                                userPass[0], (userPass.length > 1 ? userPass[1] : "").toCharArray()));
                any = true;
            }
        }
        return any ? java.util.Optional.of(provider) : java.util.Optional.empty();
    }

    /**
     * The JVM's TLS setup (its trust store, as the {@code javax.net.ssl} properties say), built when first needed:
     * building it reads the trust store and the public suffix list, about a quarter second that a client of a plain
     * {@code http://} base URL (a local API) never needs, unless a proxy speaks TLS.
     */
    private static final class LazyTls implements TlsSocketStrategy {
        private volatile TlsSocketStrategy tls;

        TlsSocketStrategy get() {
            TlsSocketStrategy built = tls;
            if (built == null) {
                synchronized (this) {
                    built = tls;
                    if (built == null) {
                        built = DefaultClientTlsStrategy.createSystemDefault();
                        tls = built;
                    }
                }
            }
            return built;
        }

        @Override
        public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
                throws IOException {
            return get().upgrade(socket, target, port, attachment, context);
        }
    }

    /** A body with a known length, written from its source as it is sent. */
    private static final class StreamedEntity extends AbstractHttpEntity {
        private final MultipartBody.Content content;
        private final RequestWatchdog.Watch watch;

        StreamedEntity(String contentType, MultipartBody.Content content, RequestWatchdog.Watch watch) {
            super(contentType, null, false);
            this.content = content;
            this.watch = watch;
        }

        @Override
        public long getContentLength() {
            return content.length();
        }

        @Override
        public InputStream getContent() {
            throw new UnsupportedOperationException("streamed body: use writeTo");
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            content.writeTo(watch.sending(out));
            watch.sent();
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {}
    }

    /** The environment's proxy when one applies to the host, else the JVM's ({@code ProxySelector}). */
    private static final class ProxyRoutePlanner extends SystemDefaultRoutePlanner {
        private final ProxySettings proxy;

        ProxyRoutePlanner(ProxySettings proxy) {
            super(ProxySelector.getDefault());
            this.proxy = proxy;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) throws HttpException {
            URI uri = proxy.proxyFor(target.getSchemeName(), target.getHostName(), target.getPort());
            if (uri != null) {
                return new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
            }
            return ProxySelector.getDefault() == null ? null : super.determineProxy(target, context);
        }
    }
}
