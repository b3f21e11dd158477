package dev.assetsdeploy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.assetsdeploy.live.WireMockApi.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.live.WireMockApi;
import java.io.IOException;
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

/**
 * {@code deploy --version-only} with {@code --preview-alias}, {@code --tag} and {@code --message}: the annotations
 * sent, then the preview URLs in the report, in --json and in the GitHub outputs, or how to turn previews on.
 */
class VersionUploadTest {

    static final String VERSION = "3c42b095-4675-51b2-81be-c536ac701afb";

    @TempDir
    Path dir;

    final WireMockApi api = new WireMockApi();
    final Map<String, String> env = new HashMap<>();
    String out;
    String err;

    @BeforeEach
    void setUp() throws IOException {
        env.put("CLOUDFLARE_API_TOKEN", "api-token-never-printed");
        env.put("CLOUDFLARE_ACCOUNT_ID", "acc1");
        env.put("CLOUDFLARE_API_BASE_URL", api.server.baseUrl() + "/client/v4");
        Files.writeString(dir.resolve("wrangler.json"), "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\"}");
        api.server.stubFor(
                post(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site/versions" + "?bindings_inherit=strict"))
                        .willReturn(ok("{\"id\":\"" + VERSION + "\",\"number\":5,\"metadata\":{\"has_preview\":true},"
                                + "\"resources\":{\"script\":{\"etag\":\"e7a9\"}},\"startup_time_ms\":5}")));
        previews(true);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    void previews(boolean enabled) {
        api.server.stubFor(get("/client/v4/accounts/acc1/workers/workers/site")
                .willReturn(ok("{\"name\":\"site\",\"subdomain\":{\"enabled\":true,\"previews_enabled\":" + enabled
                        + ",\"url\":\"https://site.acme.workers.dev\",\"preview_url_suffix\":"
                        + "\"-site.acme.workers.dev\"}}")));
    }

    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "deploy", "--config", dir.resolve("wrangler.json").toString(), "--keep-assets", "--version-only"));
        all.addAll(List.of(args));
        CliRun run = CliRun.execute(env, all.toArray(String[]::new));
        out = run.out();
        err = run.err();
        return run.code();
    }

    JsonObject sentMetadata() {
        String line = api.requests().get(0);
        String body = line.substring(line.indexOf("\r\n\r\n") + 4, line.indexOf("\r\n--", line.indexOf("\r\n\r\n")));
        return JsonParser.parseString(body).getAsJsonObject();
    }

    @Test
    void aBranchNameBecomesTheAliasAndThePreviewUrlsArePrinted() {
        assertEquals(0, run("--preview-alias", "feature/Login_Page", "--tag", "v1.2.3", "--message", "PR 42"), err);

        assertEquals(
                "{\"workers/message\":\"PR 42\",\"workers/tag\":\"v1.2.3\",\"workers/alias\":\"feature-login-page\"}",
                sentMetadata().get("annotations").toString());
        assertEquals("GET /accounts/acc1/workers/workers/site", api.requests().get(1));
        assertEquals(
                "note: --preview-alias \"feature/Login_Page\" is not a valid alias; using \"feature-login-page\" (what"
                        + " Workers Builds makes of that branch name)\n",
                err);
        assertTrue(
                out.contains("  preview:    https://3c42b095-site.acme.workers.dev\n"
                        + "  alias:      https://feature-login-page-site.acme.workers.dev\n"),
                out);
        assertTrue(out.contains("Not deployed yet: `assets-deploy versions deploy " + VERSION + "`"), out);
    }

    @Test
    void jsonAndGithubOutputsCarryTheUrls() throws IOException {
        Path outputs = dir.resolve("gh-output");
        Path summary = dir.resolve("gh-summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertEquals(0, run("--preview-alias", "pr-42", "--json"), err);

        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("pr-42", doc.get("previewAlias").getAsString());
        assertEquals(
                "https://3c42b095-site.acme.workers.dev", doc.get("previewUrl").getAsString());
        assertEquals(
                "https://pr-42-site.acme.workers.dev",
                doc.get("previewAliasUrl").getAsString());
        assertTrue(doc.get("previewUnavailable").isJsonNull());
        assertEquals(
                "version-id=" + VERSION + "\npreview-url=https://3c42b095-site.acme.workers.dev\n"
                        + "preview-alias-url=https://pr-42-site.acme.workers.dev\n",
                Files.readString(outputs));
        String md = Files.readString(summary);
        assertTrue(
                md.contains(
                        "| Preview | [https://3c42b095-site.acme.workers.dev](https://3c42b095-site.acme.workers.dev) |\n"
                                + "| Alias `pr-42` | [https://pr-42-site.acme.workers.dev](https://pr-42-site.acme.workers.dev) |\n"),
                md);
        assertEquals("", err);
    }

    @Test
    void previewsOffSayHowToTurnThemOn() throws IOException {
        previews(false);
        Path outputs = dir.resolve("gh-output");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());

        assertEquals(0, run("--preview-alias", "pr-42"), err);

        assertTrue(
                out.contains("  preview:    none: preview URLs are off for this Worker; to turn them on, set"
                        + " \"preview_urls\": true in the config and deploy, or run `assets-deploy triggers"
                        + " --preview-urls`\n"),
                out);
        assertEquals("version-id=" + VERSION + "\npreview-url=\npreview-alias-url=\n", Files.readString(outputs));
        assertEquals(0, run("--json"), err);
        assertEquals(
                "previews-off",
                JsonParser.parseString(out)
                        .getAsJsonObject()
                        .get("previewUnavailable")
                        .getAsString());
    }

    @Test
    void withoutAnAliasTheAnnotationsAreWhatWranglerSends() {
        assertEquals(0, run(), err);
        assertEquals("{}", sentMetadata().get("annotations").toString());
        assertTrue(out.contains("  preview:    https://3c42b095-site.acme.workers.dev\n"), out);
        assertTrue(!out.contains("  alias:"), out);
    }

    @Test
    void anAliasThatCannotBeMadeOrOneWithoutVersionOnlyIsExit3BeforeAnyRequest() {
        assertEquals(3, run("--preview-alias", "123-hotfix"));
        assertEquals(
                "error: --preview-alias \"123-hotfix\": no preview alias can be made of it; an alias is lowercase"
                        + " letters, digits and -, starts with a letter, and has at most 58 characters (63 with"
                        + " \"-site\")\n",
                err);
        CliRun deploy = CliRun.execute(
                env,
                "deploy",
                "--config",
                dir.resolve("wrangler.json").toString(),
                "--keep-assets",
                "--preview-alias",
                "pr-42");
        assertEquals(3, deploy.code());
        assertEquals(
                "error: --preview-alias needs --version-only: Cloudflare gives aliases to uploaded versions only"
                        + " (deploy one later with `assets-deploy versions deploy`)\n",
                deploy.err());
        assertEquals(List.of(), api.requests());
    }
}
