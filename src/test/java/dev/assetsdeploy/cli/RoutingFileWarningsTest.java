package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code _redirects} and {@code _headers} are checked by {@code all} and {@code deploy} before anything is sent. */
class RoutingFileWarningsTest {

    static final String OK =
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"site\",\"etag\":\"e7a9\","
                    + "\"deployment_id\":\"0123456789abcdef0123456789abcdef\"}}";

    @TempDir
    Path dir;

    Path publicDir;
    WireMockServer wm;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;
    String expectedWarnings;

    @BeforeEach
    void setUp() throws IOException {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        wm.stubFor(any(anyUrl()).willReturn(okJson(OK)));
        // a new Worker: the reads before the upload find none, so it is PUT
        NoWorkerYet.stub(wm);
        env.put("CLOUDFLARE_API_TOKEN", "test-token-1b2c");
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
        env.put("CLOUDFLARE_API_BASE_URL", wm.baseUrl() + "/client/v4");
        publicDir = Files.createDirectories(dir.resolve("public"));
        Files.writeString(publicDir.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(
                dir.resolve("wrangler.json"),
                "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\","
                        + " \"assets\": {\"directory\": \"public\"}}");
        Files.writeString(publicDir.resolve("_redirects"), """
                # source destination status
                /old /new 301
                /lonely
                /gone /new 404
                /docs/ /docs/index 301
                """);
        // 102 rules of two lines each: Cloudflare keeps 101 and skips from the 102nd path on (line 203).
        StringBuilder headers = new StringBuilder();
        for (int i = 1; i <= 102; i++) {
            headers.append("/p").append(i).append("\n  X-Rule: ").append(i).append('\n');
        }
        Files.writeString(publicDir.resolve("_headers"), headers);
        String redirects = publicDir.resolve("_redirects").toString();
        expectedWarnings = "warning: " + redirects + ":3: Expected exactly 2 or 3 whitespace-separated tokens. Got 1.\n"
                + "warning: " + redirects
                + ":4: Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got 404.\n"
                + "warning: " + redirects
                + ":5: Infinite loop detected in this rule and has been ignored. This will cause"
                + " a redirect to strip `.html` or `/index` and end up triggering this rule again. Please fix or remove"
                + " this rule to silence this warning.\n"
                + "warning: " + publicDir.resolve("_headers") + ":203: Maximum number of rules supported is 100."
                + " Skipping remaining 3 lines of file.\n";
    }

    @AfterEach
    void tearDown() {
        wm.stop();
    }

    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    String config() {
        return dir.resolve("wrangler.json").toString();
    }

    /** The uploads (the reads of the live Worker before them and the workers.dev switch after them not counted). */
    int requests() {
        return uploads().size();
    }

    List<LoggedRequest> uploads() {
        return wm.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> !r.getMethod().value().equals("GET") && !r.getUrl().endsWith("/subdomain"))
                .toList();
    }

    @Test
    void deployWarnsWithFileAndLineAndStillSendsTheFilesVerbatim() throws IOException {
        assertEquals(0, run("deploy", "--config", config(), "--keep-assets"), err);
        assertEquals(expectedWarnings, err);
        assertEquals(1, requests());
        String body = new String(uploads().get(0).getBody(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"_redirects\":\"# source destination status\\n/old /new 301\\n/lonely\\n"), body);
        assertTrue(body.contains("\"_headers\":\"/p1\\n  X-Rule: 1\\n"), body);
    }

    @Test
    void strictFailsWithExitThreeBeforeAnyRequest() {
        assertEquals(3, run("deploy", "--config", config(), "--keep-assets", "--strict"));
        assertEquals(
                expectedWarnings + "error: 4 warnings with --strict: fix them (see above), or run without --strict\n",
                err);
        assertEquals(3, run("all", "--config", config(), "--strict"));
        assertEquals(
                expectedWarnings + "error: 4 warnings with --strict: fix them (see above), or run without --strict\n",
                err);
        assertEquals(3, run("all", "--config", config(), "--strict", "--dry-run", "--json"));
        assertTrue(err.startsWith(expectedWarnings), err);
        assertEquals(0, requests());
    }

    @Test
    void dryRunShowsTheWarningsOnStderrAndKeepsStdoutForThePlan() {
        assertEquals(0, run("all", "--config", config(), "--dry-run"), err);
        assertEquals(expectedWarnings, err);
        assertTrue(out.startsWith("Dry run: nothing was uploaded or deployed.\n"), out);

        assertEquals(0, run("all", "--config", config(), "--dry-run", "--json"), err);
        assertEquals(expectedWarnings, err);
        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertTrue(doc.get("dryRun").getAsBoolean());
        assertEquals(0, requests());
    }

    @Test
    void warningsNeverBlockAnAllRun() {
        try (FakeCloudflareApi api = FakeCloudflareApi.start()) {
            env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
            env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
            env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
            assertEquals(0, run("all", "--config", config(), "--quiet"), err);
            assertEquals(expectedWarnings, err);
            assertEquals(1, api.workerRequests().size());
        }
    }

    @Test
    void cleanFilesGiveNoWarnings() throws IOException {
        Files.writeString(
                publicDir.resolve("_redirects"), "/old /new 301\n/blog/* /news/:splat\n/docs/ /docs/index 301\n");
        Files.writeString(publicDir.resolve("_headers"), "/*\n  X-Frame-Options: DENY\n! Server\n");
        // With html_handling none, /docs/ -> /docs/index is no loop: the setting reaches the check.
        assertEquals(0, run("all", "--config", config(), "--html-handling", "none", "--dry-run", "--strict"), err);
        assertEquals("", err);
        assertEquals(
                0, run("deploy", "--config", config(), "--html-handling", "none", "--keep-assets", "--strict"), err);
        assertEquals("", err);
        assertEquals(1, requests());
    }

    @Test
    void noRoutingFilesGiveNoWarnings() throws IOException {
        Files.delete(publicDir.resolve("_redirects"));
        Files.delete(publicDir.resolve("_headers"));
        assertEquals(0, run("all", "--config", config(), "--dry-run", "--strict"), err);
        assertEquals("", err);
    }

    @Test
    void theExampleProjectHasNone() {
        assertEquals(0, run("all", "--config", "src/example/wrangler.jsonc", "--dry-run", "--strict"), err);
        assertEquals("", err);
        assertEquals(0, run("deploy", "--config", "src/example/wrangler.jsonc", "--keep-assets", "--strict"), err);
        assertEquals("", err);
        assertEquals(1, requests());
    }
}
