package dev.assetsdeploy.versions;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.live.WireMockApi.error;
import static dev.assetsdeploy.live.WireMockApi.ok;
import static dev.assetsdeploy.versions.SeedVersions.V1;
import static dev.assetsdeploy.versions.SeedVersions.V2;
import static dev.assetsdeploy.versions.SeedVersions.V3;
import static dev.assetsdeploy.versions.SeedVersions.V4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import dev.assetsdeploy.live.WireMockApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The requests of versions deploy and rollback, and what they do with the API's refusals (WireMock). */
class RolloutsTest {

    static final String SCRIPT = "/client/v4/accounts/acc1/workers/scripts/site";
    static final String BODY_TAIL = "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300}}";

    final WireMockApi api = new WireMockApi();
    final Rollouts rollouts =
            new Rollouts(api.client, new WorkerVersions(api.client, "site"), CodeUpdateStrategy.DEFAULT);

    @AfterEach
    void close() {
        api.close();
    }

    static String deployment(String id, String created, String... shares) {
        StringBuilder versions = new StringBuilder();
        for (int i = 0; i < shares.length; i += 2) {
            versions.append(i == 0 ? "" : ",")
                    .append("{\"version_id\":\"")
                    .append(shares[i])
                    .append("\",\"percentage\":")
                    .append(shares[i + 1])
                    .append('}');
        }
        return "{\"id\":\"" + id + "\",\"created_on\":\"" + created + "\",\"source\":\"wrangler\","
                + "\"strategy\":\"percentage\",\"versions\":[" + versions + "]}";
    }

    void deployments(String... deployments) {
        api.server.stubFor(get(SCRIPT + "/deployments")
                .willReturn(ok("{\"deployments\":[" + String.join(",", deployments) + "]}")));
    }

    void versionsExist(String... ids) {
        for (String id : ids) {
            api.server.stubFor(get(SCRIPT + "/versions/" + id)
                    .willReturn(ok("{\"id\":\"" + id + "\",\"number\":1,\"metadata\":{\"created_on\":"
                            + "\"2025-06-01T12:00:00Z\",\"has_preview\":true}}")));
        }
    }

