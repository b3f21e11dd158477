package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.drain;
import static dev.assetsdeploy.fakeapi.Envelope.error;
import static dev.assetsdeploy.fakeapi.Envelope.respond;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A strict in-process fake of the Cloudflare API for assets direct upload and the Worker upload,
 * on 127.0.0.1 and a dynamic port. Each area of the API is a {@link FakeArea} of its own
 * ({@link AssetsArea}: upload sessions and asset uploads; {@link WorkerScriptsArea}: Worker uploads,
 * versions, deployments); this class routes requests to them, checks the account's credentials for
 * them, and is what tests hold. Bodies are checked while they stream in: memory stays flat whatever
 * the upload size.
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
    }

    public final Settings settings = new Settings();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AssetsArea assets = new AssetsArea(this, problems);
    private final WorkerScriptsArea scripts = new WorkerScriptsArea(this, problems);
    private final List<FakeArea.Route> routes =
            Stream.of(assets, scripts).flatMap(area -> area.routes().stream()).toList();
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

    /** Every request received, in order, as "METHOD /client/v4/path" (no query). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** Requests the fake refused as malformed (wrong hash, bad Base64, wrong token role...), for assertions. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public List<RecordedRequest> workerRequests() {
        return List.copyOf(scripts.workerRequests);
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
            requests.add(ex.getRequestMethod() + " " + fullPath);
            if (!fullPath.startsWith(BASE_PATH + "/")) {
                respond(ex, 404, error(7003, "No route for that URI"));
                return;
            }
            String path = fullPath.substring(BASE_PATH.length());
            for (FakeArea.Route route : routes) {
                Matcher m = route.path().matcher(path);
                if (route.method().equals(ex.getRequestMethod()) && m.matches()) {
                    route.handler().handle(ex, m);
                    ex.close();
                    return;
                }
            }
            drain(ex.getRequestBody());
            respond(
                    ex,
                    404,
                    error(7003, "Could not route to " + path + ", perhaps your object identifier is invalid?"));
            ex.close();
        } catch (RuntimeException e) {
            problems.add("fake API bug or malformed request: " + e);
            throw e;
        }
    }

    /**
     * An account endpoint's check: the account's API token (or key and e-mail), for this account. Refuses
     * (and returns false) otherwise, as the API does.
     */
    boolean accountAuthorized(HttpExchange ex, String account) throws IOException {
        Headers h = ex.getRequestHeaders();
        String auth = h.getFirst("Authorization");
        boolean tokenOk = settings.apiToken != null && ("Bearer " + settings.apiToken).equals(auth);
        boolean keyOk = settings.apiKey != null
                && settings.apiKey.equals(h.getFirst("X-Auth-Key"))
                && settings.email != null
                && settings.email.equals(h.getFirst("X-Auth-Email"));
        if (!tokenOk && !keyOk) {
            drain(ex.getRequestBody());
            problems.add("account endpoint without the account's credentials: "
                    + ex.getRequestURI().getPath());
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
}
