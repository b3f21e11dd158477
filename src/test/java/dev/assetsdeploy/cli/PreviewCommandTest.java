package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {

    @TempDir
    Path project;

    @BeforeEach
    void site() throws IOException {
        Path pub = Files.createDirectories(project.resolve("public/about"));
        Files.writeString(pub.resolve("index.html"), "about");
        Files.writeString(project.resolve("public/index.html"), "home");
        Files.writeString(project.resolve("public/_redirects"), "/old /about/ 301\n/broken /x 999\n");
        Files.writeString(project.resolve("public/_headers"), "/about/*\n  X-About: yes\n");
        Files.writeString(project.resolve("wrangler.json"), """
                {"name": "site", "compatibility_date": "2025-03-01",
                 "assets": {"directory": "./public", "not_found_handling": "single-page-application"}}
                """);
    }

    private String config() {
        return project.resolve("wrangler.json").toString();
    }

    private String redirectsWarning() {
        return "warning: " + project.resolve("public/_redirects")
                + ":2: Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 999.\n";
    }

    @Test
    void explainsOneRequestWithTheConfigsSettings() {
        CliRun run = CliRun.execute(Map.of(), "preview", "--config", config(), "--explain", "/about");
        assertEquals(0, run.code(), run.err());
        assertEquals("""
                GET /about
                  status    307
                  location  /about/
                  asset     none
                  header    Location: /about/
                  decided by:
                    html_handling: auto-trailing-slash: redirect to /about/ (the canonical URL of /about/index.html)
                  (html_handling auto-trailing-slash, not_found_handling single-page-application, compatibility date 2025-03-01)
                """, run.out());
        assertEquals(redirectsWarning(), run.err());
    }

    @Test
    void flagsOverrideTheConfigAndJsonAnswersForScripts() {
        CliRun run = CliRun.execute(
                Map.of(),
                "preview",
                project.resolve("public").toString(),
                "--config",
                config(),
                "--html-handling",
                "drop-trailing-slash",
                "--explain",
                "/about/?x=1",
                "--json");
        assertEquals(0, run.code(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(307, json.get("status").getAsInt());
        assertEquals("/about?x=1", json.get("location").getAsString());
        assertEquals(redirectsWarning(), run.err(), "warnings go to stderr, stdout stays JSON");
    }

    @Test
    void saysWhenTheWorkerWouldAnswer() throws IOException {
        Files.writeString(project.resolve("worker.js"), "export default {}");
        CliRun run = CliRun.execute(
                Map.of(),
                "preview",
                "--config",
                config(),
                "--main",
                "worker.js",
                "--explain",
                "/app/route",
                "--header",
                "Sec-Fetch-Mode: navigate");
        assertEquals(0, run.code(), run.err());
        assertEquals("""
                GET /app/route  {Sec-Fetch-Mode=navigate}
                  goes to the Worker (preview does not run Worker code)
                  decided by:
                    Worker: no asset matches /app/route; not_found_handling never comes before the Worker at \
                compatibility date 2025-03-01 (navigation requests get it from 2025-04-01)
                  (html_handling auto-trailing-slash, not_found_handling single-page-application, compatibility date 2025-03-01)
                """, run.out());
    }

    @Test
    void strictTurnsRuleFileWarningsIntoErrors() {
        CliRun run = CliRun.execute(Map.of(), "preview", "--config", config(), "--explain", "/", "--strict");
        assertEquals(ExitCodes.INVALID_INPUT, run.code());
        assertEquals(
                redirectsWarning() + "error: 1 warning with --strict: fix them (see above), or run without --strict\n",
                run.err());
        assertEquals("", run.out());
    }

    /** The serve path in-process: the environment's shutdown stops the server as Ctrl+C would. */
    @Test
    void servesUntilStoppedThenExitsZero() throws Exception {
        CompletableFuture<Runnable> stop = new CompletableFuture<>();
        CliRun.Running running = CliRun.start(
                Environment.of(Map.of()).withShutdown(stop::complete), "preview", "--config", config(), "--port", "0");
        Runnable ctrlC = stop.get(60, TimeUnit.SECONDS); // registered once the server listens
        Matcher address = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/").matcher(running.errSoFar());
        assertTrue(address.find(), running.errSoFar());
        String port = address.group(1);

        HttpResponse<String> about = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/about/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, about.statusCode());
        assertEquals("about", about.body());
        ctrlC.run();

        CliRun run = running.await();
        assertEquals(0, run.code());
        assertEquals(
                redirectsWarning()
                        + "Serving " + project.resolve("public")
                        + " (2 files; html_handling auto-trailing-slash, not_found_handling"
                        + " single-page-application, compatibility date 2025-03-01) at http://127.0.0.1:" + port
                        + "/  (Ctrl+C to stop)\n"
                        + "GET /about/ 200  [html_handling: auto-trailing-slash: folder index /about/index.html]\n",
                run.err());
    }
}
