package dev.assetsdeploy.cli;

import static dev.assetsdeploy.versions.SeedVersions.V1;
import static dev.assetsdeploy.versions.SeedVersions.V2;
import static dev.assetsdeploy.versions.SeedVersions.V3;
import static dev.assetsdeploy.versions.SeedVersions.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.Deployment;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions, deployments and rollback against the fake in each recorded state of wrangler 4.164 (the versions-*,
 * deployments-* and rollback-* recordings): the same requests, the same annotations and deployment bodies, the same
 * preview URLs. Where wrangler asks again for what it already read, or reads the Worker's tag for its output file,
 * the difference is declared with its reason; bad input that wrangler finds only after its GETs is refused here
 * before any request.
 */
class VersionsParityTest {

    static final String SITE = "/accounts/acc1/workers/scripts/site";
    static final String TWICE = "wrangler reads each chosen version twice (to show it, then to deploy it); we read it"
            + " once, and the order of our reads is checked on its own below";
    static final String PREFLIGHT = "the deploy reads the live Worker's settings (a GET without a body) before it"
            + " uploads the assets, wrangler right after it opened the upload session; compared out of order, the"
            + " session's completion token would not be matched to the recorded one";
    static final String TAG = "wrangler reads the Worker's tag for its output file; we write none";

    @TempDir
    Path dir;

    CliRun run;

    private CliRun run(Recording recording, FakeCloudflareApi api, String... args) {
        run = CliRun.inRecordedProject(recording, dir, api, List.of(args));
        return run;
    }

