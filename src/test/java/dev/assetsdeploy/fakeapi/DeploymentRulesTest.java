package dev.assetsdeploy.fakeapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Versions and deployments as the fake keeps them, and the deployments it refuses. */
class DeploymentRulesTest {

    static final String V1 = "11111111-1111-4111-8111-111111111111";
    static final String V2 = "22222222-2222-4222-8222-222222222222";
    static final String V3 = "33333333-3333-4333-8333-333333333333";
    static final String OTHERS = "55555555-5555-4555-8555-555555555555";
    static final String NOT_FOUND =
            "The requested Worker version could not be found, please check the ID being passed and try again.";

    FakeCloudflareApi api;
    FakeClient client;

    @BeforeEach
    void start() {
        api = FakeCloudflareApi.start();
        client = new FakeClient(api);
        api.workers()
                .addWorker("site")
                .version(V1, v -> v.message("initial"))
                .version(V2, v -> v.tag("v1.2.1"))
                .version(V3)
                .deployment(V1)
                .deployment(V2);
        api.workers().addWorker("other").version(OTHERS).deployment(OTHERS);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    FakeClient.Answer deploy(String body) {
        return client.json("POST", client.account("/workers/scripts/site/deployments"), body);
    }

    static String split(String a, String pa, String b, String pb) {
        return "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + a + "\",\"percentage\":" + pa
                + "},{\"version_id\":\"" + b + "\",\"percentage\":" + pb + "}]}";
    }

    static String single(String id) {
        return "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + id + "\",\"percentage\":100}],"
                + "\"annotations\":{\"workers/message\":\"m\"},\"code_update_strategy\":{\"mode\":\"deferred\","
                + "\"max_delay\":300}}";
    }

    @Test
    void aSplitDeploymentBecomesTheCurrentOneNewestFirst() {
        FakeClient.Answer answer = deploy(split(V2, "90", V3, "10"));
        assertEquals("200", answer.line());
        List<Deployment> deployments = api.workers().worker("site").deployments();
        assertEquals(3, deployments.size());
        assertEquals(
                List.of(new Deployment.Share(V2, 90), new Deployment.Share(V3, 10)),
                deployments.get(0).versions());
        assertEquals(
                "[{\"version_id\":\"" + V2 + "\",\"percentage\":90},{\"version_id\":\"" + V3 + "\",\"percentage\":10}]",
                client.get(client.account("/workers/scripts/site/deployments"))
                        .result()
                        .getAsJsonObject()
                        .getAsJsonArray("deployments")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("versions")
                        .toString(),
                "percentages as JavaScript writes them");
        assertEquals("promotion", deployments.get(0).annotation("workers/triggered_by"));
        assertEquals(List.of(), api.problems());
    }

    @Test
    void anOlderVersionAloneIsARollbackWithItsMessage() {
        assertEquals("200", deploy(single(V1)).line());
        Deployment current = api.workers().worker("site").currentDeployment();
        assertEquals("rollback", current.annotation("workers/triggered_by"));
        assertEquals("m", current.annotation("workers/message"));
    }

    @Test
    void theRefusals() {
        List<String> answers = List.of(
                        single("99999999-9999-4999-8999-999999999999"),
                        single(OTHERS),
                        split(V2, "90", V3, "20"),
                        "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + V1 + "\",\"percentage\":50},"
                                + "{\"version_id\":\"" + V2 + "\",\"percentage\":30},{\"version_id\":\"" + V3
                                + "\",\"percentage\":20}]}",
                        "{\"versions\":[{\"version_id\":\"" + V1 + "\",\"percentage\":100}]}",
                        "{\"strategy\":\"linear\",\"versions\":[{\"version_id\":\"" + V1 + "\",\"percentage\":100}]}",
                        split(V2, "50", V2, "50"),
                        "{\"strategy\":\"percentage\",\"versions\":[]}",
                        "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + V1
                                + "\",\"percentage\":\"100\"}]}",
                        single(V1).replace("\"deferred\"", "\"later\""),
                        "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"" + V1
                                + "\",\"percentage\":100}]," + "\"force\":true}")
                .stream()
                .map(body -> deploy(body).line())
                .toList();
        assertEquals(
                List.of(
                        "404 100146 " + NOT_FOUND,
                        "404 100146 " + NOT_FOUND,
                        "400 10021 the percentages of a deployment must add up to 100, got 110",
                        "400 10021 a deployment can have at most 2 versions, got 3",
                        "400 10021 strategy is required (\"percentage\")",
                        "400 10021 strategy must be \"percentage\", got \"linear\"",
                        "400 10021 version " + V2 + " is listed twice",
                        "400 10021 a deployment needs at least one version",
                        "400 10021 each version needs a string version_id and a number percentage: {\"version_id\":\""
                                + V1 + "\",\"percentage\":\"100\"}",
                        "400 10021 code_update_strategy must be {mode: immediate|deferred, max_delay?: 0..86400}:"
                                + " {\"mode\":\"later\",\"max_delay\":300}",
                        "400 10021 unknown deployment field 'force'"),
                answers);
        assertEquals(answers.size(), api.problems().size());
        assertEquals(2, api.workers().worker("site").deployments().size(), "refused deployments change nothing");
    }

    @Test
    void aVersionWhoseSecretsChangedNeedsForce() {
        api.close();
        api = FakeCloudflareApi.start();
        client = new FakeClient(api);
        api.workers()
                .addWorker("site")
                .secrets("API_KEY")
                .deployedVersions(3)
                .secretsChangedSince(firstId(), "API_KEY");
        String body = single(firstId());
        assertEquals(
                "400 10220 Secrets have changed since this version was deployed. The following secrets have changed:"
                        + " API_KEY",
                deploy(body).line());
        assertEquals(
                "200",
                client.json("POST", client.account("/workers/scripts/site/deployments?force=true"), body)
                        .line());
        assertEquals(List.of(), api.problems(), "10220 is an answer the client handles, not a malformed request");
    }

    String firstId() {
        return api.workers().worker("site").versions().get(0).id();
    }

    @Test
    void versionsAreListedNewestFirstAndFoundByIdInTheirWorkerOnly() {
        FakeClient.Answer list = client.get(client.account("/workers/scripts/site/versions?deployable=true"));
        assertEquals(
                List.of(V3, V2, V1),
                list.result().getAsJsonObject().getAsJsonArray("items").asList().stream()
                        .map(v -> v.getAsJsonObject().get("id").getAsString())
                        .toList());
        FakeClient.Answer one = client.get(client.account("/workers/scripts/site/versions/" + V2));
        assertEquals(
                "v1.2.1",
                one.result()
                        .getAsJsonObject()
                        .getAsJsonObject("annotations")
                        .get("workers/tag")
                        .getAsString());
        assertEquals(2, one.result().getAsJsonObject().get("number").getAsInt());
        assertEquals(
                "404 100146 " + NOT_FOUND,
                client.get(client.account("/workers/scripts/site/versions/" + OTHERS))
                        .line());
        assertEquals(
                "404 10007 workers.api.error.script_not_found",
                client.get(client.account("/workers/scripts/nope/versions")).line());
        assertEquals(
                "404 10007 workers.api.error.script_not_found",
                client.get(client.account("/workers/scripts/nope/deployments")).line());
        assertEquals(
                "404 10007 workers.api.error.script_not_found",
                client.json("POST", client.account("/workers/scripts/nope/deployments"), single(V1))
                        .line());
        assertEquals(1, api.problems().size(), "lookups that find nothing are answers; the POST is refused");
    }
}
