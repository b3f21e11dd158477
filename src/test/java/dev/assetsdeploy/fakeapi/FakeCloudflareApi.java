package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assetsdeploy.manifest.AssetHasher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.Blake3;

/**
 * A strict in-process fake of the Cloudflare API for assets direct upload and the Worker upload,
 * on 127.0.0.1 and a dynamic port. Like the real API it remembers uploaded content across
 * sessions (so a rerun uploads only what is missing), and it is strict where the real one is:
 * token roles (API token for the account endpoints, the session's upload JWT — and only that —
 * for asset uploads), token expiry (by {@link Settings#clock}), manifest limits, and each part's
 * hash recomputed from the bytes it received. Bodies are checked while they stream in: memory
 * stays flat whatever the upload size. Worker endpoints record their raw requests.
 */
public final class FakeCloudflareApi implements AutoCloseable {

    public static final String BASE_PATH = "/client/v4";
    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{32}$");
    private static final long MAX_ASSET_SIZE = 25L * 1024 * 1024;

    /** What the fake is like; change before or between runs (fields are read per request). */
    public static final class Settings {
        public volatile String accountId = "0123456789abcdef0123456789abcdef";
        public volatile String apiToken = "test-api-token-7f3c9a1e5b";
        public volatile String apiKey = null;
        public volatile String email = null;
        public volatile int maxBucketFiles = 5000;
        public volatile long maxBucketBytes = 50L * 1024 * 1024;
        public volatile int maxManifestFiles = 20_000;
        public volatile Duration jwtLifetime = Duration.ofHours(1);
        public volatile boolean singleFileUploads = false;
        public volatile Integer edgeKvUploadConcurrency = null;
        public volatile Duration uploadResponseDelay = Duration.ZERO;
        public volatile Clock clock = Clock.systemUTC();
        public volatile UploadFault fault = UploadFault.NONE;
    }

    /** One upload session: what it asked for, its token, when it expires. */
    private record Session(String id, String jwt, Map<String, String> pathByHash, Map<String, Long> sizeByHash,
                           Set<String> needed, Instant expires) {
    }

    private record Completion(Map<String, String> manifestPaths, Instant expires) {
    }

    public final Settings settings = new Settings();
    private final HttpServer server;
    private final ExecutorService executor;
    private final Set<String> stored = ConcurrentHashMap.newKeySet();
    private final Map<String, String> contentTypeByHash = new ConcurrentHashMap<>();
    private final Map<String, Session> sessionsByJwt = new ConcurrentHashMap<>();
    private final Map<String, Completion> completions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> partsReceived = new ConcurrentHashMap<>();
    private final List<String> sessionLog = new CopyOnWriteArrayList<>();
    private final List<RecordedRequest> workerRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger uploadRequests = new AtomicInteger();
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private FakeCloudflareApi(int port) throws IOException {
        // Without it the JDK server's small writes wait on delayed ACKs (Nagle): ~40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-cloudflare-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeCloudflareApi start() {
        return start(0);
    }

