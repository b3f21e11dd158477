package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
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

/** {@code assets-deploy triggers}: its report, --json, GitHub outputs, the flags, a partial failure, --dry-run. */
class TriggersCommandTest {

    @TempDir
    Path dir;

    Recording recording;
    FakeCloudflareApi api;
    Map<String, String> env = new HashMap<>();
    Path config;

    @BeforeEach
    void start() {
        use("triggers-deploy");
    }

    void use(String name) {
        if (api != null) {
            api.close();
        }
        recording = Recording.load(name);
        api = recording.startFake();
        config = recording.writeProject(dir).resolve("wrangler.json");
        env.put("CLOUDFLARE_API_BASE_URL", api.baseUrl());
        env.put("CLOUDFLARE_API_TOKEN", api.settings.apiToken);
        env.put("CLOUDFLARE_ACCOUNT_ID", api.settings.accountId);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    CliRun run(String... args) {
        List<String> all = new ArrayList<>(List.of("triggers", "--config", config.toString()));
        all.addAll(List.of(args));
        CliRun run = CliRun.execute(env, all.toArray(String[]::new));
        assertTrue(!run.out().contains(api.settings.apiToken) && !run.err().contains(api.settings.apiToken));
        return run;
    }

    List<String> requestLines() {
        return api.controlPlaneRequests().stream()
                .map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()) + " "
                        + new String(r.body(), StandardCharsets.UTF_8))
                .map(String::strip)
                .toList();
    }

    @Test
    void jsonCarriesTheUrlsAndEachTrigger() {
        CliRun run = run("--json");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        var doc = JsonParser.parseString(run.out()).getAsJsonObject();
        doc.remove("elapsedMs");
        assertEquals(JsonParser.parseString("""
                        {"worker": "site",
                         "urls": ["https://example.com/app/", "https://www.example.com/blog/", "https://shop.example.com"],
                         "triggers": [
                           {"type": "route", "pattern": "example.com/app/*", "zoneName": "example.com", "zoneId": null,
                            "url": "https://example.com/app/"},
                           {"type": "route", "pattern": "www.example.com/blog/*", "zoneName": null, "zoneId": null,
                            "url": "https://www.example.com/blog/"},
                           {"type": "customDomain", "hostname": "shop.example.com", "url": "https://shop.example.com"},
                           {"type": "schedule", "cron": "*/5 * * * *"},
                           {"type": "schedule", "cron": "0 3 * * 1"}]}
                        """), doc);
    }

    @Test
    void underGithubActionsTheStepGainsUrlAndUrlsAndASummary() throws IOException {
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", dir.resolve("gh-output").toString());
        env.put("GITHUB_STEP_SUMMARY", dir.resolve("gh-summary.md").toString());

        assertEquals(ExitCodes.OK, run().code());

        assertEquals(
                "url=https://example.com/app/\n"
                        + "urls=[\"https://example.com/app/\",\"https://www.example.com/blog/\",\"https://shop.example.com\"]\n",
                Files.readString(dir.resolve("gh-output")));
        assertEquals("""
                ### Applied the triggers of Worker `site`

                | | |
                |---|---|
                | Route | `example.com/app/* (zone name: example.com)` |
                | Route | `www.example.com/blog/*` |
                | URL | [https://shop.example.com](https://shop.example.com) |
                | Schedule | `*/5 * * * *` |
                | Schedule | `0 3 * * 1` |

                """, Files.readString(dir.resolve("gh-summary.md")));
    }

    @Test
    void theFlagsReplaceTheConfigsSettings() {
        CliRun run =
                run("--workers-dev", "--no-preview-urls", "--route", "example.com/new/*", "--schedule", "0 4 * * *");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/workers/site",
                        "POST /accounts/acc1/workers/scripts/site/subdomain {\"enabled\":true,\"previews_enabled\":false}",
                        "PUT /accounts/acc1/workers/scripts/site/routes [{\"pattern\":\"example.com/new/*\"}]",
                        "PUT /accounts/acc1/workers/scripts/site/schedules [{\"cron\":\"0 4 * * *\"}]"),
                requestLines());
        assertEquals("""
                Applied the triggers of Worker site
                Triggers:
                  https://site.acme.workers.dev
                  example.com/new/*
                  schedule: 0 4 * * *
                """, run.out());
        assertEquals("", run.err(), "no default warning: both are set, by the flags");
    }

    @Test
    void aPartFailureSaysWhatDidNotApplyAndHowToFinish() {
        use("redeploy-existing-triggers");
        CliRun run = run("--route", "shop.example.org/*", "--domain", "www.example.com");

        assertEquals(ExitCodes.API_REFUSED, run.code(), run.err());
        assertEquals("", run.out());
        List<String> lines = run.err().lines().toList();
        assertEquals("error: Not all triggers of Worker site were applied:", lines.get(0));
        assertTrue(
                lines.get(1).startsWith("error:   routes: PUT /accounts/acc1/workers/scripts/site/routes: HTTP 4"),
                lines.get(1));
        assertEquals(
                List.of(
                        "error:   applied: www.example.com (custom domain), schedule: */5 * * * *, schedule: 0 3 * * 1",
                        "error: What applied stays applied. To try again, run: assets-deploy triggers --config "
                                + config + " --route 'shop.example.org/*' --domain www.example.com"),
                lines.subList(2, lines.size()));
        assertTrue(
                requestLines()
                        .contains("PUT /accounts/acc1/workers/scripts/site/schedules"
                                + " [{\"cron\":\"*/5 * * * *\"},{\"cron\":\"0 3 * * 1\"}]"),
                "the other calls still run");
    }

    @Test
    void aWorkerThatDoesNotExistIsNamed() {
        CliRun run = run("--script", "nope");
        assertEquals(ExitCodes.API_REFUSED, run.code());
        assertTrue(
                run.err()
                        .startsWith("error: Not all triggers of Worker nope were applied:\n"
                                + "error:   workers.dev: GET /accounts/acc1/workers/workers/nope: Worker nope does not"
                                + " exist in this account"),
                run.err());
        assertEquals(1, api.controlPlaneRequests().size());
    }

    @Test
    void aDryRunSendsNothingAndNeedsNoCredentials() {
        env.clear();
        CliRun run = run("--dry-run");
        assertEquals(ExitCodes.OK, run.code(), run.err());
        assertEquals(List.<ControlPlaneRequest>of(), api.controlPlaneRequests());
        assertEquals("""
                Dry run: nothing was sent.

                Triggers:
                  GET /accounts/<account>/workers/workers/site
                  POST /accounts/<account>/workers/scripts/site/subdomain {"enabled":false,"previews_enabled":true}
                  GET /zones?name=ZONE&account.id=<account>  (when workers.dev was off already: for each route's zone \
                (ZONE: its zone_name, or its host and then each parent domain), then GET /zones/{id}/workers/routes once \
                per zone; a route of another Worker stops the phase)
                  PUT /accounts/<account>/workers/scripts/site/routes [{"pattern":"example.com/app/*",\
                "zone_name":"example.com"},{"pattern":"www.example.com/blog/*"}]
                  POST /accounts/<account>/workers/scripts/site/domains/changeset?replace_state=true \
                [{"hostname":"shop.example.com"}]
                  PUT /accounts/<account>/workers/scripts/site/schedules [{"cron":"*/5 * * * *"},{"cron":"0 3 * * 1"}]
                  PUT /accounts/<account>/workers/scripts/site/domains/records {"override_scope":true,\
                "override_existing_origin":true,"override_existing_dns_record":true,\
                "origins":[{"hostname":"shop.example.com"}]}
                """, run.out());
    }

    @Test
    void whatThePhaseCannotApplyStopsItUnlessAllowed() throws IOException {
        String json = Files.readString(config);
        Files.writeString(config, json.replaceFirst("\\{", "{\"queues\": {\"consumers\": [{\"queue\": \"jobs\"}]},"));

        CliRun refused = run();
        assertEquals(ExitCodes.INVALID_INPUT, refused.code());
        assertTrue(
                refused.err().startsWith("error: ")
                        && refused.err()
                                .contains("wrangler.json: queues.consumers is not supported by assets-deploy: "),
                refused.err());
        assertTrue(refused.err().contains("pass --allow-unsupported queues.consumers"), refused.err());
        assertEquals(0, api.controlPlaneRequests().size());

        CliRun allowed = run("--allow-unsupported", "queues.consumers");
        assertEquals(ExitCodes.OK, allowed.code(), allowed.err());
        assertTrue(allowed.err().contains("is not sent (--allow-unsupported queues.consumers)"), allowed.err());
    }

    @Test
    void badFlagValuesAreConfigErrorsBeforeAnyRequest() {
        CliRun run = run("--domain", "*.example.com");
        assertEquals(ExitCodes.INVALID_INPUT, run.code());
        assertEquals(
                "error: --domain \"*.example.com\" is a custom domain with a wildcard (*): a custom domain is one host"
                        + " name (use a zone route for a wildcard)\n",
                run.err());
        assertEquals(0, api.controlPlaneRequests().size());
    }
}
