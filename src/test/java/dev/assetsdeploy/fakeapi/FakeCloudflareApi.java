package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.drain;
import static dev.assetsdeploy.fakeapi.Envelope.error;
import static dev.assetsdeploy.fakeapi.Envelope.respond;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A strict in-process fake of the Cloudflare API for what assets-deploy and wrangler 4.164 call, on 127.0.0.1 and a
 * dynamic port. It keeps the state the real API keeps ({@link WorkersState}, seeded and inspected through
 * {@link #workers()}) and refuses what the real API would refuse; each refusal is also listed in {@link #problems()}.
 * Each area of the API is a {@link FakeArea} of its own; this class routes requests to them, checks the account's
 * credentials for them, logs every control-plane request ({@link #controlPlaneRequests()}) and is what tests hold.
 *
 * <p>Areas: {@link AssetsArea} (upload sessions, asset uploads), {@link WorkerScriptsArea} (Worker uploads: PUT a
 * script, POST a version), {@link WorkerInfoArea} (services, workers/workers, secrets, settings, script-settings),
 * {@link VersionsArea}, {@link DeploymentsArea}, {@link SubdomainArea} (account subdomain, a Worker's workers.dev),
 * {@link RoutesArea} (routes, zones), {@link CustomDomainsArea}, {@link SchedulesArea}, and the resources bindings
 * name: {@link ResourcesArea} (queues, R2 buckets, dispatch namespaces), {@link StorageArea} (KV, D1, AI Search, Agent
 * Memory) and {@link WorkflowsArea}. Asset bodies are checked while they stream in:
 * memory stays flat whatever the upload size.
 */
public final class FakeCloudflareApi implements AutoCloseable {

    public static final String BASE_PATH = "/client/v4";

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
        /** Faults of the upload session calls (STATUS only), by session call number. */
        public volatile UploadFault sessionFault = UploadFault.NONE;
        /**
         * Hears each control-plane request ({@code "POST /accounts/.../deployments"}) as it arrives, before it is
         * answered: a test stops the command there, as Ctrl+C during that request would.
         */
        public volatile Consumer<String> onControlPlaneRequest = request -> {};
    }

    public final Settings settings = new Settings();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final WorkersState workers = new WorkersState();
    private final ControlPlaneLog log = new ControlPlaneLog();
    final List<RecordedRequest> workerRequests = new CopyOnWriteArrayList<>();
    private final AssetsArea assets = new AssetsArea(this, problems);
    private final List<FakeArea.Route> routes = Stream.of(
                    assets,
                    new WorkerScriptsArea(this, problems),
                    new WorkerInfoArea(this, problems),
                    new NamespacedWorkerArea(this, problems),
                    new VersionsArea(this, problems),
                    new DeploymentsArea(this, problems),
                    new SubdomainArea(this, problems),
                    new RoutesArea(this, problems),
                    new CustomDomainsArea(this, problems),
                    new SchedulesArea(this, problems),
                    new ResourcesArea(this, problems),
                    new StorageArea(this, problems),
                    new WorkflowsArea(this, problems))
            .flatMap(area -> area.routes().stream())
            .toList();
    private final HttpServer server;
    private final ExecutorService executor;

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

    /** The variables that point assets-deploy (or wrangler) at this fake, with its account's credentials. */
    public Map<String, String> environment() {
        return Map.of(
                "CLOUDFLARE_API_TOKEN", settings.apiToken,
                "CLOUDFLARE_ACCOUNT_ID", settings.accountId,
                "CLOUDFLARE_API_BASE_URL", baseUrl());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Hashes the account holds. */
    public Set<String> storedHashes() {
        return Set.copyOf(assets.stored);
    }

    /** The Content-Type each stored hash was uploaded with. */
    public Map<String, String> contentTypes() {
        return Map.copyOf(assets.contentTypeByHash);
    }

    /** How many times each hash arrived in an accepted request. */
    public Map<String, Integer> partsReceived() {
        Map<String, Integer> out = new HashMap<>();
        assets.partsReceived.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int uploadRequests() {
        return assets.uploadRequests.get();
    }

    public int sessionsOpened() {
        return assets.sessionsOpened.get();
    }

    /** One line per session opened: "session N: asked for H hashes in B buckets". */
    public List<String> sessionLog() {
        return List.copyOf(assets.sessionLog);
    }

    /**
     * Requests the fake refused as malformed or invalid (wrong hash, bad Base64, wrong token role, an unknown binding
     * type, percentages not adding up to 100, an endpoint it does not model...), one line each, for assertions. A
     * lookup that finds nothing (a new Worker's {@code GET services}, an unknown version id) is an answer, not a
     * problem.
     */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The Worker uploads, version uploads and deployments the fake accepted for its account, in order. */
    public List<RecordedRequest> workerRequests() {
        return List.copyOf(workerRequests);
    }

    /** The account's Workers and everything the API keeps about them: seed before a run, inspect after. */
    public WorkersState workers() {
        return workers;
    }

    /**
     * Every request to a control-plane endpoint (all but the asset uploads) in arrival order, with the fake's
     * answers, refused ones and unmodelled ones included. Waits for answers still being written.
     */
    public List<ControlPlaneRequest> controlPlaneRequests() {
        return log.snapshot();
    }

    /** The account already holds these asset hashes: upload sessions do not ask for them. */
    public void assumeStored(Collection<String> hashes) {
        assets.stored.addAll(hashes);
    }

    /** True when {@code jwt} is a completion token the fake issued and it has not expired. */
    public boolean isValidCompletionToken(String jwt) {
        return assets.isValidCompletionToken(jwt);
    }

    /** Forget all stored content (a fresh account). */
    public void forgetStored() {
        assets.stored.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String fullPath = ex.getRequestURI().getRawPath();
            if (!fullPath.startsWith(BASE_PATH + "/")) {
                respond(ex, 404, error(7003, "No route for that URI"));
                return;
            }
            String path = fullPath.substring(BASE_PATH.length());
            for (FakeArea.Route route : routes) {
                Matcher m = route.path().matcher(path);
                if (route.method().equals(ex.getRequestMethod()) && m.matches()) {
                    if (route.controlPlane()) {
                        logged(ex, path, () -> route.handler().handle(ex, m));
                    } else {
                        route.handler().handle(ex, m);
                    }
                    ex.close();
                    return;
                }
            }
            logged(ex, path, () -> {
                problems.add("no such endpoint in the fake: " + ex.getRequestMethod() + " " + path);
                respond(
                        ex,
                        404,
                        error(7003, "Could not route to " + path + ", perhaps your object identifier is invalid?"));
            });
            ex.close();
        } catch (RuntimeException e) {
            problems.add("fake API bug or malformed request: " + e);
            throw e;
        }
    }

    /** Answers one exchange, keeping it (body and answer) in the control-plane log. */
    private void logged(HttpExchange ex, String path, LoggedHandler handler) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        int slot = log.reserve();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        String method = ex.getRequestMethod();
        String query = ex.getRequestURI().getRawQuery();
        ResponseCapture capture = new ResponseCapture(
                ex.getResponseBody(),
                answer -> log.fill(
                        slot,
                        new ControlPlaneRequest(method, path, query, headers, body, ex.getResponseCode(), answer)));
        ex.setStreams(new ByteArrayInputStream(body), capture);
        try {
            settings.onControlPlaneRequest.accept(method + " " + path);
            handler.handle();
        } finally {
            capture.finish();
        }
    }

    @FunctionalInterface
    private interface LoggedHandler {
        void handle() throws IOException;
    }

    /** The account's API token (or key and e-mail): the check of an endpoint outside the account path. */
    boolean credentialsValid(HttpExchange ex) throws IOException {
        Headers h = ex.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        boolean tokenOk = settings.apiToken != null && ("Bearer " + settings.apiToken).equals(auth);
        boolean keyOk = settings.apiKey != null
                && settings.apiKey.equals(h.getFirst("X-Auth-Key"))
                && settings.email != null
                && settings.email.equals(h.getFirst("X-Auth-Email"));
        if (!tokenOk && !keyOk) {
            drain(ex.getRequestBody());
            problems.add("endpoint without the account's credentials: "
                    + ex.getRequestURI().getPath());
            respond(ex, 400, error(10000, "Authentication error"));
            return false;
        }
        return true;
    }

    /**
     * An account endpoint's check: the account's API token (or key and e-mail), for this account. Refuses
     * (and returns false) otherwise, as the API does.
     */
    boolean accountAuthorized(HttpExchange ex, String account) throws IOException {
        if (!credentialsValid(ex)) {
            return false;
        }
        if (!account.equals(settings.accountId)) {
            drain(ex.getRequestBody());
            respond(ex, 403, error(9109, "Unauthorized to access requested resource"));
            return false;
        }
        return true;
    }
}