    public static FakeCloudflareApi start(int port) {
        try {
            return new FakeCloudflareApi(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + BASE_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Hashes the account holds. */
    public Set<String> storedHashes() {
        return Set.copyOf(stored);
    }

    /** The Content-Type each stored hash was uploaded with. */
    public Map<String, String> contentTypes() {
        return Map.copyOf(contentTypeByHash);
    }

    /** How many times each hash arrived in an accepted request. */
    public Map<String, Integer> partsReceived() {
        Map<String, Integer> out = new HashMap<>();
        partsReceived.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int uploadRequests() {
        return uploadRequests.get();
    }

    public int sessionsOpened() {
        return sessionsOpened.get();
    }

    /** One line per session opened: "session N: asked for H hashes in B buckets". */
    public List<String> sessionLog() {
        return List.copyOf(sessionLog);
    }

    /** Requests the fake refused as malformed (wrong hash, bad Base64, wrong token role...), for assertions. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<RecordedRequest> workerRequests() {
        return List.copyOf(workerRequests);
    }

    /** True when {@code jwt} is a completion token the fake issued and it has not expired. */
    public boolean isValidCompletionToken(String jwt) {
        Completion c = completions.get(jwt);
        return c != null && settings.clock.instant().isBefore(c.expires());
    }

    /** Forget all stored content (a fresh account). */
    public void forgetStored() {
        stored.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- routing ----

    private static final Pattern SESSION = Pattern.compile(
            "^/accounts/([^/]+)/workers/(?:dispatch/namespaces/([^/]+)/)?scripts/([^/]+)/assets-upload-session$");
    private static final Pattern BULK_UPLOAD = Pattern.compile("^/accounts/([^/]+)/workers/assets/upload$");
    private static final Pattern SINGLE_UPLOAD = Pattern.compile("^/accounts/([^/]+)/workers/assets/upload/([^/]+)$");
    private static final Pattern SCRIPT = Pattern.compile(
            "^/accounts/([^/]+)/workers/(?:dispatch/namespaces/([^/]+)/)?scripts/([^/]+)(/versions|/deployments)?$");

    /** Thrown to make the JDK server drop the connection without answering. */
    private static final class InjectedDrop extends IOException {
        InjectedDrop() {
            super("injected: connection dropped mid-body");
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String fullPath = ex.getRequestURI().getRawPath();
            if (!fullPath.startsWith(BASE_PATH + "/")) {
                respond(ex, 404, error(7003, "No route for that URI"));
                return;
            }
            String path = fullPath.substring(BASE_PATH.length());
            String method = ex.getRequestMethod();
            Matcher m;
            if (method.equals("POST") && (m = SESSION.matcher(path)).matches()) {
                if (accountAuthorized(ex, m.group(1))) {
                    openSession(ex);
                }
            } else if (method.equals("POST") && (m = BULK_UPLOAD.matcher(path)).matches()) {
                upload(ex, m.group(1), null);
            } else if (method.equals("POST") && (m = SINGLE_UPLOAD.matcher(path)).matches()) {
                upload(ex, m.group(1), m.group(2));
            } else if ((m = SCRIPT.matcher(path)).matches()
                    && ((method.equals("PUT") && m.group(4) == null) || (method.equals("POST") && m.group(4) != null))) {
                if (accountAuthorized(ex, m.group(1))) {
                    worker(ex, method, path, m.group(3), m.group(4));
                }
            } else {
                drain(ex.getRequestBody());
                respond(ex, 404, error(7003, "Could not route to " + path + ", perhaps your object identifier is invalid?"));
            }
            ex.close();
        } catch (RuntimeException e) {
            problems.add("fake API bug or malformed request: " + e);
            throw e;
        }
    }

    private boolean accountAuthorized(HttpExchange ex, String account) throws IOException {
        Headers h = ex.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        boolean tokenOk = settings.apiToken != null && ("Bearer " + settings.apiToken).equals(auth);
        boolean keyOk = settings.apiKey != null && settings.apiKey.equals(h.getFirst("X-Auth-Key"))
                && settings.email != null && settings.email.equals(h.getFirst("X-Auth-Email"));
        if (!tokenOk && !keyOk) {
            drain(ex.getRequestBody());
            problems.add("account endpoint without the account's credentials: " + ex.getRequestURI().getPath());
            respond(ex, 400, error(10000, "Authentication error"));
            return false;
        }
        if (!account.equals(settings.accountId)) {
            drain(ex.getRequestBody());
            respond(ex, 403, error(9109, "Unauthorized to access requested resource"));
            return false;
        }
        return true;
    }

    // ---- phase 1 ----

    private void openSession(HttpExchange ex) throws IOException {
        JsonObject body;
        try {
            body = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            respond(ex, 400, error(10021, "request body is not JSON"));
            return;
        }
        if (!"application/json".equals(ex.getRequestHeaders().getFirst("Content-Type"))) {
            respond(ex, 400, error(10021, "Content-Type must be application/json"));
            return;
        }
        JsonElement manifest = body.get("manifest");
        if (manifest == null || !manifest.isJsonObject()) {
            respond(ex, 400, error(10021, "manifest is required"));
            return;
        }
        Map<String, String> pathByHash = new LinkedHashMap<>();
        Map<String, Long> sizeByHash = new HashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, JsonElement> e : manifest.getAsJsonObject().entrySet()) {
            count++;
            String path = e.getKey();
            JsonObject entry = e.getValue().isJsonObject() ? e.getValue().getAsJsonObject() : null;
            String hash = entry != null && entry.has("hash") ? entry.get("hash").getAsString() : null;
            long size = entry != null && entry.has("size") ? entry.get("size").getAsLong() : -1;
            if (!path.startsWith("/") || hash == null || !HASH.matcher(hash).matches() || size < 0) {
                respond(ex, 400, error(10021, "invalid manifest entry " + path));
                return;
            }
            if (size > MAX_ASSET_SIZE) {
                respond(ex, 400, error(10021, "asset " + path + " is larger than 25 MiB"));
                return;
            }
            pathByHash.putIfAbsent(hash, path);
            sizeByHash.put(hash, size);
            paths.put(path, hash);
        }
        if (count > settings.maxManifestFiles) {
            respond(ex, 400, error(10021, "too many assets: " + count + " > " + settings.maxManifestFiles));
            return;
        }
        Set<String> needed = new LinkedHashSet<>();
        for (String hash : pathByHash.keySet()) {
            if (!stored.contains(hash)) {
                needed.add(hash);
            }
        }
        int number = sessionsOpened.incrementAndGet();
        Instant expires = settings.clock.instant().plus(settings.jwtLifetime);
        JsonObject result = new JsonObject();
        if (needed.isEmpty()) {
            result.addProperty("jwt", completionToken(paths));
            result.add("buckets", new JsonArray());
            sessionLog.add("session " + number + ": asked for 0 hashes in 0 buckets");
        } else {
            JsonObject payload = new JsonObject();
            payload.addProperty("account_id", settings.accountId);
            payload.addProperty("session", UUID.randomUUID().toString());
            payload.addProperty("role", "upload");
            payload.addProperty("exp", expires.getEpochSecond());
            if (settings.singleFileUploads) {
                payload.addProperty("wrangler_single_asset_uploads", true);
            }
            if (settings.edgeKvUploadConcurrency != null) {
                payload.addProperty("edge_kv_upload_concurrency", settings.edgeKvUploadConcurrency);
            }
            String jwt = FakeJwt.make(payload);
            sessionsByJwt.put(jwt, new Session(payload.get("session").getAsString(), jwt, pathByHash, sizeByHash,
                    Collections.unmodifiableSet(needed), expires));
            JsonArray buckets = buckets(needed, sizeByHash);
            result.addProperty("jwt", jwt);
            result.add("buckets", buckets);
            sessionLog.add("session " + number + ": asked for " + needed.size() + " hashes in " + buckets.size() + " buckets");
        }
        respond(ex, 200, success(result));
    }

    private JsonArray buckets(Set<String> needed, Map<String, Long> sizeByHash) {
        JsonArray buckets = new JsonArray();
        JsonArray current = new JsonArray();
        long bytes = 0;
        for (String hash : needed) {
            long encoded = 4 * ((sizeByHash.get(hash) + 2) / 3);
            if (current.size() > 0 && (current.size() >= settings.maxBucketFiles || bytes + encoded > settings.maxBucketBytes)) {
                buckets.add(current);
                current = new JsonArray();
                bytes = 0;
            }
            current.add(hash);
            bytes += encoded;
        }
        if (current.size() > 0) {
            buckets.add(current);
        }
        return buckets;
    }

    private String completionToken(Map<String, String> manifestPaths) {
        JsonObject payload = new JsonObject();
        payload.addProperty("account_id", settings.accountId);
        payload.addProperty("role", "completion");
        Instant expires = settings.clock.instant().plus(settings.jwtLifetime);
        payload.addProperty("exp", expires.getEpochSecond());
        String jwt = FakeJwt.make(payload);
        completions.put(jwt, new Completion(Map.copyOf(manifestPaths), expires));
        return jwt;
    }

    // ---- phase 2 ----

    private void upload(HttpExchange ex, String account, String singleHash) throws IOException {
        int number = uploadRequests.incrementAndGet();
        UploadFault.Action action = settings.fault.decide(number);
        InputStream body = ex.getRequestBody();
        switch (action.kind()) {
            case STATUS -> {
                drain(body);
                if (action.retryAfter() != null) {
                    ex.getResponseHeaders().add("Retry-After", action.retryAfter());
                }
                ex.getResponseHeaders().add("cf-ray", "fake" + number + "-LHR");
                respond(ex, action.status(), error(action.status() == 429 ? 971 : 10013, "injected HTTP " + action.status()));
                return;
            }
            case DROP_MID_BODY -> {
                long length = contentLength(ex);
                body.readNBytes((int) Math.min(Integer.MAX_VALUE, Math.max(1, length / 2)));
                // An exception makes the JDK server close the connection without an answer.
                throw new InjectedDrop();
            }
            default -> {
            }
        }
        Session session = uploadSession(ex);
        if (session == null) {
            return;
        }
        if (!account.equals(settings.accountId)) {
            drain(body);
            respond(ex, 403, error(9109, "Unauthorized to access requested resource"));
            return;
        }
        Map<String, String> received = new LinkedHashMap<>();
        String problem = singleHash != null ? readSingle(ex, session, singleHash, received) : readBulk(ex, session, received);
        if (problem != null) {
            problems.add(problem);
            drain(body);
            respond(ex, 400, error(10021, problem));
            return;
        }
        sleep(settings.uploadResponseDelay);
        if (action.kind() == UploadFault.Action.Kind.DELAY) {
            sleep(action.delay());
        }
        received.forEach((hash, contentType) -> {
            stored.add(hash);
            contentTypeByHash.put(hash, contentType);
            partsReceived.computeIfAbsent(hash, k -> new AtomicInteger()).incrementAndGet();
        });
        JsonObject result = new JsonObject();
        if (stored.containsAll(session.needed())) {
            Map<String, String> paths = new LinkedHashMap<>();
            session.pathByHash().forEach((hash, path) -> paths.put(path, hash));
            result.addProperty("jwt", completionToken(paths));
            respond(ex, 201, success(result));
        } else {
            result.add("jwt", JsonNull.INSTANCE);
            respond(ex, 202, success(result));
        }
    }

    /** The session whose upload token signs the request, or null after answering the refusal. */
    private Session uploadSession(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        if (h.containsKey("X-Auth-Key") || h.containsKey("X-Auth-Email")
                || (settings.apiToken != null && ("Bearer " + settings.apiToken).equals(auth))) {
            problems.add("asset upload sent the account's credentials");
            refuse(ex, 401, error(10000, "asset uploads take the upload token, not the account's credentials"));
            return null;
        }
        String jwt = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
        if (jwt != null && completions.containsKey(jwt)) {
            problems.add("asset upload signed with a completion token");
            refuse(ex, 401, error(10000, "a completion token cannot upload"));
            return null;
        }
        Session session = jwt == null ? null : sessionsByJwt.get(jwt);
        if (session == null) {
            problems.add("asset upload with an unknown token");
            refuse(ex, 401, error(10000, "Authentication error"));
            return null;
        }
        if (!settings.clock.instant().isBefore(session.expires())) {
            refuse(ex, 401, error(10000, "Authentication error: upload token expired"));
            return null;
        }
        return session;
    }

    private String readBulk(HttpExchange ex, Session session, Map<String, String> received) throws IOException {
        if (!"true".equals(query(ex, "base64"))) {
            return "bulk upload without ?base64=true";
        }
        String boundary = MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            return "bulk upload is not multipart/form-data";
        }
        MultipartReader reader = new MultipartReader(ex.getRequestBody(), boundary);
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            String hash = part.name();
            if (hash == null || !hash.equals(part.filename())) {
                return "part name " + hash + " and filename " + part.filename() + " must both be the hash";
            }
            String problem = checkPart(session, hash, part.contentType(), part.body(), true);
            if (problem != null) {
                return problem;
            }
            if (received.put(hash, part.contentType()) != null) {
                return "hash " + hash + " sent twice in one request";
            }
        }
        return received.isEmpty() ? "bulk upload with no parts" : null;
    }

    private String readSingle(HttpExchange ex, Session session, String hash, Map<String, String> received) throws IOException {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String problem = checkPart(session, hash, contentType, ex.getRequestBody(), false);
        if (problem == null) {
            received.put(hash, contentType);
        }
        return problem;
    }

    /** Reads one asset's bytes as they stream in; the hash is recomputed from them and compared. */
    private String checkPart(Session session, String hash, String contentType, InputStream in, boolean base64) throws IOException {
        String path = session.pathByHash().get(hash);
        if (path == null) {
            return "hash " + hash + " is not in this session's manifest";
        }
        if (contentType == null || contentType.isEmpty()) {
            return "part " + hash + " has no Content-Type (unknown types are sent as application/null)";
        }
        long expectedSize = session.sizeByHash().get(hash);
        Blake3 hasher = Blake3.initHash();
        byte[] buf = new byte[base64 ? 64 * 1024 : 48 * 1024];
        long textLength = 0;
        long rawSize = 0;
        int padding = 0;
        byte[] tail = new byte[0];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (base64) {
                for (int i = 0; i < n; i++) {
                    byte c = buf[i];
                    boolean alpha = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
                    if (c == '=') {
                        padding++;
                    } else if (!alpha || padding > 0) {
                        return "part " + hash + " is not standard padded Base64";
                    }
                }
                hasher.update(buf, 0, n);
                textLength += n;
            } else {
                // Raw bytes: hash their Base64 text, encoding in multiples of 3.
                byte[] joined = new byte[tail.length + n];
                System.arraycopy(tail, 0, joined, 0, tail.length);
                System.arraycopy(buf, 0, joined, tail.length, n);
                int whole = joined.length / 3 * 3;
                hasher.update(Base64.getEncoder().encode(java.util.Arrays.copyOf(joined, whole)));
                tail = java.util.Arrays.copyOfRange(joined, whole, joined.length);
                rawSize += n;
            }
        }
        if (base64) {
            if (textLength % 4 != 0 || padding > 2) {
                return "part " + hash + " is not standard padded Base64";
            }
            rawSize = textLength / 4 * 3 - padding;
        } else if (tail.length > 0) {
            hasher.update(Base64.getEncoder().encode(tail));
        }
        if (rawSize != expectedSize) {
            return "part " + hash + " (" + path + ") has " + rawSize + " bytes; the manifest says " + expectedSize;
        }
        hasher.update(AssetHasher.extension(path).getBytes(StandardCharsets.UTF_8));
        byte[] digest = new byte[32];
        hasher.doFinalize(digest);
        String actual = Hex.encodeHexString(digest).substring(0, 32);
        return actual.equals(hash) ? null : "part " + hash + " (" + path + ") hashes to " + actual;
    }

    // ---- phase 3 (recorded) ----

    private void worker(HttpExchange ex, String method, String path, String script, String action) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        workerRequests.add(new RecordedRequest(method, path, ex.getRequestURI().getRawQuery(), headers, body));
        JsonObject result = new JsonObject();
        if (action == null) {
            String problem = checkAssetsJwt(ex, body);
            if (problem != null) {
                problems.add(problem);
                respond(ex, 400, error(10021, problem));
                return;
            }
            result.addProperty("id", script);
            result.addProperty("etag", UUID.randomUUID().toString().replace("-", ""));
            result.addProperty("has_assets", true);
            result.addProperty("deployment_id", UUID.randomUUID().toString());
        } else if (action.equals("/versions")) {
            result.addProperty("id", UUID.randomUUID().toString());
            result.addProperty("number", workerRequests.size());
        } else {
            result.addProperty("id", UUID.randomUUID().toString());
            result.addProperty("strategy", "percentage");
            JsonElement request = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            result.add("versions", request.isJsonObject() && request.getAsJsonObject().has("versions")
                    ? request.getAsJsonObject().get("versions") : new JsonArray());
        }
        respond(ex, 200, success(result));
    }

