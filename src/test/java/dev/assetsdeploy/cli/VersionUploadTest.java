package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.MultipartReader;
import java.io.ByteArrayInputStream;
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
 * sent, then the preview URLs in the report, in --json and in the GitHub outputs, or how to turn previews on (the
 * fake API, holding Worker {@code site} with one deployed version on account subdomain {@code acme}).
 */
class VersionUploadTest {

    @TempDir
    Path dir;

    final FakeCloudflareApi api = FakeCloudflareApi.start();
    final Map<String, String> env = new HashMap<>();
    String out;
    String err;
    String versionId;

    @BeforeEach
    void setUp() throws IOException {
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        Files.writeString(dir.resolve("wrangler.json"), "{\"name\": \"site\", \"compatibility_date\": \"2025-01-01\"}");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    void previews(boolean enabled) {
        api.workers()
                .subdomain("acme")
                .addWorker("site")
                .workersDev(true, enabled)
                .version("11111111-1111-4111-8111-111111111111")
                .deployment("11111111-1111-4111-8111-111111111111");
    }

    /** The new version's id, from the upload's answer; {@code https://} + its first 8 + the suffix is its preview. */
    String previewOfNewVersion() {
        versionId = api.workers().worker("site").latestVersion().id();
        return "https://" + versionId.substring(0, 8) + "-site.acme.workers.dev";
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

    List<String> requests() {
        return api.controlPlaneRequests().stream()
                .map(r -> r.method() + " " + r.path())
                .toList();
    }

    JsonObject sentMetadata() throws IOException {
        ControlPlaneRequest upload = api.controlPlaneRequests().stream()
                .filter(r -> r.path().endsWith("/versions") && r.method().equals("POST"))
                .findFirst()
                .orElseThrow();
        MultipartReader reader = new MultipartReader(
                new ByteArrayInputStream(upload.body()), MultipartReader.boundary(upload.header("content-type")));
        MultipartReader.Part metadata = reader.next();
        return JsonParser.parseString(
                        new String(metadata.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    @Test
    void aBranchNameBecomesTheAliasAndThePreviewUrlsArePrinted() throws IOException {
        previews(true);
        assertEquals(0, run("--preview-alias", "feature/Login_Page", "--tag", "v1.2.3", "--message", "PR 42"), err);

        assertEquals(
                "{\"workers/message\":\"PR 42\",\"workers/tag\":\"v1.2.3\",\"workers/alias\":\"feature-login-page\"}",
                sentMetadata().get("annotations").toString());
        assertEquals(
                "GET /accounts/" + api.settings.accountId + "/workers/workers/site",
                requests().get(requests().size() - 1));
        assertEquals(
                "note: --preview-alias \"feature/Login_Page\" is not a valid alias; using \"feature-login-page\" (what"
                        + " Workers Builds makes of that branch name)\n",
                err);
        assertTrue(
                out.contains("  preview:    " + previewOfNewVersion() + "\n"
                        + "  alias:      https://feature-login-page-site.acme.workers.dev\n"),
                out);
        assertTrue(out.contains("Not deployed yet: `assets-deploy versions deploy " + versionId + "`"), out);
    }

    @Test
    void jsonAndGithubOutputsCarryTheUrls() throws IOException {
        previews(true);
        Path outputs = dir.resolve("gh-output");
        Path summary = dir.resolve("gh-summary.md");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", outputs.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());

        assertEquals(0, run("--preview-alias", "pr-42", "--json"), err);

        String preview = previewOfNewVersion();
        JsonObject doc = JsonParser.parseString(out).getAsJsonObject();
        assertEquals("pr-42", doc.get("previewAlias").getAsString());
        assertEquals(preview, doc.get("previewUrl").getAsString());
        assertEquals(
                "https://pr-42-site.acme.workers.dev",
                doc.get("previewAliasUrl").getAsString());
        assertTrue(doc.get("previewUnavailable").isJsonNull());
        assertEquals(
                "version-id=" + versionId + "\npreview-url=" + preview + "\n"
                        + "preview-alias-url=https://pr-42-site.acme.workers.dev\n",
                Files.readString(outputs));
        String md = Files.readString(summary);
        assertTrue(
                md.contains(
                        "| Preview | [" + preview + "](" + preview + ") |\n"
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
        previewOfNewVersion();
        assertEquals("version-id=" + versionId + "\npreview-url=\npreview-alias-url=\n", Files.readString(outputs));
        assertEquals(0, run("--json"), err);
        assertEquals(
                "previews-off",
                JsonParser.parseString(out)
                        .getAsJsonObject()
                        .get("previewUnavailable")
                        .getAsString());
    }

    @Test
    void withoutAnAliasTheAnnotationsAreWhatWranglerSends() throws IOException {
        previews(true);
        assertEquals(0, run(), err);
        assertEquals("{}", sentMetadata().get("annotations").toString());
        assertTrue(out.contains("  preview:    " + previewOfNewVersion() + "\n"), out);
        assertTrue(!out.contains("  alias:"), out);
    }

    @Test
    void anAliasThatCannotBeMadeOrOneWithoutVersionOnlyIsExit3BeforeAnyRequest() {
        previews(true);
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
        assertEquals(List.of(), requests());
    }
}
