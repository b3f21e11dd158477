package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code all} and {@code deploy} with their triggers phase: --json, the flags, a phase that does not apply whole. */
class DeployTriggersTest {

    @TempDir
    Path dir;

    FakeCloudflareApi api;
    Path config;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    CliRun run(String scenario, String... args) {
        Recording recording = Recording.load(scenario);
        api = recording.startFake();
        config = recording.writeProject(dir).resolve("wrangler.json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        return CliRun.execute(
                Map.of(
                        "CLOUDFLARE_API_BASE_URL", api.baseUrl(),
                        "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                        "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId),
                all.toArray(String[]::new));
    }

    @Test
    void jsonCarriesTheUrlsAndTheTriggers() {
        CliRun run = run("triggers-all", "all", "--json");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        JsonObject doc = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(
                JsonParser.parseString(
                        "[\"https://example.com/app/\",\"https://www.example.com/blog/\",\"https://shop.example.com\"]"),
                doc.get("urls"));
        assertEquals(5, doc.getAsJsonArray("triggers").size());
        assertEquals(
                JsonParser.parseString("{\"type\":\"schedule\",\"cron\":\"0 3 * * 1\"}"),
                doc.getAsJsonArray("triggers").get(4));
    }

    @Test
    void aPhaseThatDoesNotApplyWholeSaysTheVersionIsDeployedAndHowToFinish() {
        CliRun run = run("triggers-all", "all", "--route", "shop.example.org/*", "--quiet");

        assertEquals(ExitCodes.API_REFUSED, run.code(), run.err());
        assertEquals("", run.out(), "no success report");
        assertEquals(
                "error: Worker site is deployed (version e6ce1065-5db4-5b7d-bb2e-35990c67fe9f), but not all of its"
                        + " triggers were applied:\n"
                        + "error:   routes: no zone of this account holds shop.example.org: a route's domain must be a"
                        + " zone on Cloudflare, proxied (https://developers.cloudflare.com/workers/configuration/routing/"
                        + "routes/#set-up-a-route)\n"
                        + "error:   not tried: cron schedules\n"
                        + "error: What applied stays applied. To finish, run: assets-deploy triggers --route"
                        + " 'shop.example.org/*' --config " + config + "\n",
                run.err());
        assertEquals(
                "e6ce1065-5db4-5b7d-bb2e-35990c67fe9f",
                api.workers()
                        .worker("site")
                        .deployments()
                        .get(0)
                        .versions()
                        .get(0)
                        .versionId(),
                "the version is deployed");
    }

    @Test
    void theFinishingCommandKeepsWhatChoosesTheWorkerAndItsTriggersQuotedForAShell() {
        CliRun finishing = run(
                "triggers-all",
                "all",
                "--route",
                "shop.example.org/*",
                "--schedule",
                "0 4 * * *",
                "--no-preview-urls",
                "--allow-unsupported",
                "unsafe",
                "--concurrency",
                "2",
                "--quiet");
        assertEquals(ExitCodes.API_REFUSED, finishing.code(), finishing.err());
        assertTrue(
                finishing
                        .err()
                        .endsWith("To finish, run: assets-deploy triggers --route 'shop.example.org/*' --schedule"
                                + " '0 4 * * *' --no-preview-urls --allow-unsupported unsafe --config " + config
                                + "\n"),
                finishing.err());
        assertEquals("'it'\\''s a *'", FinishCommand.quote("it's a *"));
        assertEquals("example.com/x,y=1", FinishCommand.quote("example.com/x,y=1"));
    }

    @Test
    void theFinishingCommandFinishes() {
        run("triggers-all", "all", "--route", "shop.example.org/*", "--quiet");
        api.workers().zone("example.org");
        CliRun finish = CliRun.execute(
                Map.of(
                        "CLOUDFLARE_API_BASE_URL", api.baseUrl(),
                        "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                        "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId),
                "triggers",
                "--route",
                "shop.example.org/*",
                "--config",
                config.toString());
        assertEquals(ExitCodes.OK, finish.code(), finish.err());
        assertEquals("""
                Applied the triggers of Worker site
                Triggers:
                  shop.example.org/*
                  schedule: */5 * * * *
                  schedule: 0 3 * * 1
                """, finish.out());
    }

    @Test
    void triggersFlagsWithVersionOnlyOrADispatchNamespaceAreUsageErrors() {
        CliRun version = run("redeploy-existing", "deploy", "--keep-assets", "--version-only", "--route", "a.com/*");
        assertEquals(ExitCodes.USAGE, version.code());
        assertTrue(
                version.err()
                        .startsWith("error: --route cannot be used with --version-only: a version is not deployed;"
                                + " apply the triggers with `assets-deploy triggers` once it is\n"),
                version.err());
        assertEquals(0, api.controlPlaneRequests().size());
        api.close();

        CliRun namespace = run("dispatch-namespace", "all", "--dispatch-namespace", "ns", "--no-workers-dev");
        assertEquals(ExitCodes.USAGE, namespace.code());
        assertTrue(
                namespace
                        .err()
                        .startsWith("error: --no-workers-dev cannot be used with --dispatch-namespace: a Worker in a"
                                + " dispatch namespace has no triggers of its own\n"),
                namespace.err());
    }

    @Test
    void aVersionUploadLeavesTheTriggersAsTheyAre() {
        CliRun run = run("redeploy-existing-triggers", "deploy", "--keep-assets", "--version-only");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertTrue(
                api.controlPlaneRequests().stream()
                        .noneMatch(r -> r.path().endsWith("/subdomain")
                                || r.path().endsWith("/routes")
                                || r.path().endsWith("/schedules")),
                "no triggers request");
        assertTrue(!run.out().contains("Triggers:"), run.out());
    }
}
