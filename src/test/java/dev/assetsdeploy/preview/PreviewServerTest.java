package dev.assetsdeploy.preview;

import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on an ephemeral port: one behaviour a test. */
class PreviewServerTest {

    @TempDir
    Path dir;

    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private LiveSite live;
    private PreviewServer server;
    private int port;

    @BeforeEach
    void site() throws IOException {
        Files.writeString(dir.resolve("index.html"), "home");
        Files.createDirectories(dir.resolve("about"));
        Files.writeString(dir.resolve("about/index.html"), "about");
        Files.writeString(dir.resolve("_headers"), "/*\n  X-Site: preview\n");
    }

    /** Serves the folder as it is from now on, logging each request and each reload. */
    private void start() {
        PreviewSettings settings = new PreviewSettings(null, null, "2025-06-01", List.of(), false, null);
        live = new LiveSite(
                dir,
                d -> PreviewSite.load(new ManifestBuilder(100, 1).build(d), settings),
                site -> log.add("reloaded"),
                failure -> log.add("failed: " + failure.getMessage()));
        server = PreviewServer.start(
                "127.0.0.1", 0, live::router, (method, target, r) -> log.add(method + " " + target + " " + r.status()));
        port = server.address().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (live != null) {
            live.close();
        }
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status line and headers of a request sent as these bytes (the JDK client would encode the path). */
    private String rawHead(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream()
                    .write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n\r\n") + 2);
        }
    }

