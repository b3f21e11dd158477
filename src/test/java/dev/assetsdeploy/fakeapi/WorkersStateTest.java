package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding and inspecting the fake's state, its deterministic ids and clock, and the control-plane log. */
class WorkersStateTest {

    FakeCloudflareApi api;
    FakeClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new FakeClient(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void idsAndTimesAreTheRecordingFakesCountersAndClock() {
        assertEquals("2eabd0b0-cd3a-58fa-a804-42a321bfef91", Ids.counted("deployment", 1));
        assertEquals("741a02df-85f0-51c2-a8d5-788a4ed47867", Ids.counted("version", 2));
        assertEquals("44a183a96bb3044b450383edf374bb9f", Ids.hex("tag", "site"));
        api.workers().addWorker("site").deployedVersions(2);
        WorkerSnapshot site = api.workers().worker("site");
        assertEquals(
                List.of(Ids.counted("version", 1), Ids.counted("version", 3)),
                site.versions().stream().map(Version::id).toList());
        assertEquals(
                List.of("2025-06-01T12:05:00.000000Z", "2025-06-01T12:03:00.000000Z"),
                site.deployments().stream().map(Deployment::createdOn).toList(),
                "newest first, one minute per thing created");
        assertEquals("44a183a96bb3044b450383edf374bb9f", site.tag());
    }

    @Test
    void theClockAndCounterCanBeSet() {
        api.workers().now(Instant.parse("2030-01-01T00:00:00Z")).idCounter(41);
        api.workers().addWorker("site").versions(1);
        Version version = api.workers().worker("site").latestVersion();
        assertEquals(Ids.counted("version", 42), version.id());
        assertEquals("2030-01-01T00:02:00.000000Z", version.createdOn());
        api.workers().idCounterAfter(Set.of("x", Ids.counted("deployment", 99)));
        assertEquals(
                Ids.counted("version", 100),
                client.uploadVersion("site", "{\"main_module\":\"worker.js\"}")
                        .result()
                        .getAsJsonObject()
                        .get("id")
                        .getAsString());
    }

    @Test
    void aWorkerIsSeededWithVersionsASplitDeploymentAndItsTriggers() {
        api.workers().zone("example.com").subdomain("team");
        api.workers()
                .addWorker("site")
                .workersDev(true, false)
                .tags("team:web")
                .secrets("API_KEY")
                .version("a", v -> v.message("first").compatibilityFlags("nodejs_compat"))
                .version(
                        "b",
                        v -> v.tag("v2")
                                .alias("pr-7")
                                .bindings("[{\"name\":\"KV\",\"type\":\"kv_namespace\"," + "\"namespace_id\":\"k\"}]"))
                .deployment("a")
                .deployment("a", 60, "b", 40)
                .routes("example.com/*")
                .domains("shop.example.com")
                .schedules("0 * * * *");
        WorkerSnapshot site = api.workers().worker("site");
        assertEquals(
                List.of(new Deployment.Share("a", 60), new Deployment.Share("b", 40)),
                site.currentDeployment().versions());
        assertEquals(
                JsonParser.parseString("[{\"name\":\"ASSETS\",\"type\":\"assets\"},{\"name\":\"API_KEY\","
                        + "\"type\":\"secret_text\"}]"),
                site.version("a").bindings());
        assertEquals("pr-7", site.version("b").annotation("workers/alias"));
        assertEquals(List.of("team:web"), site.tags());
        assertEquals(List.of("example.com/*"), site.routePatterns());
        assertEquals(List.of("shop.example.com"), site.domainNames());
        assertEquals(List.of("0 * * * *"), site.schedules());
        JsonObject worker =
                client.get(client.account("/workers/workers/site")).result().getAsJsonObject();
        assertEquals(
                "https://site.team.workers.dev",
                worker.getAsJsonObject("subdomain").get("url").getAsString());
        assertEquals(
                "2025-06-01T12:01:00.000000Z",
                client.get(client.account("/workers/services/site"))
                        .result()
                        .getAsJsonObject()
                        .get("created_on")
                        .getAsString());
    }

    @Test
    void seedingMistakesFailAtOnce() {
        WorkerSeed site = api.workers().addWorker("site");
        assertThrows(IllegalArgumentException.class, () -> site.deployment("missing"));
        assertThrows(IllegalArgumentException.class, () -> site.routes("example.com/*"));
        assertThrows(IllegalArgumentException.class, () -> api.workers().addWorker("site"));
        assertThrows(AssertionError.class, () -> api.workers().worker("nope"));
    }

    @Test
    void theControlPlaneLogHasEveryRequestInOrderButTheAssetUploads() {
        api.workers().addWorker("site").deployedVersions(1);
        client.get(client.account("/workers/services/site"));
        client.json("PATCH", client.account("/workers/scripts/site/script-settings"), "{\"tags\":[\"x\"]}");
        client.json("POST", client.account("/workers/assets/upload?base64=true"), "{}");
        client.get(client.account("/workers/scripts/site/nothing-here"));
        client.subdomain("site", "{\"enabled\":1}");
        List<ControlPlaneRequest> log = api.controlPlaneRequests();
        assertEquals(
                List.of(
                        "GET /accounts/" + api.settings.accountId + "/workers/services/site 200",
                        "PATCH /accounts/" + api.settings.accountId + "/workers/scripts/site/script-settings 200",
                        "GET /accounts/" + api.settings.accountId + "/workers/scripts/site/nothing-here 404",
                        "POST /accounts/" + api.settings.accountId + "/workers/scripts/site/subdomain 400"),
                log.stream().map(r -> r.line() + " " + r.status()).toList());
        ControlPlaneRequest patch = log.get(1);
        assertEquals("{\"tags\":[\"x\"]}", new String(patch.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", patch.header("Content-Type"));
        assertEquals(
                JsonParser.parseString("[\"x\"]"),
                patch.result().getAsJsonObject().get("tags"));
        assertEquals("2025-08-01", log.get(3).header("cloudflare-workers-script-api-date"));
        assertTrue(
                api.problems()
                        .contains("no such endpoint in the fake: GET /accounts/" + api.settings.accountId
                                + "/workers/scripts/site/nothing-here"),
                api.problems().toString());
    }
}
