package dev.assetsdeploy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The triggers phase against the fake in each recorded state: the requests assets-deploy sends are wrangler 4.164's
 * (method, path, query, the headers it sets, the body), in its order, for the whole deploy; and it prints every place
 * the Worker answers. {@code wrangler deploy ARGS} is {@code assets-deploy all ARGS} (the assets folder comes from the
 * config, as for wrangler).
 */
class TriggersParityTest {

    /** What the triggers-all config applies: a zone route, a plain route, a custom domain, two crons. */
    static final String ALL_KINDS = """
            Triggers:
              example.com/app/* (zone name: example.com)
              www.example.com/blog/*
              shop.example.com (custom domain)
              schedule: */5 * * * *
              schedule: 0 3 * * 1
            """;

    @TempDir
    Path dir;

    CliRun run;

    private CliRun run(Recording recording, FakeCloudflareApi api, List<String> args) {
        run = CliRun.inRecordedProject(recording, dir, api, args);
        return run;
    }

    /** Runs the recorded command as ours, expecting {@code exit}; the requests must be the recorded ones. */
    private CliRun deploysAsWranglerDoes(String scenario, int exit) {
        return deploysAsWranglerDoes(scenario, exit, r -> r);
    }

    private CliRun deploysAsWranglerDoes(String scenario, int exit, UnaryOperator<Recording> differences) {
        Recording recording = Recording.load(scenario);
        List<String> args = new ArrayList<>(List.of("all"));
        args.addAll(recording.wranglerArgs().subList(1, recording.wranglerArgs().size()));
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(exit, run(recording, api, args).code(), run.err());
            differences.apply(recording).assertSameRequests(api.controlPlaneRequests());
            assertEquals(List.of(), api.problems());
        }
        return run;
    }

    /**
     * issue 11's deploy flow reads a Worker with code's settings before the assets upload session, where wrangler reads
     * them after it: every check of the live Worker passes before any file is sent.
     */
    private static UnaryOperator<Recording> settingsReadFirst(String script) {
        return r -> r.inAnyOrder(
                "the live Worker's settings are read before the assets upload (issue 11: nothing is sent before every"
                        + " check of the live Worker has passed)",
                "GET /accounts/acc1/workers/scripts/" + script + "/settings",
                "POST /accounts/acc1/workers/scripts/" + script + "/assets-upload-session");
    }

    /** The report's triggers block: what wrangler prints after "Deployed NAME triggers". */
    private static String triggersOf(String out) {
        return out.substring(out.indexOf("Triggers:"));
    }

    @Test
    void aNewAssetsOnlyWorkerIsTurnedOnAtWorkersDev() {
        CliRun run = deploysAsWranglerDoes("new-assets-only", ExitCodes.OK);
        assertEquals("Triggers:\n  https://site.acme.workers.dev\n", triggersOf(run.out()));
        assertEquals("", run.err());
    }

    @Test
    void everyTriggerKindOnANewWorker() {
        CliRun run = deploysAsWranglerDoes("triggers-all", ExitCodes.OK, settingsReadFirst("site"));
        assertEquals(ALL_KINDS, triggersOf(run.out()));
    }

    @Test
    void anEnvSectionWithItsOwnTriggers() {
        CliRun run = deploysAsWranglerDoes("env-staging", ExitCodes.OK, settingsReadFirst("site-staging"));
        assertEquals("""
                Triggers:
                  https://site-staging.acme.workers.dev
                  staging.example.com (custom domain)
                  schedule: */30 * * * *
                """, triggersOf(run.out()));
    }

    @Test
    void anEmptyEnvSectionInheritsTheTriggers() {
        CliRun run = deploysAsWranglerDoes("env-inherit", ExitCodes.OK, settingsReadFirst("site-qa"));
        assertEquals("""
                Triggers:
                  example.com/* (zone name: example.com)
                  schedule: 0 * * * *
                """, triggersOf(run.out()));
    }

    @Test
    void aRedeployOfAnExistingWorker() {
        CliRun run = deploysAsWranglerDoes("redeploy-existing", ExitCodes.OK);
        assertEquals("Triggers:\n  https://site.acme.workers.dev\n", triggersOf(run.out()));
        assertEquals("", run.err(), "workers.dev stays on: no default changed anything");
    }

    @Test
    void aWorkerStateWithoutUrlsNamesTheHostFromTheAccountSubdomain() {
        CliRun run = deploysAsWranglerDoes("redeploy-existing-no-worker-urls", ExitCodes.OK);
        assertEquals("Triggers:\n  https://site.acme.workers.dev\n", triggersOf(run.out()));
    }

    @Test
    void aRedeployThatMovesAnExistingWorkerToRoutesDomainsAndCrons() {
        CliRun run = deploysAsWranglerDoes("redeploy-existing-triggers", ExitCodes.OK, settingsReadFirst("site"));
        assertEquals(ALL_KINDS, triggersOf(run.out()));
    }

    @Test
    void anEmptyCronListClearsTheSchedules() {
        CliRun run = deploysAsWranglerDoes("crons-empty", ExitCodes.OK, settingsReadFirst("site"));
        assertEquals("Triggers:\n  https://site.acme.workers.dev\n", triggersOf(run.out()));
    }

    @Test
    void anAccountWithoutAWorkersDevSubdomainStopsANewWorkerBeforeTheUpload() {
        CliRun run = deploysAsWranglerDoes("no-subdomain", ExitCodes.API_REFUSED);
        assertEquals("", run.out());
        assertEquals(
                "error: the account has no workers.dev subdomain, so the Worker cannot answer on workers.dev:"
                        + " register one at https://dash.cloudflare.com/acc1/workers/onboarding, or set"
                        + " \"workers_dev\": false (--no-workers-dev) and give it routes or a custom domain\n",
                run.err());
    }

    @Test
    void aDispatchNamespaceGetsNoTriggersAndSaysWhichSettingsItIgnores() {
        CliRun run = deploysAsWranglerDoes(
                "dispatch-namespace",
                ExitCodes.OK,
                r -> r.skipping(
                                "GET /accounts/acc1/workers/scripts/site/settings",
                                "wrangler reads the settings of the account's Worker of that name, not the namespace's (a bug"
                                        + " issue 11 does not copy)")
                        .ignoringOurs(
                                "GET /accounts/acc1/workers/dispatch/namespaces/ns/scripts/site/settings",
                                "issue 11 reads the namespaced Worker's own settings, before the assets upload"));
        assertTrue(!run.out().contains("Triggers:"), run.out());
        assertEquals(
                "warning: Cron triggers are not supported with --dispatch-namespace and will be ignored.\n"
                        + "warning: workers_dev, routes are not applied with --dispatch-namespace (ignored): a Worker"
                        + " in a dispatch namespace is reached through its dispatcher Worker\n",
                run.err());
    }

    @Test
    void aDryRunSendsNothing() {
        CliRun run = deploysAsWranglerDoes("dry-run", ExitCodes.OK);
        assertTrue(run.out().contains("\nTriggers:\n  GET /accounts/acc1/workers/workers/site\n"), run.out());
    }

    @Test
    void triggersDeployOnAnExistingWorker() {
        Recording recording = Recording.load("triggers-deploy");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(ExitCodes.OK, run(recording, api, List.of("triggers")).code(), run.err());
            recording.assertSameRequests(api.controlPlaneRequests());
            assertEquals(List.of(), api.problems());
            assertEquals("Applied the triggers of Worker site\n" + ALL_KINDS, run.out());
            assertEquals("", run.err());
        }
    }
}