    @Test
    void servesAnAssetWithItsETagAndTheHeadersRules() throws Exception {
        start();
        HttpResponse<String> home = send("GET", "/");
        assertEquals(200, home.statusCode());
        assertEquals("home", home.body());
        assertEquals("preview", home.headers().firstValue("X-Site").orElseThrow());
        assertTrue(home.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""));
    }

    @Test
    void redirectsToTheCanonicalUrlKeepingTheQuery() throws Exception {
        start();
        HttpResponse<String> about = send("GET", "/about?x=1");
        assertEquals(307, about.statusCode());
        assertEquals("/about/?x=1", about.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void headAnswersWithoutABody() throws Exception {
        start();
        HttpResponse<String> head = send("HEAD", "/about/");
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void otherMethodsAreNotAllowedOnAssets() throws Exception {
        start();
        assertEquals(405, send("POST", "/").statusCode());
    }

    @Test
    void aPathWithoutAnAssetIs404() throws Exception {
        start();
        assertEquals(404, send("GET", "/caf%C3%A9").statusCode());
    }

    @Test
    void logsEveryRequestAnsweredInOrder() throws Exception {
        start();
        for (String[] request : new String[][] {
            {"GET", "/"}, {"GET", "/about?x=1"}, {"HEAD", "/about/"}, {"POST", "/"}, {"GET", "/caf%C3%A9"}
        }) {
            send(request[0], request[1]);
        }
        assertEquals(
                List.of("GET / 200", "GET /about?x=1 307", "HEAD /about/ 200", "POST / 405", "GET /caf%C3%A9 404"),
                log);
    }

    @Test
    void servesAFileAddedWhileItRuns() throws Exception {
        start();
        assertEquals(404, send("GET", "/caf%C3%A9").statusCode());
        Files.writeString(dir.resolve("café.html"), "new page");
        HttpResponse<String> added = send("GET", "/caf%C3%A9");
        for (int i = 0; i < 100 && added.statusCode() != 200; i++) {
            Thread.sleep(100); // the file-system watch reports the change asynchronously
            added = send("GET", "/caf%C3%A9");
        }
        assertEquals(200, added.statusCode());
        assertEquals("new page", added.body());
        assertTrue(log.contains("reloaded"), log.toString());
    }

    @Test
    void rawUtf8BytesInThePathFindTheAsset() throws Exception {
        Files.writeString(dir.resolve("café.html"), "new page");
        start();
        assertTrue(rawHead("GET /caf\u00e9 HTTP/1.1").startsWith("HTTP/1.1 200 "), "raw UTF-8 bytes in the path");
    }

    @Test
    void aPathStartingWithTwoSlashesIsAPathNotAHost() throws Exception {
        start();
        String slashes = rawHead("GET //about/ HTTP/1.1");
        assertTrue(
                slashes.startsWith("HTTP/1.1 307") && slashes.contains("\r\nLocation: /about/\r\n"),
                "'//about/' is a path, not a host: " + slashes);
    }

    @Test
    void aPortInUseIsInvalidInputThatNamesPortAndFlag() {
        start();
        AssetsDeployException inUse = assertFailsContaining(
                Kind.INVALID_INPUT,
                () -> PreviewServer.start("127.0.0.1", port, live::router, (m, t, r) -> {}),
                "cannot listen on 127.0.0.1:" + port,
                "another server uses that port; stop it or choose another with --port");
        assertTrue(inUse.getMessage().startsWith("cannot listen on 127.0.0.1:" + port), inUse.getMessage());
    }

    @Test
    void servesUntilClosed() throws Exception {
        start();
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                server.awaitClose();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(200, send("GET", "/").statusCode());
        assertFalse(waiting.isDone(), "still serving");
        server.close();
        waiting.get(60, TimeUnit.SECONDS);
        server.close(); // a second close does nothing
    }

    /** The whole answer (head and body) to requests sent as these bytes on one connection. */
    private String raw(String requests) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The status and Location of each answer in {@code response}, as "307 /about/" or "200". */
    private static List<String> statuses(String response) {
        List<String> answers = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "HTTP/1\\.1 (\\d{3})[^\r]*\r\n((?:[^\r]+\r\n)*)\r\n")
                .matcher(response);
        while (m.find()) {
            java.util.regex.Matcher location =
                    java.util.regex.Pattern.compile("(?m)^Location: ([^\r\n]*)").matcher(m.group(2));
            answers.add(m.group(1) + (location.find() ? " " + location.group(1) : ""));
        }
        return answers;
    }

    /**
     * Targets the JDK's server refused with 400 before any handler saw them: the server routes what was
     * sent, as {@code preview --explain} (which matches Cloudflare) routes the same text.
     */
    @Test
    void aRawTargetIsRoutedAsExplainRoutesIt() throws Exception {
        Files.writeString(dir.resolve("100%.txt"), "percent");
        Files.writeString(dir.resolve("café.html"), "café");
        start();
        AssetRouter explain = live.router();
        for (String target : List.of(
                "/a\\..\\about/",
                "/about\\",
                "/%",
                "/%zz",
                "/%E6%97",
                "/100%.txt",
                "/café",
                "/caf%C3%A9.html",
                "/a b",
                "/{x}|^`",
                "/about/?q=%zz&r=\\")) {
            if (target.contains(" ")) {
                assertEquals(List.of("400"), statuses(raw("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n")));
                continue;
            }
            PreviewResponse expected = explain.resolve(new PreviewRequest("GET", target, "127.0.0.1", Map.of()));
            assertEquals(
                    List.of(expected.status() + (expected.location() != null ? " " + expected.location() : "")),
                    statuses(raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")),
                    target + " " + expected.steps());
        }
    }

    @Test
    void headCarriesTheContentLengthOfTheGet() throws Exception {
        start();
        String get = raw("GET /about/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String head = raw("HEAD /about/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(get.contains("\r\nContent-Length: 5\r\n") && get.endsWith("\r\n\r\nabout"), get);
        assertTrue(head.contains("\r\nContent-Length: 5\r\n") && head.endsWith("\r\n\r\n"), head);
    }

    /** wrangler dev (recorded: preview/recorded/bytes.json) ignores Range: the whole asset, 200, no Cache-Control. */
    @Test
    void aRangeRequestGetsTheWholeAsset() throws Exception {
        start();
        String answer = raw("GET /about/ HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer);
        assertTrue(answer.contains("\r\nContent-Length: 5\r\n") && answer.endsWith("\r\n\r\nabout"), answer);
        assertFalse(answer.contains("Content-Range") || answer.contains("Cache-Control"), answer);
    }

    @Test
    void oneConnectionCarriesSeveralRequestsBodiesIncluded() throws Exception {
        start();
        String answers = raw("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
                + "PUT / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "GET /about HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(List.of("405", "405", "307 /about/", "200"), statuses(answers));
        assertTrue(answers.endsWith("home"), answers);
    }

    @Test
    void aMalformedRequestIs400AndClosesTheConnection() throws Exception {
        start();
        for (String request : List.of(
                "GET /\r\n\r\n",
                "GET / HTTP/1.1 extra\r\n\r\n",
                "GET / SPDY/3\r\n\r\n",
                "GET / HTTP/1.1\r\nno colon\r\n\r\n",
                "GET /a\rb HTTP/1.1\r\n\r\n",
                "GET / HTTP/1.1\r\nX: " + "y".repeat(70_000) + "\r\n\r\n")) {
            String answer = raw(request + "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
            List<String> statuses = statuses(answer);
            assertEquals(1, statuses.size(), answer);
            assertTrue(statuses.get(0).equals("400") || statuses.get(0).equals("431"), answer);
            assertTrue(answer.contains("\r\nConnection: close\r\n"), answer);
        }
    }
}