    private static List<String> lines(List<ControlPlaneRequest> requests) {
        return requests.stream()
                .map(r -> r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query()))
                .toList();
    }

    private static Deployment current(FakeCloudflareApi api) {
        return api.workers().worker("site").currentDeployment();
    }

    /** The URL wrangler printed after {@code label}. */
    private static String printed(Recording recording, String label) {
        Matcher m = Pattern.compile(Pattern.quote(label) + " (\\S+)").matcher(recording.stdout());
        assertTrue(m.find(), label + " in " + recording.stdout());
        return m.group(1);
    }

    /**
     * The recording's {@code wrangler versions upload --preview-alias pr-42 --tag v1.2.3 --message "PR 42"} as ours:
     * the same requests (the deploy's settings read aside), and what we printed.
     */
    private String uploadVersionAsRecorded(String name) {
        Recording recording = Recording.load(name);
        try (FakeCloudflareApi api = recording.startFake()) {
            String[] args = {
                "all", "--version-only", "--preview-alias", "pr-42", "--tag", "v1.2.3", "--message", "PR 42"
            };
            assertEquals(0, run(recording, api, args).code(), run.err());
            recording
                    .skipping("GET " + SITE + "/settings", PREFLIGHT)
                    .ignoringOurs("GET " + SITE + "/settings", PREFLIGHT)
                    .assertSameRequests(api.controlPlaneRequests());
            assertEquals(List.of(), api.problems());
            return run.out();
        }
    }

    @Test
    void aVersionUploadWithAliasTagAndMessage() {
        String out = uploadVersionAsRecorded("versions-upload-alias");
        Recording recording = Recording.load("versions-upload-alias");
        assertTrue(out.contains("  preview:    " + printed(recording, "Version Preview URL:") + "\n"), out);
        assertTrue(out.contains("  alias:      " + printed(recording, "Version Preview Alias URL:") + "\n"), out);
    }

    @Test
    void aVersionUploadWithPreviewsOffPrintsNoUrl() {
        String out = uploadVersionAsRecorded("versions-upload-no-previews");
        assertTrue(!Recording.load("versions-upload-no-previews").stdout().contains("Preview URL"), "none either");
        assertTrue(out.contains("  preview:    none: preview URLs are off for this Worker"), out);
    }

    /** {@code versions deploy}'s requests as wrangler's, but for the two differences named by {@link #TWICE}, {@link #TAG}. */
    private static void assertSameAsVersionsDeploy(Recording recording, FakeCloudflareApi api) {
        recording
                .skipping("GET " + SITE + "/versions/*", TWICE)
                .ignoringOurs("GET " + SITE + "/versions/*", TWICE)
                .skipping("GET /accounts/acc1/workers/services/site", TAG)
                .assertSameRequests(api.controlPlaneRequests());
    }

    @Test
    void aNinetyTenDeployment() {
        Recording recording = Recording.load("versions-deploy-split");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(
                    0,
                    run(recording, api, "versions", "deploy", V3 + "@90%", V4 + "@10%", "--message", "canary")
                            .code(),
                    run.err());
            assertSameAsVersionsDeploy(recording, api);
            assertEquals(
                    List.of(
                            "GET " + SITE + "/deployments",
                            "GET " + SITE + "/versions/" + V3,
                            "GET " + SITE + "/versions/" + V4,
                            "POST " + SITE + "/deployments"),
                    lines(api.controlPlaneRequests()));
            assertEquals(
                    List.of(new Deployment.Share(V3, 90), new Deployment.Share(V4, 10)),
                    current(api).versions());
            assertEquals("canary", current(api).annotation("workers/message"));
        }
    }

    @Test
    void oneVersionAtAllTheTrafficWithWranglersEmptyMessage() {
        Recording recording = Recording.load("versions-deploy-single");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(0, run(recording, api, "versions", "deploy", V4).code(), run.err());
            assertSameAsVersionsDeploy(recording, api);
            assertEquals(List.of(new Deployment.Share(V4, 100)), current(api).versions());
        }
    }

    @Test
    void rollbackToTheVersionBeforeTheCurrentOne() {
        Recording recording = Recording.load("rollback-default");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(
                    0,
                    run(recording, api, "rollback", "--message", "bad release").code(),
                    run.err());
            recording
                    .skipping(
                            "GET " + SITE + "/deployments",
                            "wrangler reads the deployments twice (to show the current one, then to pick the"
                                    + " version); we read them once, checked below")
                    .ignoringOurs("GET " + SITE + "/deployments", "the one read of ours")
                    .assertSameRequests(api.controlPlaneRequests());
            assertEquals(
                    List.of(
                            "GET " + SITE + "/deployments",
                            "GET " + SITE + "/versions/" + V3,
                            "GET " + SITE + "/versions/" + V2,
                            "POST " + SITE + "/deployments"),
                    lines(api.controlPlaneRequests()));
            assertEquals(List.of(new Deployment.Share(V2, 100)), current(api).versions());
        }
    }

    @Test
    void rollbackToANamedVersion() {
        Recording recording = Recording.load("rollback-version");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(0, run(recording, api, "rollback", V1).code(), run.err());
            recording.assertSameRequests(api.controlPlaneRequests());
            assertEquals("Rollback", current(api).annotation("workers/message"));
        }
    }

    @Test
    void rollbackOverChangedSecretsIsForcedAfterTheWarning() {
        Recording recording = Recording.load("rollback-changed-secrets");
        try (FakeCloudflareApi api = recording.startFake()) {
            assertEquals(0, run(recording, api, "rollback", V1).code(), run.err());
            recording.assertSameRequests(api.controlPlaneRequests());
            assertEquals(
                    "warning: secrets \"API_KEY\" changed since version " + V1 + " was deployed; rolling back anyway,"
                            + " as wrangler does without a terminal (?force=true)\n",
                    run.err());
            assertEquals(List.of(new Deployment.Share(V1, 100)), current(api).versions());
        }
    }

    @Test
    void theReadCommandsSendWhatWranglerSends() {
        for (String[] c : new String[][] {
            {"versions-list", "versions", "list"},
            {"versions-list-json", "versions", "list", "--json"},
            {"versions-view", "versions", "view", V3},
            {"versions-view-json", "versions", "view", V3, "--json"},
            {"deployments-status", "deployments", "status"},
            {"deployments-status-json", "deployments", "status", "--json"},
        }) {
            Recording recording = Recording.load(c[0]);
            try (FakeCloudflareApi api = recording.startFake()) {
                String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
                assertEquals(0, run(recording, api, args).code(), c[0] + ": " + run.err());
                Recording expected = recording;
                if (c[0].equals("deployments-status-json")) {
                    // wrangler prints the API's raw deployment; ours names each version, so it reads them.
                    expected = recording.ignoringOurs("GET " + SITE + "/versions/*", "our --json names each version");
                }
                expected.assertSameRequests(api.controlPlaneRequests());
                assertEquals(List.of(), api.problems(), c[0]);
            }
        }
    }

    @Test
    void deploymentsListReadsEachVersionNewestFirst() {
        for (String name : List.of("deployments-list", "deployments-list-json")) {
            Recording recording = Recording.load(name);
            try (FakeCloudflareApi api = recording.startFake()) {
                assertEquals(
                        0,
                        run(
                                        recording,
                                        api,
                                        name.endsWith("-json")
                                                ? new String[] {"deployments", "list", "--json"}
                                                : new String[] {"deployments", "list"})
                                .code(),
                        run.err());
                Recording expected = name.endsWith("-json")
                        ? recording.ignoringOurs("GET " + SITE + "/versions/*", "our --json names each version")
                        : recording.inAnyOrder(
                                "wrangler lists oldest first, we newest first: the versions are read in that order",
                                "GET " + SITE + "/versions/*");
                expected.assertSameRequests(api.controlPlaneRequests());
            }
        }
    }

    @Test
    void anUnknownVersionOrAVersionOfAnotherWorkerStopsWhereWranglerStops() {
        for (String[] c : new String[][] {
            {"versions-deploy-unknown-version", "versions", "deploy", "99999999-9999-4999-8999-999999999999"},
            {"versions-deploy-other-worker", "versions", "deploy", "55555555-5555-4555-8555-555555555555"},
            {"rollback-unknown-version", "rollback", "99999999-9999-4999-8999-999999999999"},
        }) {
            Recording recording = Recording.load(c[0]);
            try (FakeCloudflareApi api = recording.startFake()) {
                Deployment before = current(api);
                assertEquals(
                        ExitCodes.INVALID_INPUT,
                        run(recording, api, java.util.Arrays.copyOfRange(c, 1, c.length))
                                .code(),
                        c[0]);
                recording.assertSameRequests(api.controlPlaneRequests());
                assertEquals(before, current(api), c[0] + ": nothing changed");
                assertTrue(run.err().contains("(the API answered 100146: not found)"), run.err());
            }
        }
    }

    @Test
    void splitsWranglerRefusesAfterItsReadsAreRefusedBeforeAnyRequest() {
        for (String[] c : new String[][] {
            {"versions-deploy-bad-percentages", V3 + "@90%", V4 + "@20%"},
            {"versions-deploy-three-versions", V1 + "@50%", V3 + "@30%", V4 + "@20%"},
        }) {
            Recording recording = Recording.load(c[0]);
            assertEquals(1, recording.exitCode(), "wrangler refused it too");
            assertTrue(recording.requests().stream().noneMatch(r -> r.method().equals("POST")));
            try (FakeCloudflareApi api = recording.startFake()) {
                List<String> args = new ArrayList<>(List.of("versions", "deploy"));
                args.addAll(List.of(c).subList(1, c.length));
                assertEquals(
                        ExitCodes.INVALID_INPUT,
                        run(recording, api, args.toArray(String[]::new)).code());
                assertEquals(List.of(), api.controlPlaneRequests(), c[0]);
            }
        }
    }
}