    /** A Worker upload whose metadata carries {@code assets.jwt} must carry a live completion token. */
    private String checkAssetsJwt(HttpExchange ex, byte[] body) throws IOException {
        String boundary = MultipartReader.boundary(ex.getRequestHeaders().getFirst("Content-Type"));
        if (boundary == null) {
            return "Worker upload is not multipart/form-data";
        }
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary);
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            if ("metadata".equals(part.name())) {
                JsonObject metadata = JsonParser.parseString(new String(part.body().readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
                JsonObject assets = metadata.has("assets") ? metadata.getAsJsonObject("assets") : null;
                if (assets != null && assets.has("jwt") && !isValidCompletionToken(assets.get("jwt").getAsString())) {
                    return "metadata.assets.jwt is not a live completion token";
                }
                return null;
            }
        }
        return "Worker upload without a metadata part";
    }

    // ---- helpers ----

    private static long contentLength(HttpExchange ex) {
        try {
            return Long.parseLong(ex.getRequestHeaders().getFirst("Content-Length"));
        } catch (RuntimeException e) {
            return 2;
        }
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if ((eq < 0 ? pair : pair.substring(0, eq)).equals(name)) {
                return eq < 0 ? "" : pair.substring(eq + 1);
            }
        }
        return null;
    }

    private static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[64 * 1024];
        while (in.read(skip) >= 0) {
            // discard
        }
    }

    private static void sleep(Duration d) {
        if (d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static JsonObject success(JsonElement result) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("success", true);
        envelope.add("errors", new JsonArray());
        envelope.add("messages", new JsonArray());
        envelope.add("result", result);
        return envelope;
    }

    private static JsonObject error(int code, String message) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("success", false);
        JsonArray errors = new JsonArray();
        JsonObject e = new JsonObject();
        e.addProperty("code", code);
        e.addProperty("message", message);
        errors.add(e);
        envelope.add("errors", errors);
        envelope.add("messages", new JsonArray());
        envelope.add("result", JsonNull.INSTANCE);
        return envelope;
    }

    /** Reads what is left of the body, then answers: refusing before the body is read can stall the client. */
    private static void refuse(HttpExchange ex, int status, JsonObject envelope) throws IOException {
        drain(ex.getRequestBody());
        respond(ex, status, envelope);
    }

    private static void respond(HttpExchange ex, int status, JsonObject envelope) throws IOException {
        byte[] bytes = envelope.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
