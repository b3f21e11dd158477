package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.MultipartReader;
import dev.assetsdeploy.fakeapi.RecordedRequest;
import dev.assetsdeploy.fixtures.WranglerFixtures;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestBuilder;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllCommandTest {

    @TempDir
    Path dir;

    FakeCloudflareApi api;
    Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void setUp() throws IOException {
        api = FakeCloudflareApi.start();
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        Path site = Files.createDirectories(dir.resolve("public/docs"));
        Files.writeString(dir.resolve("public/index.html"), "<h1>home</h1>");
        Files.writeString(dir.resolve("public/404.html"), "<h1>not here</h1>");
        Files.writeString(site.resolve("index.html"), "<h1>docs</h1>");
        Files.write(dir.resolve("public/logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Files.writeString(dir.resolve("public/_headers"), "/docs/*\n  Cache-Control: no-store\n");
        Files.writeString(dir.resolve("public/_redirects"), "/old /docs/ 301\n");
        Files.createDirectories(dir.resolve("dist/lib"));
        Files.writeString(
                dir.resolve("dist/worker.js"),
                "import {x} from './lib/x.mjs';\nexport default {fetch(r, env) { return env.ASSETS.fetch(r); }};\n");
        Files.writeString(dir.resolve("dist/lib/x.mjs"), "export const x = 1;\n");
        Files.writeString(dir.resolve("wrangler.jsonc"), """
                // the project's wrangler config
                {
                  "name": "site",
                  "main": "dist/worker.js",
                  "compatibility_date": "2025-01-01",
                  "compatibility_flags": ["nodejs_compat"],
                  "assets": {"directory": "public", "binding": "ASSETS", "not_found_handling": "404-page",
                             "run_worker_first": ["/api/*"]},
                }
                """);
    }

    @AfterEach
    void tearDown() {
        api.close();
    }

    int run(String... args) {
        CliRun run = CliRun.execute(env, args);
        out = run.out();
        err = run.err();
        String token = env.get("CLOUDFLARE_API_TOKEN");
        assertFalse(token != null && (out.contains(token) || err.contains(token)));
        assertFalse(out.contains("eyJ") || err.contains("eyJ"), "a JWT was printed");
        return run.code();
    }

    String config() {
        return dir.resolve("wrangler.jsonc").toString();
    }

    Manifest manifest() {
        return new ManifestBuilder(20_000, 2).build(dir.resolve("public"));
    }

    static Map<String, String> parts(RecordedRequest request) throws IOException {
        MultipartReader reader = new MultipartReader(
                new ByteArrayInputStream(request.body()), MultipartReader.boundary(request.header("Content-Type")));
        Map<String, String> parts = new LinkedHashMap<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            parts.put(
                    part.name() + " " + part.filename() + " " + part.contentType(),
                    new String(part.body().readAllBytes(), StandardCharsets.UTF_8));
        }
        return parts;
    }

    @Test
    void uploadsTheAssetsThenDeploysTheWorkerWithTheirToken() throws IOException {
        assertEquals(
                0,
                run(
                        "all",
                        dir.resolve("public").toString(),
                        "--config",
                        config(),
                        "--module",
                        dir.resolve("dist/lib/x.mjs").toString(),
                        "--message",
                        "first",
                        "--verbose"),
                err);
        assertTrue(err.contains("PUT /accounts/" + api.settings.accountId + "/workers/scripts/site?"), err);

        Set<String> hashes =
                manifest().entries().stream().map(ManifestEntry::hash).collect(Collectors.toSet());
        assertEquals(hashes, api.storedHashes());
        assertEquals(List.of(), api.problems());
        assertEquals(1, api.workerRequests().size());
        RecordedRequest worker = api.workerRequests().get(0);
        assertEquals("PUT", worker.method());
        assertEquals("/accounts/" + api.settings.accountId + "/workers/scripts/site", worker.path());
        assertEquals("excludeScript=true&bindings_inherit=strict", worker.query());

        Map<String, String> parts = parts(worker);
        assertEquals(
                List.of(
                        "metadata null null",
                        "worker.js worker.js application/javascript+module",
                        "lib/x.mjs lib/x.mjs application/javascript+module"),
                List.copyOf(parts.keySet()));
        JsonObject metadata =
                JsonParser.parseString(parts.get("metadata null null")).getAsJsonObject();
        String jwt = metadata.getAsJsonObject("assets").get("jwt").getAsString();
        assertTrue(api.isValidCompletionToken(jwt));
        metadata.getAsJsonObject("assets").addProperty("jwt", "JWT");
        assertEquals(
                "{\"main_module\":\"worker.js\",\"bindings\":[{\"name\":\"ASSETS\",\"type\":\"assets\"}],"
                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[\"nodejs_compat\"],"
                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300},\"keep_bindings\":[\"secret_text\",\"secret_key\"],\"annotations\":{\"workers/message\":\"first\"},"
                        + "\"assets\":{\"jwt\":\"JWT\",\"config\":{\"not_found_handling\":\"404-page\",\"run_worker_first\":[\"/api/*\"],"
                        + "\"_redirects\":\"/old /docs/ 301\\n\",\"_headers\":\"/docs/*\\n  Cache-Control: no-store\\n\"}}}",
                metadata.toString());
        assertEquals(
                Files.readString(dir.resolve("dist/lib/x.mjs")),
                parts.get("lib/x.mjs lib/x.mjs application/javascript+module"));

        assertTrue(out.startsWith("Deployed Worker site\n  version id: "), out);
        assertTrue(out.contains("assets:     4 uploaded ("), out);
        assertTrue(out.contains(", 0 already on Cloudflare, 4 files in all"), out);
    }

    @Test
    void theBareCommandIsAllAndASecondRunUploadsNothing() throws IOException {
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("gh-output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("gh-summary.md").toString());
        assertEquals(
                0, run(dir.resolve("public").toString(), "--config", config(), "--script", "other", "--json"), err);
        Files.writeString(dir.resolve("public/new.txt"), "new");
        assertEquals(
                0, run(dir.resolve("public").toString(), "--config", config(), "--script", "other", "--json"), err);

        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("other", doc.get("worker").getAsString());
        assertEquals(1, doc.getAsJsonObject("assets").get("uploaded").getAsInt());
        assertEquals(4, doc.getAsJsonObject("assets").get("alreadyPresent").getAsInt());
        assertEquals(5, doc.getAsJsonObject("assets").get("files").getAsInt());
        // the first run creates the Worker (PUT); the second deploys a new version of it, as wrangler does
        assertEquals(
                List.of(
                        "PUT /workers/scripts/other",
                        "POST /workers/scripts/other/versions",
                        "POST /workers/scripts/other/deployments"),
                api.workerRequests().stream()
                        .map(r -> r.method() + " " + r.path().substring(r.path().indexOf("/workers/")))
                        .toList());
        String outputs = Files.readString(dir.resolve("gh-output"));
        String live = "url=https://other.acme.workers.dev\nurls=[\"https://other.acme.workers.dev\"]\n";
        assertTrue(outputs.endsWith("uploaded=1\nskipped=4\n" + live), outputs);
        assertTrue(
                outputs.matches("(?s).*version-id=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                        + "\nuploaded=1\nskipped=4\n" + java.util.regex.Pattern.quote(live)),
                outputs);
        assertEquals(
                doc.get("versionId").getAsString(),
                outputs.lines()
                        .filter(l -> l.startsWith("version-id="))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .substring("version-id=".length()));
        assertEquals(2, Files.readString(dir.resolve("gh-summary.md")).split("### Deployed Worker `other`").length - 1);
    }

    @Test
    void dispatchNamespaceGoesToTheNamespaceForBothUploads() {
        api.workers().dispatchNamespace("customers");
        assertEquals(
                0,
                run(
                        "all",
                        dir.resolve("public").toString(),
                        "--config",
                        config(),
                        "--dispatch-namespace",
                        "customers",
                        "--quiet"),
                err);
        assertEquals(List.of(), api.problems());
        assertEquals(1, api.workerRequests().size());
        assertEquals(
                "/accounts/" + api.settings.accountId + "/workers/dispatch/namespaces/customers/scripts/site",
                api.workerRequests().get(0).path());
        assertEquals("", err);
        assertTrue(out.startsWith("Deployed Worker site in dispatch namespace customers\n"), out);
    }

    /** A flag out of range is a usage error, with or without --dry-run (a dry run checks what the real run would refuse). */
    @Test
    void flagsOutOfRangeAreUsageErrorsEvenInADryRun() {
        for (String[] flag : new String[][] {
            {"--concurrency", "0"}, {"--concurrency", "65"}, {"--timeout", "0"}, {"--max-attempts", "21"}
        }) {
            for (String dryRun : new String[] {"--dry-run", "--quiet"}) {
                assertEquals(
                        ExitCodes.USAGE,
                        run("all", "--config", config(), flag[0], flag[1], dryRun),
                        String.join(" ", flag));
                assertTrue(err.contains(flag[0] + " must be"), err);
                assertEquals("", out);
                assertEquals(0, api.sessionsOpened() + api.workerRequests().size(), String.join(" ", flag));
            }
        }
    }

    @Test
    void namesThatCannotBeAPathSegmentAreUsageErrorsEvenInADryRun() {
        for (String dryRun : new String[] {"--dry-run", "--quiet"}) {
            assertEquals(
                    ExitCodes.USAGE, run("all", "--config", config(), "--dispatch-namespace", "a/../b", dryRun), err);
            assertTrue(err.startsWith("error: --dispatch-namespace is \"a/../b\", expected no /"), err);
            assertEquals(ExitCodes.USAGE, run("all", "--config", config(), "--script", "../x", dryRun), err);
            assertTrue(
                    err.startsWith("error: --script is \"../x\", expected lowercase letters, digits, - and _ only"),
                    err);
            assertEquals("", out);
        }
        assertEquals(0, api.sessionsOpened() + api.workerRequests().size());
    }

    @Test
    void dryRunMakesNoRequestAndNeedsNoCredentials() throws IOException {
        WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        try {
            env.clear();
            env.put("CLOUDFLARE_API_BASE_URL", wm.baseUrl() + "/client/v4");
            assertEquals(0, run("all", dir.resolve("public").toString(), "--config", config(), "--dry-run"), err);
            assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());

            assertEquals("""
                    Dry run: nothing was uploaded or deployed.

                    %s: 4 files, 50 B (50 bytes)

                    Largest files:
                            17 B  /404.html
                            13 B  /docs/index.html
                            13 B  /index.html
                             7 B  /logo.png

                    Ignored (2):
                      /_headers    always ignored: /_headers
                      /_redirects  always ignored: /_redirects

                    Worker upload: PUT /accounts/<account>/workers/scripts/site?excludeScript=true&bindings_inherit=strict
                      (as for a new Worker; an existing one gets POST .../versions, then a deployment at 100%% and its script settings)
                      part metadata: form field, the JSON below
                      part worker.js: application/javascript+module, 95 B (%s)

                    Your Worker has access to the following bindings:
                    Binding            Resource     \s
                    env.ASSETS         Assets       \s

                    Metadata:
                    {"main_module":"worker.js","bindings":[{"name":"ASSETS","type":"assets"}],\
                    "compatibility_date":"2025-01-01","compatibility_flags":["nodejs_compat"],\
                    "code_update_strategy":{"mode":"deferred","max_delay":300},"keep_bindings":["secret_text","secret_key"],\
                    "assets":{"jwt":"<completion token from the upload>","config":{"not_found_handling":"404-page",\
                    "run_worker_first":["/api/*"],"_redirects":"/old /docs/ 301\\n","_headers":"/docs/*\\n  Cache-Control: no-store\\n"}}}

                    Triggers:
                      GET /accounts/<account>/workers/subdomain  (before the upload, when the Worker is new: an account \
                    without a workers.dev subdomain stops the deploy)
                      GET /accounts/<account>/workers/workers/site
                      GET /accounts/<account>/workers/subdomain  (when the answer above has no workers.dev URL)
                      POST /accounts/<account>/workers/scripts/site/subdomain {"enabled":true}

                    To deploy: set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID, and run the same command without --dry-run.
                    """.formatted(dir.resolve("public"), dir.resolve("dist/worker.js")), out);

            assertEquals(
                    0,
                    run(
                            "all",
                            dir.resolve("public").toString(),
                            "--config",
                            config(),
                            "--dry-run",
                            "--json",
                            "--account-id",
                            "acc9"),
                    err);
            JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
            assertEquals(true, doc.get("dryRun").getAsBoolean());
            assertEquals(
                    4,
                    doc.getAsJsonObject("manifest")
                            .getAsJsonObject("totals")
                            .get("files")
                            .getAsInt());
            assertEquals(
                    "/accounts/acc9/workers/scripts/site?excludeScript=true&bindings_inherit=strict",
                    doc.getAsJsonObject("worker").get("path").getAsString());
            assertEquals(
                    "[{\"name\":\"ASSETS\",\"type\":\"Assets\",\"resource\":null}]",
                    doc.getAsJsonObject("worker").get("bindings").toString());
            assertEquals(
                    "{\"method\":\"POST\",\"path\":\"/accounts/acc9/workers/scripts/site/subdomain\","
                            + "\"body\":{\"enabled\":true},\"when\":null}",
                    doc.getAsJsonArray("triggers").get(3).toString());
            assertEquals(0, wm.findAll(anyRequestedFor(anyUrl())).size());
        } finally {
            wm.stop();
        }
    }

    @Test
    void dryRunOfTheCompatSiteShowsTheAssetsConfigWranglerSent() throws IOException {
        env.clear();
        Path config = Files.writeString(
                dir.resolve("wrangler.json"), "{\"name\": \"my-worker\", \"compatibility_date\": \"2025-01-01\"}");
        assertEquals(
                0,
                run(
                        "all",
                        WranglerFixtures.COMPAT_SITE.toString(),
                        "--config",
                        config.toString(),
                        "--not-found-handling",
                        "404-page",
                        "--dry-run",
                        "--json"),
                err);
        JsonObject expected = JsonParser.parseString(Files.readString(WranglerFixtures.COMPAT_EXPECTED))
                .getAsJsonObject()
                .getAsJsonObject("assetsConfig");
        JsonObject metadata = JsonParser.parseString(out)
                .getAsJsonObject()
                .getAsJsonObject("worker")
                .getAsJsonObject("metadata");
        assertEquals(expected, metadata.getAsJsonObject("assets").getAsJsonObject("config"));
        assertEquals(Set.of("assets", "compatibility_date", "compatibility_flags"), metadata.keySet());
    }

    @Test
    void theExampleProjectDryRunsOnAFreshMachine() {
        env.clear();
        assertEquals(0, run("all", "--config", "src/example/wrangler.jsonc", "--dry-run"), err);
        assertTrue(out.contains("Worker upload: PUT /accounts/<account>/workers/scripts/assets-deploy-example?"), out);
        assertTrue(out.contains("\"_headers\":\"# Headers for every response"), out);
        assertTrue(out.endsWith("run the same command without --dry-run.\n"), out);
    }

    @Test
    void invalidConfigFailsBeforeAnyRequestWithExitThree() throws IOException {
        Files.writeString(
                dir.resolve("bad.json"),
                "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\","
                        + " \"assets\": {\"html_handling\": \"sometimes\"}}");
        assertEquals(
                3,
                run(
                        "all",
                        dir.resolve("public").toString(),
                        "--config",
                        dir.resolve("bad.json").toString()));
        assertTrue(err.contains("html_handling"), err);
        assertEquals(0, api.sessionsOpened());
        assertEquals(
                3,
                run(
                        "all",
                        dir.resolve("public").toString(),
                        "--config",
                        config(),
                        "--module",
                        dir.resolve("dist/missing.mjs").toString()));
        assertEquals(0, api.sessionsOpened());
    }

    @Test
    void theFoldersErrorComesBeforeTheMissingCredentialsAndTheCredentialsBeforeAnyRequest() throws IOException {
        env.remove("CLOUDFLARE_API_TOKEN");
        Files.createSymbolicLink(dir.resolve("public/broken"), dir.resolve("nowhere"));
        assertEquals(3, run("all", dir.resolve("public").toString(), "--config", config()));
        assertTrue(err.startsWith("error: /broken is a broken link"), err);
        Files.delete(dir.resolve("public/broken"));
        assertEquals(4, run("all", dir.resolve("public").toString(), "--config", config()));
        assertTrue(err.startsWith("error: no credentials: set CLOUDFLARE_API_TOKEN"), err);
        assertEquals(0, api.sessionsOpened());
        assertEquals(List.of(), api.workerRequests());
    }

    @Test
    void strictStopsOnWarningsBeforeUploading() throws IOException {
        Files.writeString(dir.resolve("public/_worker.js"), "export default {}");
        Files.writeString(dir.resolve("public/.assetsignore"), "_worker.js\n");
        Files.writeString(
                dir.resolve("warn.json"),
                "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\"," + " \"no_such_field\": 1}");
        assertEquals(
                3,
                run(
                        "all",
                        dir.resolve("public").toString(),
                        "--config",
                        dir.resolve("warn.json").toString(),
                        "--strict"));
        assertTrue(err.contains("warning: ") && err.contains("no_such_field"), err);
        assertEquals(0, api.sessionsOpened());
        assertEquals(List.of(), api.workerRequests());
    }

    @Test
    void wrongCredentialsExitFourAndDeployNothing() {
        env.put("CLOUDFLARE_API_TOKEN", "wrong-token");
        assertEquals(4, run("all", dir.resolve("public").toString(), "--config", config()));
        assertTrue(err.startsWith("error: read Worker site: "), err);
        assertEquals(List.of(), api.workerRequests());
    }
}
