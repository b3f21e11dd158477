package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {

    static final String TOKEN = "api-token-never-printed";
    static final String COMPLETION = "completion-token-never-printed";
    static final String PUT_PATH =
            "/client/v4/accounts/acc1/workers/scripts/site?excludeScript=true&bindings_inherit=strict";
    static final String OK =
            "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"site\",\"etag\":\"e7a9\","
                    + "\"deployment_id\":\"0123456789abcdef0123456789abcdef\"}}";

    @TempDir
    Path dir;

    WireMockServer wm;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void start() throws IOException {
        wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        env.put("CLOUDFLARE_API_TOKEN", TOKEN);
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
        env.put("CLOUDFLARE_API_BASE_URL", wm.baseUrl() + "/client/v4");
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("public/_headers"), "/*\n  X-Frame-Options: DENY\n");
        Files.writeString(
                dir.resolve("wrangler.json"),
                "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\","
                        + " \"assets\": {\"directory\": \"public\", \"not_found_handling\": \"404-page\"}}");
        Files.writeString(dir.resolve("token"), COMPLETION + "\n");
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(
                List.of("deploy", "--config", dir.resolve("wrangler.json").toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.execute(env, all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        assertFalse(out.contains(TOKEN) || err.contains(TOKEN) || out.contains(COMPLETION) || err.contains(COMPLETION));
        return run.code();
    }

    List<LoggedRequest> requests() {
        return wm.findAll(anyRequestedFor(anyUrl()));
    }

    /** The Worker upload, after the reads of the live Worker. */
    LoggedRequest upload() {
        return requests().stream()
                .filter(r -> !r.getMethod().value().equals("GET"))
                .findFirst()
                .orElseThrow();
    }

    /** Every read answers "no such Worker" (a new Worker is PUT), every write {@code answer}; then it goes live. */
    void newWorker(String answer) {
        NoWorkerYet.stub(wm);
        wm.stubFor(put(anyUrl()).willReturn(okJson(answer)));
    }

    JsonObject sentMetadata(LoggedRequest request) {
        String body = new String(request.getBody(), StandardCharsets.UTF_8);
        String json = body.substring(body.indexOf("\r\n\r\n") + 4, body.indexOf("\r\n--", body.indexOf("\r\n\r\n")));
        return JsonParser.parseString(json).getAsJsonObject();
    }

    @Test
    void deploysWithTheTokenFileAndReportsTheVersion() {
        newWorker(OK);

        assertEquals(0, run("--assets-token-file", dir.resolve("token").toString(), "--message", "v7"));

        assertEquals(
                List.of(
                        "GET /client/v4/accounts/acc1/workers/services/site",
                        "GET /client/v4/accounts/acc1/workers/subdomain",
                        "GET /client/v4/accounts/acc1/workers/scripts/site/deployments",
                        "PUT " + PUT_PATH,
                        "GET /client/v4/accounts/acc1/workers/workers/site",
                        "POST /client/v4/accounts/acc1/workers/scripts/site/subdomain"),
                requests().stream()
                        .map(r -> r.getMethod().value() + " " + r.getUrl())
                        .toList());
        LoggedRequest request = upload();
        assertEquals("PUT", request.getMethod().value());
        assertEquals(PUT_PATH, request.getUrl());
        assertEquals(
                "{\"assets\":{\"jwt\":\"" + COMPLETION + "\",\"config\":{\"not_found_handling\":\"404-page\","
                        + "\"_headers\":\"/*\\n  X-Frame-Options: DENY\\n\"}},\"annotations\":{\"workers/message\":\"v7\"},"
                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}",
                sentMetadata(request).toString());
        assertTrue(
                out.startsWith(
                        "Deployed Worker site\n  version id: 01234567-89ab-cdef-0123-456789abcdef\n  etag:       e7a9\n"),
                out);
        assertEquals("", err);
    }

    @Test
    void aRetriedDeploySaysWhatItWaitsFor() {
        newWorker(OK);
        wm.stubFor(put(anyUrl())
                .inScenario("gateway")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>"))
                .willSetStateTo("up"));
        wm.stubFor(put(anyUrl()).inScenario("gateway").whenScenarioStateIs("up").willReturn(okJson(OK)));
        List<java.time.Duration> sleeps = new ArrayList<>();
        CliRun run = CliRun.execute(
                Environment.of(env).withSleeper(sleeps::add),
                "deploy",
                "--config",
                dir.resolve("wrangler.json").toString(),
                "--keep-assets");
        assertEquals(0, run.code(), run.err());
        assertEquals(1, sleeps.size());
        assertEquals(
                "deploy Worker: attempt 1 of 6 failed (HTTP 503: malformed response (not a JSON envelope):"
                        + " \"<html>Service Unavailable</html>\"); retrying in "
                        + String.format(
                                java.util.Locale.ROOT, "%.1f s", sleeps.get(0).toMillis() / 1000.0) + "\n",
                run.err());
    }

    @Test
    void jsonIsOneDocumentOnStdout() {
        newWorker(OK);
        assertEquals(0, run("--keep-assets", "--json"));
        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("site", doc.get("worker").getAsString());
        assertEquals(
                "01234567-89ab-cdef-0123-456789abcdef", doc.get("versionId").getAsString());
        assertEquals(true, doc.getAsJsonObject("assets").get("kept").getAsBoolean());
        assertEquals(true, sentMetadata(upload()).get("keep_assets").getAsBoolean());
    }

    @Test
    void dirOverridesTheConfigsAssetsFolderForHeadersAndRedirects() throws IOException {
        newWorker(OK);
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/_redirects"), "/a /b\n");
        assertEquals(0, run(dir.resolve("other").toString(), "--keep-assets"));
        assertEquals(
                "{\"not_found_handling\":\"404-page\",\"_redirects\":\"/a /b\\n\"}",
                sentMetadata(upload()).getAsJsonObject("assets").get("config").toString());
    }

    @Test
    void versionOnlyPrintsTheVersionId() {
        // a version needs an existing Worker
        wm.stubFor(get(anyUrl())
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],"
                        + "\"result\":{\"id\":\"site\",\"default_environment\":{\"script\":{\"tags\":[]}}}}")));
        wm.stubFor(post(anyUrl())
                .willReturn(okJson("{\"success\":true,\"errors\":[],\"messages\":[],"
                        + "\"result\":{\"id\":\"9a8b7c6d-0000-4000-8000-000000000009\"}}")));
        assertEquals(0, run("--keep-assets", "--version-only"));
        assertEquals(
                "/client/v4/accounts/acc1/workers/scripts/site/versions?bindings_inherit=strict", upload().getUrl());
        assertTrue(out.contains("version id: 9a8b7c6d-0000-4000-8000-000000000009"), out);
        assertTrue(out.startsWith("Uploaded a new version of Worker site (not deployed)"), out);
    }

    @Test
    void githubActionsGetOutputsAndASummary() throws IOException {
        newWorker(OK);
        Path outputs = dir.resolve("gh-output");
        Path summary = dir.resolve("gh-summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertEquals(0, run("--keep-assets"));

        assertEquals(
                "version-id=01234567-89ab-cdef-0123-456789abcdef\nurl=https://site.acme.workers.dev\n"
                        + "urls=[\"https://site.acme.workers.dev\"]\n",
                Files.readString(outputs));
        assertTrue(Files.readString(summary).startsWith("### Deployed Worker `site`\n"), Files.readString(summary));
        assertTrue(Files.readString(summary).contains("| Assets | kept the assets already deployed |"));
    }

    @Test
    void githubFilesThatCannotBeWrittenAreWarningsInWordsAndTheDeployStands() {
        newWorker(OK);
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("missing/output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.toString());

        assertEquals(0, run("--keep-assets", "-q"));

        assertEquals(
                "warning: cannot write $GITHUB_OUTPUT (" + dir.resolve("missing/output") + "): no such file or folder\n"
                        + "warning: cannot write $GITHUB_STEP_SUMMARY (" + dir + "): Is a directory\n",
                err);
    }

    @Test
    void refusalExitsFiveWithTheApiErrorAndAGithubAnnotation() {
        env.put("GITHUB_ACTIONS", "true");
        newWorker(OK);
        wm.stubFor(
                put(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("cf-ray", "8f00-AMS")
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10021,\"message\":\"Uncaught Error\"}],\"messages\":[],\"result\":null}")));
        assertEquals(5, run("--keep-assets"));
        assertEquals("", out);
        assertTrue(err.startsWith("error: deploy Worker: "), err);
        assertTrue(err.contains("10021: Uncaught Error") && err.contains("8f00-AMS"), err);
        assertTrue(err.contains("\n::error::deploy Worker: "), err);
    }

    @Test
    void authenticationFailureExitsFour() {
        wm.stubFor(
                any(anyUrl())
                        .willReturn(
                                aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"success\":false,\"errors\":[{\"code\":10000,\"message\":\"Authentication error\"}],\"messages\":[],\"result\":null}")));
        assertEquals(4, run("--keep-assets"));
    }

    @Test
    void unreachableApiExitsSix() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        env.put("CLOUDFLARE_API_BASE_URL", "http://127.0.0.1:" + closedPort + "/client/v4");
        assertEquals(6, run("--keep-assets", "--max-attempts", "1"));
        assertTrue(err.startsWith("error: read Worker site: "), err);
    }

    @Test
    void missingCredentialsExitFourBeforeAnyRequest() {
        env.remove("CLOUDFLARE_API_TOKEN");
        assertEquals(4, run("--keep-assets"));
        assertTrue(err.contains("CLOUDFLARE_API_TOKEN"), err);
        assertEquals(0, requests().size());
    }

    @Test
    void badInputExitsThreeBeforeAnyRequest() throws IOException {
        assertEquals(3, run("--assets-token-file", dir.resolve("missing-token").toString()));
        assertTrue(err.contains("--assets-token-file"), err);
        assertEquals(3, run("--keep-assets", "--html-handling", "sometimes"));
        assertEquals(3, run(dir.resolve("no-such-folder").toString(), "--keep-assets"));
        assertEquals(3, run("--keep-assets", "--binding", "ASSETS"));
        assertEquals(3, run("--keep-assets", "--version-only", "--dispatch-namespace", "ns"));
        Files.writeString(dir.resolve("worker.js"), "export default {}");
        assertEquals(
                3,
                run(
                        "--keep-assets",
                        "--main",
                        dir.resolve("worker.js").toString(),
                        "--module",
                        dir.resolve("nope.wasm").toString()));
        assertEquals(0, requests().size());
    }

    @Test
    void namesThatCannotBeAPathSegmentAreUsageErrorsBeforeAnyRequest() {
        assertEquals(2, run("--keep-assets", "--dispatch-namespace", "ns/../../../user"));
        assertTrue(err.startsWith("error: --dispatch-namespace is \"ns/../../../user\", expected no /"), err);
        assertEquals(2, run("--keep-assets", "--script", "../../user/tokens"));
        assertTrue(err.startsWith("error: --script is \"../../user/tokens\", expected lowercase letters"), err);
        assertEquals(2, run("--keep-assets", "--account-id", "acc1/.."));
        assertTrue(err.startsWith("error: --account-id is \"acc1/..\", expected letters, digits, _ and - only"), err);
        assertEquals(0, requests().size());
    }

    @Test
    void assetsSourceIsRequiredAndExclusive() {
        assertEquals(2, run());
        assertEquals(
                2,
                run("--keep-assets", "--assets-token-file", dir.resolve("token").toString()));
        assertEquals(0, requests().size());
    }
}
