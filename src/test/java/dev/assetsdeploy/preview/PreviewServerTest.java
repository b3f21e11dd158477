package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real server on an ephemeral port: a few requests, the request log, and a change to the folder. */
class PreviewServerTest {

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(int port, String method, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String rawHead(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n\r\n") + 2);
        }
    }

    @Test
    void servesTheFolderAsItChanges() throws Exception {
        Files.writeString(dir.resolve("index.html"), "home");
        Files.createDirectories(dir.resolve("about"));
        Files.writeString(dir.resolve("about/index.html"), "about");
        Files.writeString(dir.resolve("_headers"), "/*\n  X-Site: preview\n");
        PreviewSettings settings = new PreviewSettings(null, null, "2025-06-01", List.of(), false, null);
        List<String> log = new CopyOnWriteArrayList<>();
        try (LiveSite live = new LiveSite(dir, d -> PreviewSite.load(new ManifestBuilder(100, 1).build(d), settings),
                site -> log.add("reloaded"), failure -> log.add("failed: " + failure.getMessage()));
             PreviewServer server = PreviewServer.start("127.0.0.1", 0, live::router,
                     (method, target, r) -> log.add(method + " " + target + " " + r.status()))) {
            int port = server.address().getPort();

            HttpResponse<String> home = send(port, "GET", "/");
            assertEquals(200, home.statusCode());
            assertEquals("home", home.body());
            assertEquals("preview", home.headers().firstValue("X-Site").orElseThrow());
            assertTrue(home.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""));

            HttpResponse<String> about = send(port, "GET", "/about?x=1");
            assertEquals(307, about.statusCode());
            assertEquals("/about/?x=1", about.headers().firstValue("Location").orElseThrow());

            HttpResponse<String> head = send(port, "HEAD", "/about/");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
            assertEquals(405, send(port, "POST", "/").statusCode());
            assertEquals(404, send(port, "GET", "/caf%C3%A9").statusCode());
            assertEquals(List.of("GET / 200", "GET /about?x=1 307", "HEAD /about/ 200", "POST / 405", "GET /caf%C3%A9 404"), log);

            Files.writeString(dir.resolve("café.html"), "new page");
            HttpResponse<String> added = send(port, "GET", "/caf%C3%A9");
            for (int i = 0; i < 100 && added.statusCode() != 200; i++) {
                Thread.sleep(100); // the file-system watch reports the change asynchronously
                added = send(port, "GET", "/caf%C3%A9");
            }
            assertEquals(200, added.statusCode());
            assertEquals("new page", added.body());
            assertTrue(log.contains("reloaded"));

            assertTrue(rawHead(port, "GET /caf\u00e9 HTTP/1.1").startsWith("HTTP/1.1 200 "), "raw UTF-8 bytes in the path");
            String slashes = rawHead(port, "GET //about/ HTTP/1.1");
            assertTrue(slashes.startsWith("HTTP/1.1 307") && slashes.contains("\r\nLocation: /about/\r\n"),
                    "'//about/' is a path, not a host: " + slashes);

            AssetsDeployException inUse = assertThrows(AssetsDeployException.class,
                    () -> PreviewServer.start("127.0.0.1", port, live::router, (m, t, r) -> { }));
            assertTrue(inUse.getMessage().startsWith("cannot listen on 127.0.0.1:" + port), inUse.getMessage());
            assertTrue(inUse.getMessage().contains("--port"), inUse.getMessage());
        }
    }
}
