package dev.assetsdeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.Route;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.Trigger;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployReportTest {

    static final DeploySummary DEPLOYED = new DeploySummary(
            new DeployResult(
                    new DeployTarget("site", null, false),
                    "01234567-89ab-cdef-0123-456789abcdef",
                    "e7a9",
                    3L,
                    true,
                    null,
                    false),
            new DeploySummary.AssetsCounts(352, 4_200_000, 12, 340, 150_000),
            false,
            Duration.ofMillis(3456));

    @Test
    void textNamesWorkerIdsCountsAndTime() {
        StringWriter out = new StringWriter();
        DeployReport.printText(DEPLOYED, new PrintWriter(out));
        assertEquals("""
                Deployed Worker site
                  version id: 01234567-89ab-cdef-0123-456789abcdef
                  etag:       e7a9
                  assets:     12 uploaded (146.5 KiB), 340 already on Cloudflare, 352 files in all
                  time:       3.5 s
                """, out.toString());
    }

    @Test
    void jsonIsOneDocumentWithTheSameFacts() {
        assertEquals(
                "{\"worker\":\"site\",\"dispatchNamespace\":null,\"deployed\":true,"
                        + "\"versionId\":\"01234567-89ab-cdef-0123-456789abcdef\",\"etag\":\"e7a9\",\"startupTimeMs\":3,"
                        + "\"assets\":{\"kept\":false,\"files\":352,\"bytes\":4200000,\"uploaded\":12,\"alreadyPresent\":340,"
                        + "\"bytesUploaded\":150000},\"urls\":[],\"triggers\":null,\"elapsedMs\":3456}",
                Json.compact(DeployReport.json(DEPLOYED)));
    }

    @Test
    void versionOnlyAndKeptAssetsSayWhatHappened() {
        DeploySummary version = new DeploySummary(
                new DeployResult(new DeployTarget("site", null, true), "v-1", null, null, false, null, false),
                null,
                true,
                Duration.ofMillis(800));
        StringWriter out = new StringWriter();
        DeployReport.printText(version, new PrintWriter(out));
        assertEquals("""
                Uploaded a new version of Worker site (not deployed)
                  version id: v-1
                  assets:     kept the assets already deployed
                  time:       0.8 s
                Not deployed yet: `assets-deploy versions deploy v-1` gives it all the traffic, `assets-deploy versions deploy v-1@10 CURRENT_ID@90` a tenth of it.
                """, out.toString());
    }

    @Test
    void githubOutputsAndSummaryAreAppended(@TempDir Path dir) throws IOException {
        Path outputs = Files.writeString(dir.resolve("output"), "earlier=1\n");
        Path summary = dir.resolve("summary.md");
        GithubActions.writeOutputs(outputs, DEPLOYED);
        GithubActions.writeSummary(summary, DEPLOYED);
        assertEquals(
                "earlier=1\nversion-id=01234567-89ab-cdef-0123-456789abcdef\nuploaded=12\nskipped=340\n",
                Files.readString(outputs));
        assertEquals("""
                ### Deployed Worker `site`

                | | |
                |---|---|
                | Version | `01234567-89ab-cdef-0123-456789abcdef` |
                | ETag | `e7a9` |
                | Files uploaded | 12 (146.5 KiB) |
                | Already on Cloudflare | 340 |
                | Time | 3.5 s |

                """, Files.readString(summary));
    }

    static final DeploySummary LIVE = new DeploySummary(
            DEPLOYED.result(),
            DEPLOYED.assets(),
            false,
            DEPLOYED.elapsed(),
            new LiveResult(
                    List.of(
                            new Trigger.WorkersDev("site.acme.workers.dev"),
                            new Trigger.ZoneRoute(Route.pattern("example.com/a|b`*")),
                            new Trigger.CustomDomain(Route.domain("shop.example.com")),
                            new Trigger.Schedule("*/5 * * * *")),
                    List.of(),
                    List.of(),
                    List.of()),
            null,
            null);

    @Test
    void theTriggersAreListedAsWranglerPrintsThem() {
        StringWriter out = new StringWriter();
        DeployReport.printText(LIVE, new PrintWriter(out));
        assertTrue(
                out.toString()
                        .endsWith("  time:       3.5 s\n"
                                + "Triggers:\n"
                                + "  https://site.acme.workers.dev\n"
                                + "  example.com/a|b`*\n"
                                + "  shop.example.com (custom domain)\n"
                                + "  schedule: */5 * * * *\n"),
                out.toString());
        assertEquals(
                "[\"https://site.acme.workers.dev\",\"https://example.com/a|b`\",\"https://shop.example.com\"]",
                DeployReport.json(LIVE).get("urls").toString());
    }

    @Test
    void underGithubActionsTheUrlsAreOutputsAndTheSummaryLinksThem(@TempDir Path dir) throws IOException {
        Path outputs = dir.resolve("output");
        Path summary = dir.resolve("summary.md");
        GithubActions.writeOutputs(outputs, LIVE);
        GithubActions.writeSummary(summary, LIVE);
        assertTrue(
                Files.readString(outputs)
                        .endsWith("url=https://site.acme.workers.dev\nurls=[\"https://site.acme.workers.dev\","
                                + "\"https://example.com/a|b`\",\"https://shop.example.com\"]\n"),
                Files.readString(outputs));
        assertTrue(
                Files.readString(summary)
                        .endsWith("| Time | 3.5 s |\n"
                                + "| URL | [https://site.acme.workers.dev](https://site.acme.workers.dev) |\n"
                                + "| Route | `` example.com/a\\|b`* `` |\n"
                                + "| URL | [https://shop.example.com](https://shop.example.com) |\n"
                                + "| Schedule | `*/5 * * * *` |\n\n"),
                Files.readString(summary));
    }
}
