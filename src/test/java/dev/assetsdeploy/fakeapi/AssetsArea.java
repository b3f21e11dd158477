package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.contentLength;
import static dev.assetsdeploy.fakeapi.Envelope.drain;
import static dev.assetsdeploy.fakeapi.Envelope.error;
import static dev.assetsdeploy.fakeapi.Envelope.query;
import static dev.assetsdeploy.fakeapi.Envelope.refuse;
import static dev.assetsdeploy.fakeapi.Envelope.respond;
import static dev.assetsdeploy.fakeapi.Envelope.sleep;
import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Workers static assets, phases 1 and 2: upload sessions (the manifest in, the buckets of missing hashes out)
 * and the uploads that fill them. Like the real API it remembers uploaded content across sessions, and it is
 * strict where the real one is: token roles (the session's upload JWT, and only that, uploads), token expiry
 * (by {@link FakeCloudflareApi.Settings#clock}), manifest limits, and each part's hash recomputed from the bytes
 * it received.
 */
final class AssetsArea implements FakeArea {

    private static final Pattern HASH = Pattern.compile("^[0-9a-f]{32}$");
    private static final long MAX_ASSET_SIZE = 25L * 1024 * 1024;

    /** One upload session: what it asked for, its token, when it expires. */
    private record Session(
            String id,
            String jwt,
            Map<String, String> pathByHash,
            Map<String, Long> sizeByHash,
            Set<String> needed,
            Instant expires) {}

    private record Completion(Map<String, String> manifestPaths, Instant expires) {}

    /** Thrown to make the JDK server drop the connection without answering. */
    private static final class InjectedDrop extends IOException {
        InjectedDrop() {
            super("injected: connection dropped mid-body");
        }
    }

    private final FakeCloudflareApi api;
    private final FakeCloudflareApi.Settings settings;
    private final List<String> problems;
    final Set<String> stored = ConcurrentHashMap.newKeySet();
    final Map<String, String> contentTypeByHash = new ConcurrentHashMap<>();
    private final Map<String, Session> sessionsByJwt = new ConcurrentHashMap<>();
    private final Map<String, Completion> completions = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> partsReceived = new ConcurrentHashMap<>();
    final List<String> sessionLog = new CopyOnWriteArrayList<>();
    final AtomicInteger uploadRequests = new AtomicInteger();
    final AtomicInteger sessionsOpened = new AtomicInteger();
    private final AtomicInteger sessionCalls = new AtomicInteger();

    AssetsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.settings = api.settings;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of(
                        "POST",
                        "^/accounts/([^/]+)/workers/(?:dispatch/namespaces/([^/]+)/)?scripts/([^/]+)"
                                + "/assets-upload-session$",
                        (ex, m) -> {
                            int number = sessionCalls.incrementAndGet();
                            if (api.accountAuthorized(ex, m.group(1))
                                    && !injected(ex, settings.sessionFault.decide(number), "session" + number)) {
                                openSession(ex);
                            }
                        }),
                Route.streamed(
                        "POST", "^/accounts/([^/]+)/workers/assets/upload$", (ex, m) -> upload(ex, m.group(1), null)),
                Route.streamed(
                        "POST",
                        "^/accounts/([^/]+)/workers/assets/upload/([^/]+)$",
                        (ex, m) -> upload(ex, m.group(1), m.group(2))));
    }

    /** True when {@code jwt} is a completion token the fake issued and it has not expired. */
    boolean isValidCompletionToken(String jwt) {
        Completion c = completions.get(jwt);
        return c != null && settings.clock.instant().isBefore(c.expires());
    }

    // ---- phase 1 ----

    private void openSession(HttpExchange ex) throws IOException {
        JsonObject body;
        try {
            body = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
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
            sessionsByJwt.put(
                    jwt,
                    new Session(
                            payload.get("session").getAsString(),
                            jwt,
                            pathByHash,
                            sizeByHash,
                            Collections.unmodifiableSet(needed),
                            expires));
            JsonArray buckets = buckets(needed, sizeByHash);
            result.addProperty("jwt", jwt);
            result.add("buckets", buckets);
            sessionLog.add(
                    "session " + number + ": asked for " + needed.size() + " hashes in " + buckets.size() + " buckets");
        }
        respond(ex, 200, success(result));
    }

    private JsonArray buckets(Set<String> needed, Map<String, Long> sizeByHash) {
        JsonArray buckets = new JsonArray();
        JsonArray current = new JsonArray();
        long bytes = 0;
        for (String hash : needed) {
            long encoded = 4 * ((sizeByHash.get(hash) + 2) / 3);
            if (current.size() > 0
                    && (current.size() >= settings.maxBucketFiles || bytes + encoded > settings.maxBucketBytes)) {
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

    /** Answers an injected error status (its cf-ray "fake" + {@code ray} + "-LHR") and returns true, or returns false. */
    private static boolean injected(HttpExchange ex, UploadFault.Action action, String ray) throws IOException {
        if (action.kind() != UploadFault.Action.Kind.STATUS) {
            return false;
        }
        drain(ex.getRequestBody());
        if (action.retryAfter() != null) {
            ex.getResponseHeaders().add("Retry-After", action.retryAfter());
        }
        ex.getResponseHeaders().add("cf-ray", "fake" + ray + "-LHR");
        respond(ex, action.status(), error(action.status() == 429 ? 971 : 10013, "injected HTTP " + action.status()));
        return true;
    }

    // ---- phase 2 ----

    private void upload(HttpExchange ex, String account, String singleHash) throws IOException {
        int number = uploadRequests.incrementAndGet();
        UploadFault.Action action = settings.fault.decide(number);
        InputStream body = ex.getRequestBody();
        if (injected(ex, action, Integer.toString(number))) {
            return;
        }
        switch (action.kind()) {
            case DROP_MID_BODY -> {
                long length = contentLength(ex);
                body.readNBytes((int) Math.min(Integer.MAX_VALUE, Math.max(1, length / 2)));
                // An exception makes the JDK server close the connection without an answer.
                throw new InjectedDrop();
            }
            default -> {}
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
        String problem =
                singleHash != null ? readSingle(ex, session, singleHash, received) : readBulk(ex, session, received);
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
        if (h.containsKey("X-Auth-Key")
                || h.containsKey("X-Auth-Email")
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
            String problem = PartCheck.check(
                    session.pathByHash(), session.sizeByHash(), hash, part.contentType(), part.body(), true);
            if (problem != null) {
                return problem;
            }
            if (received.put(hash, part.contentType()) != null) {
                return "hash " + hash + " sent twice in one request";
            }
        }
        return received.isEmpty() ? "bulk upload with no parts" : null;
    }

    private String readSingle(HttpExchange ex, Session session, String hash, Map<String, String> received)
            throws IOException {
        String contentType = ex.getRequestHeaders().getFirst("Content-Type");
        String problem = PartCheck.check(
                session.pathByHash(), session.sizeByHash(), hash, contentType, ex.getRequestBody(), false);
        if (problem == null) {
            received.put(hash, contentType);
        }
        return problem;
    }
}
