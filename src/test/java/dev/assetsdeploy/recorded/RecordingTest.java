package dev.assetsdeploy.recorded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.WorkerSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recordings helper: loading, seeding the fake, writing the project, and comparing requests. */
class RecordingTest {

    private static final String BOUNDARY = "----ours-7c1d";

    /** A recorded request as our tool would have sent it (other standard headers, another boundary). */
    static ControlPlaneRequest asOurs(RecordedExchange r) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1:1234"));
        headers.put("user-agent", List.of("assets-deploy/test"));
        headers.put("authorization", List.of("Bearer secret"));
        r.headers(BOUNDARY).forEach((k, v) -> headers.put(k, List.of(v)));
        return new ControlPlaneRequest(
                r.method(), r.path(), r.query(), headers, r.body(BOUNDARY), r.status(), r.response());
    }

    static List<ControlPlaneRequest> asOurs(Recording recording) {
        return new ArrayList<>(
                recording.requests().stream().map(RecordingTest::asOurs).toList());
    }

    static ControlPlaneRequest withBody(ControlPlaneRequest r, String body) {
        return new ControlPlaneRequest(
                r.method(),
                r.path(),
                r.query(),
                r.headers(),
                body.getBytes(StandardCharsets.UTF_8),
                r.status(),
                r.response());
    }

    @Test
    void theRecordedRequestsSentAgainAreTheSame() {
        for (String name : Recording.names()) {
            Recording recording = Recording.load(name);
            assertNull(recording.difference(asOurs(recording)), name);
        }
    }

    @Test
    void aDifferentBodyIsShownAsADiffOfTheFirstDifferingRequest() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ours.set(
                4,
                withBody(
                        ours.get(4),
                        "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":"
                                + "\"741a02df-85f0-51c2-a8d5-788a4ed47867\",\"percentage\":50}],\"annotations\":{},"
                                + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300}}"));
        String difference = recording.difference(ours);
        assertTrue(
                difference.startsWith("recording redeploy-existing: request #5 of ours differs from wrangler's #5\n"
                        + "--- wrangler (recorded)\n+++ ours\n"),
                difference);
        assertTrue(difference.contains("\n-         \"percentage\": 100\n+         \"percentage\": 50\n"), difference);
        assertTrue(
                difference.matches("(?s).*\n!  5  POST /accounts/acc1/workers/scripts/site/deployments +POST"
                        + " /accounts/acc1/workers/scripts/site/deployments\n.*"),
                difference);
    }

    @Test
    void anOrderFreeGroupsAnswersAreLearntForTheRequestsAfterIt() {
        Recording recording = Recording.load("triggers-all");
        List<ControlPlaneRequest> ours = asOurs(recording);
        String token = "eyJhbGciOiJIUzI1NiJ9.eyJvdXJzIjp0cnVlfQ.b3Vycw";
        // the settings read before the upload session, which hands out another completion token than the recorded one
        ControlPlaneRequest session = ours.get(2);
        ControlPlaneRequest settings = ours.get(3);
        ours.set(2, settings);
        ours.set(
                3,
                new ControlPlaneRequest(
                        session.method(),
                        session.path(),
                        session.query(),
                        session.headers(),
                        session.body(),
                        session.status(),
                        JsonParser.parseString(session.response().toString().replace("COMPLETION.JWT.TOKEN", token))
                                .getAsJsonObject()));
        ControlPlaneRequest upload = ours.get(4);
        ours.set(
                4,
                new ControlPlaneRequest(
                        upload.method(),
                        upload.path(),
                        upload.query(),
                        upload.headers(),
                        new String(upload.body(), StandardCharsets.UTF_8)
                                .replace("COMPLETION.JWT.TOKEN", token)
                                .getBytes(StandardCharsets.UTF_8),
                        upload.status(),
                        upload.response()));
        assertNull(recording
                .inAnyOrder(
                        "the settings are read first",
                        "GET /accounts/acc1/workers/scripts/site/settings",
                        "POST /accounts/acc1/workers/scripts/site/assets-upload-session")
                .difference(ours));
    }

    @Test
    void theAssetsManifestMayListItsFilesInAnyOrder() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ours.set(
                2,
                withBody(
                        ours.get(2),
                        "{\"manifest\":{\"/index.html\":{\"hash\":\"2f626656e5286779b07f894aebfe3b8c\",\"size\":61},"
                                + "\"/404.html\":{\"hash\":\"ee6cb5d1c4b51bd45b31aff25ff0a989\",\"size\":60}}}"));
        assertNull(recording.difference(ours));
    }

    @Test
    void keyOrderCounts() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ours.set(5, withBody(ours.get(5), "{\"tags\":[],\"observability\":{\"enabled\":false}}"));
        assertTrue(recording.difference(ours).contains("request #6 of ours differs"));
    }

    @Test
    void idsTheFakeHandsOutAreMatchedThroughItsAnswers() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ControlPlaneRequest version = ours.get(3);
        JsonObject answer = version.response().deepCopy();
        answer.getAsJsonObject("result").addProperty("id", "0badc0de-0000-4000-8000-000000000001");
        ours.set(
                3,
                new ControlPlaneRequest(
                        version.method(),
                        version.path(),
                        version.query(),
                        version.headers(),
                        version.body(),
                        200,
                        answer));
        ours.set(
                4,
                withBody(
                        ours.get(4),
                        ours.get(4)
                                .bodyText()
                                .replace(
                                        "741a02df-85f0-51c2-a8d5-788a4ed47867",
                                        "0badc0de-0000-4000-8000-000000000001")));
        assertNull(recording.difference(ours));
        ours.set(4, withBody(ours.get(4), ours.get(4).bodyText().replace("0badc0de", "1badc0de")));
        assertTrue(recording.difference(ours).contains("request #5 of ours differs"));
    }

    @Test
    void aMissingOrAnExtraRequestIsADifference() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ControlPlaneRequest last = ours.remove(ours.size() - 1);
        String missing = recording.difference(ours);
        assertTrue(missing.contains("request (missing) of ours differs from wrangler's #8"), missing);
        assertTrue(missing.contains("+ (no more requests)"), missing);
        ours.add(last);
        ours.add(last);
        assertTrue(recording.difference(ours).contains("- (no more requests)"));
    }

    @Test
    void theHeadersTheClientSetsAreCompared() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ControlPlaneRequest subdomain = ours.get(7);
        Map<String, List<String>> headers = new LinkedHashMap<>(subdomain.headers());
        headers.remove("cloudflare-workers-script-api-date");
        ours.set(
                7,
                new ControlPlaneRequest(
                        subdomain.method(),
                        subdomain.path(),
                        subdomain.query(),
                        headers,
                        subdomain.body(),
                        subdomain.status(),
                        subdomain.response()));
        assertTrue(recording.difference(ours).contains("\n- header cloudflare-workers-script-api-date: 2025-08-01\n"));
    }

    @Test
    void aSkippedRequestIsLeftOutAndNamedWithItsReason() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ours.remove(1);
        Recording skipping =
                recording.skipping("GET /accounts/acc1/workers/scripts/site/deployments", "we read deployments later");
        assertNull(skipping.difference(ours));
        ours.remove(ours.size() - 1);
        assertTrue(skipping.difference(ours)
                .contains("skipped (wrangler sends it, we do not): GET /accounts/acc1/workers/scripts/site/deployments:"
                        + " we read deployments later"));
    }

    @Test
    void exclusionsMustMatchAndSayWhy() {
        Recording recording = Recording.load("redeploy-existing");
        assertEquals(
                "redeploy-existing has no request GET /accounts/acc1/workers/scripts/site/settings to skip",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> recording.skipping(
                                        "GET /accounts/acc1/workers/scripts/site/settings", "not recorded"))
                        .getMessage());
        assertEquals(
                "say why: the reason is part of the test",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> recording.skipping("GET /accounts/acc1/workers/services/site", " "))
                        .getMessage());
        assertEquals(
                "a request is named \"METHOD /path[?query]\", got \"/accounts\"",
                assertThrows(IllegalArgumentException.class, () -> recording.skipping("/accounts", "no method"))
                        .getMessage());
        String stale = recording
                .ignoringOurs("GET /accounts/acc1/workers/subdomain", "we check the subdomain first")
                .difference(asOurs(recording));
        assertEquals(
                "recording redeploy-existing: ignoringOurs(\"GET /accounts/acc1/workers/subdomain\") matched none of"
                        + " our requests: remove it (we check the subdomain first)",
                stale);
    }

    @Test
    void ourOwnRequestsCanBeIgnored() {
        Recording recording = Recording.load("redeploy-existing");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ours.add(1, asOurs(Recording.load("new-assets-only").requests().get(1)));
        assertFalse(recording.difference(ours) == null);
        assertNull(recording
                .ignoringOurs("GET /accounts/acc1/workers/subdomain", "we check the subdomain first")
                .difference(ours));
    }

    @Test
    void anOrderFreeGroupMayComeInAnyOrder() {
        Recording recording = Recording.load("triggers-all");
        List<ControlPlaneRequest> ours = asOurs(recording);
        ControlPlaneRequest records = ours.remove(ours.size() - 1);
        ours.add(ours.size() - 1, records);
        assertTrue(recording.difference(ours).contains("differs"));
        Recording free = recording.inAnyOrder(
                "wrangler starts them together",
                "PUT /accounts/acc1/workers/scripts/site/schedules",
                "PUT /accounts/acc1/workers/scripts/site/domains/records");
        assertNull(free.difference(ours));
        ours.set(ours.size() - 1, withBody(ours.get(ours.size() - 1), "[]"));
        assertTrue(free.difference(ours).contains("the requests of an order-free group differ"));
    }

    @Test
    void theFakeStartsInTheRecordedState() {
        try (FakeCloudflareApi api = Recording.load("deployments-list").startFake()) {
            assertEquals("acc1", api.settings.accountId);
            WorkerSnapshot site = api.workers().worker("site");
            assertEquals(4, site.versions().size());
            assertEquals(
                    "PR 41",
                    site.version("44444444-4444-4444-8444-444444444444").annotation("workers/message"));
            assertEquals(
                    List.of("33333333-3333-4333-8333-333333333333", "44444444-4444-4444-8444-444444444444"),
                    site.currentDeployment().versions().stream()
                            .map(s -> s.versionId())
                            .toList());
            assertEquals(90.0, site.currentDeployment().versions().get(0).percentage());
            assertTrue(site.workersDev());
            assertEquals(List.of("API_KEY"), site.secrets());
            assertEquals(Optional.of("acme"), api.workers().subdomain());
        }
        try (FakeCloudflareApi api = Recording.load("no-subdomain").startFake()) {
            assertEquals(Optional.empty(), api.workers().subdomain());
            assertFalse(api.workers().exists("site"));
        }
        try (FakeCloudflareApi api =
                Recording.load("redeploy-existing-triggers").startFake()) {
            WorkerSnapshot site = api.workers().worker("site");
            assertEquals(List.of("example.com/old/*"), site.routePatterns());
            assertEquals(2, site.domainNames().size());
            assertEquals(
                    "a1b2c3d4e5f60718293a4b5c6d7e8f90", api.workers().zones().get("example.com"));
        }
    }

    @Test
    void theProjectIsWrittenAsWranglerHadIt(@TempDir Path dir) throws IOException {
        Recording recording = Recording.load("bindings-keep-vars");
        recording.writeProject(dir);
        assertEquals(recording.config(), JsonParser.parseString(Files.readString(dir.resolve("wrangler.json"))));
        assertTrue(Files.isRegularFile(dir.resolve("public/index.html")));
        assertTrue(Files.isRegularFile(dir.resolve("dist/worker.js")));
        Path base = Files.createDirectory(dir.resolve("project-base"));
        Recording.load("t01-bindings-core-new").writeProject(base);
        assertTrue(Files.isRegularFile(base.resolve("public/_headers")));
        assertTrue(Files.isRegularFile(base.resolve("dist/lib/x.mjs")));
        Path assetsOnly = Files.createDirectory(dir.resolve("assets-only"));
        Recording.load("new-assets-only").writeProject(assetsOnly);
        assertFalse(Files.exists(assetsOnly.resolve("dist")));
    }

    @Test
    void recordedRequestsArePickedByName() {
        RecordedExchange put = Recording.load("new-assets-only").requests().stream()
                .filter(Recording.named("PUT /accounts/acc1/workers/scripts/*"))
                .findFirst()
                .orElseThrow();
        assertEquals("excludeScript=true&bindings_inherit=strict", put.query());
        assertEquals("metadata", put.parts().get(0).name());
        assertEquals(
                JsonParser.parseString(
                        "{\"jwt\":\"COMPLETION.JWT.TOKEN\",\"config\":{\"not_found_handling\":\"404-page\"}}"),
                put.parts().get(0).json().getAsJsonObject().get("assets"));
    }

    @Test
    void theCommandLineIsSplitAsTheShellDid() {
        Recording recording = Recording.load("versions-upload-alias");
        assertEquals(
                List.of("versions", "upload", "--preview-alias", "pr-42", "--tag", "v1.2.3", "--message", "PR 42"),
                recording.wranglerArgs());
        assertEquals(0, recording.exitCode());
        assertEquals(1, Recording.load("no-subdomain").exitCode());
        assertFalse(Recording.load("no-subdomain").stderr().contains("\u001b["));
    }
}