    void deploymentAccepted() {
        api.server.stubFor(post(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site/deployments"))
                .willReturn(ok(deployment("new", "2025-06-01T12:09:00Z", V3, "90", V4, "10"))));
    }

    @Test
    void aSplitChecksEachVersionThenPostsWranglersBody() {
        deployments(deployment("d3", "2025-06-01T12:08:00Z", V3, "100"));
        versionsExist(V3, V4);
        deploymentAccepted();

        Rollout rollout = rollouts.deploy(TrafficSplit.parse(List.of(V3 + "@90%", V4 + "@10%")), "canary");

        assertEquals(
                List.of(
                        "GET /accounts/acc1/workers/scripts/site/deployments",
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V3,
                        "GET /accounts/acc1/workers/scripts/site/versions/" + V4,
                        "POST /accounts/acc1/workers/scripts/site/deployments {\"strategy\":\"percentage\",\"versions\":"
                                + "[{\"version_id\":\"" + V3 + "\",\"percentage\":90},{\"version_id\":\"" + V4
                                + "\",\"percentage\":10}],\"annotations\":{\"workers/message\":\"canary\"},"
                                + BODY_TAIL),
                api.requests());
        assertEquals("d3", rollout.previous().id());
        assertEquals("new", rollout.deployment().id());
        assertEquals(java.util.Set.of(V3, V4), rollout.versions().keySet());
    }

    @Test
    void withoutAMessageTheAnnotationIsEmptyAsWranglerSendsIt() {
        deployments();
        versionsExist(V4);
        deploymentAccepted();
        Rollout rollout = rollouts.deploy(TrafficSplit.parse(List.of(V4)), null);
        assertEquals(null, rollout.previous());
        assertTrue(
                api.requests().get(2).contains("\"annotations\":{\"workers/message\":\"\"}"),
                api.requests().get(2));
    }

    @Test
    void anUnknownVersionStopsBeforeTheDeployment() {
        deployments(deployment("d3", "2025-06-01T12:08:00Z", V3, "100"));
        versionsExist(V3);
        api.server.stubFor(get(SCRIPT + "/versions/" + V2)
                .willReturn(error(
                        404,
                        100146,
                        "The requested Worker version could not be found, please check the ID being passed and try"
                                + " again.")));
        assertFails(
                Kind.INVALID_INPUT,
                "version " + V2 + " is not a version of Worker site (the API answered 100146: not found);"
                        + " `assets-deploy versions list --script site` shows the ones it has",
                () -> rollouts.deploy(TrafficSplit.parse(List.of(V3 + "@50", V2 + "@50")), null));
        assertTrue(
                api.requests().stream().noneMatch(r -> r.startsWith("POST")),
                api.requests().toString());
    }

    @Test
    void anUnknownWorkerIsBadInput() {
        api.server.stubFor(
                get(SCRIPT + "/deployments").willReturn(error(404, 10007, "workers.api.error.script_not_found")));
        assertFails(
                Kind.INVALID_INPUT,
                "Worker site does not exist in this account (the API answered 10007): check --script or the config's"
                        + " name, or deploy it first with `assets-deploy all`",
                () -> rollouts.rollback(null, null, (version, names) -> {}));
    }

    @Test
    void rollbackByDefaultGoesToTheVersionBeforeTheCurrentOne() {
        deployments(
                deployment("d3", "2025-06-01T12:08:00Z", V3, "100"),
                deployment("d1", "2025-06-01T12:06:00Z", V1, "100"),
                deployment("d2", "2025-06-01T12:07:00Z", V2, "100"));
        versionsExist(V3, V2);
        deploymentAccepted();

        rollouts.rollback(null, "bad release", (version, names) -> {});

        assertEquals(
                "POST /accounts/acc1/workers/scripts/site/deployments {\"strategy\":\"percentage\",\"versions\":"
                        + "[{\"version_id\":\"" + V2 + "\",\"percentage\":100}],\"annotations\":{\"workers/message\":"
                        + "\"bad release\"}," + BODY_TAIL,
                api.requests().get(3));
    }

    @Test
    void changedSecretsAreNamedThenTheRollbackIsForced() {
        deployments(deployment("d3", "2025-06-01T12:08:00Z", V3, "100"));
        versionsExist(V3, V1);
        api.server.stubFor(post(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site/deployments"))
                .willReturn(error(
                        400,
                        10220,
                        "Secrets have changed since this version was deployed. The following secrets have changed:"
                                + " API_KEY, DB_PASSWORD")));
        api.server.stubFor(post(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site/deployments?force=true"))
                .willReturn(ok(deployment("forced", "2025-06-01T12:09:00Z", V1, "100"))));
        List<String> heard = new ArrayList<>();

        Rollout rollout = rollouts.rollback(V1, null, (version, names) -> {
            assertEquals(V1, version);
            heard.addAll(names);
            assertEquals(4, api.requests().size(), "told before the forced request");
        });

        assertEquals(List.of("API_KEY", "DB_PASSWORD"), heard);
        assertEquals(List.of("API_KEY", "DB_PASSWORD"), rollout.changedSecrets());
        assertTrue(rollout.forced());
        assertEquals("forced", rollout.deployment().id());
        List<String> requests = api.requests();
        String body = "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + V1 + "\",\"percentage\":100}],"
                + "\"annotations\":{\"workers/message\":\"Rollback\"}," + BODY_TAIL;
        assertEquals("POST /accounts/acc1/workers/scripts/site/deployments " + body, requests.get(3));
        assertEquals("POST /accounts/acc1/workers/scripts/site/deployments?force=true " + body, requests.get(4));
    }

    @Test
    void otherRefusalsOfTheDeploymentAreNotRetriedNorForced() {
        deployments(deployment("d3", "2025-06-01T12:08:00Z", V3, "100"));
        versionsExist(V3, V1);
        api.server.stubFor(post(urlEqualTo("/client/v4/accounts/acc1/workers/scripts/site/deployments"))
                .willReturn(error(500, 10013, "An unknown error has occurred.")));
        ApiException e = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class, () -> rollouts.rollback(V1, null, (version, names) -> {}));
        assertEquals(Kind.NETWORK, e.kind());
        assertEquals(
                1,
                api.server.findAll(WireMock.postRequestedFor(WireMock.anyUrl())).size());
    }

    @Test
    void theSecretNamesComeFromTheApisMessage() {
        assertEquals(
                List.of("API_KEY"),
                Rollouts.changedSecrets("deploy version: HTTP 400: 10220: Secrets have changed since this version was"
                        + " deployed. The following secrets have changed: API_KEY"));
        assertEquals(
                List.of("A", "B"),
                Rollouts.changedSecrets("x: 10220: The following secrets have changed: A, B; 10001: other"));
        assertEquals(List.of(), Rollouts.changedSecrets("x: 10220: secrets changed"));
    }
}
