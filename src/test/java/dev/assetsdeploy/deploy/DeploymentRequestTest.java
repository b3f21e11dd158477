package dev.assetsdeploy.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The deployment bodies wrangler 4.164 sent (recordings bindings-redeploy-existing, versions-deploy-split, ...). */
class DeploymentRequestTest {

    private static final ApiPaths PATHS = ApiPaths.forAccount("acc1");

    @Test
    void deployOfAnExistingWorker() {
        ApiRequest request = DeploymentRequest.whole(
                        "741a02df-85f0-51c2-a8d5-788a4ed47867", null, CodeUpdateStrategy.DEFAULT)
                .request(PATHS, "site", false);
        assertEquals("POST /accounts/acc1/workers/scripts/site/deployments", request.method() + " " + request.path());
        assertEquals(
                "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"741a02df-85f0-51c2-a8d5-788a4ed47867\","
                        + "\"percentage\":100}],\"annotations\":{},\"code_update_strategy\":{\"mode\":\"deferred\","
                        + "\"max_delay\":300}}",
                Json.compact(((ApiRequest.JsonBody) request.body()).json()));
    }

    @Test
    void aSplitWithAMessage() {
        DeploymentRequest split = new DeploymentRequest(
                List.of(
                        new DeploymentRequest.Traffic("33333333-3333-4333-8333-333333333333", 90),
                        new DeploymentRequest.Traffic("44444444-4444-4444-8444-444444444444", 10)),
                "canary",
                CodeUpdateStrategy.DEFAULT);
        assertEquals(
                "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"33333333-3333-4333-8333-333333333333\","
                        + "\"percentage\":90},{\"version_id\":\"44444444-4444-4444-8444-444444444444\",\"percentage\":10}],"
                        + "\"annotations\":{\"workers/message\":\"canary\"},"
                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300}}",
                Json.compact(split.body()));
    }

    @Test
    void aForcedRollbackWithAnEmptyMessageAndAnImmediateStrategy() {
        ApiRequest request = DeploymentRequest.whole("v1", "", new CodeUpdateStrategy(true, 5))
                .request(PATHS, "site", true);
        assertEquals(
                "/accounts/acc1/workers/scripts/site/deployments?force=true",
                request.path().text());
        assertEquals(
                "{\"strategy\":\"percentage\",\"versions\":[{\"version_id\":\"v1\",\"percentage\":100}],"
                        + "\"annotations\":{\"workers/message\":\"\"},\"code_update_strategy\":{\"mode\":\"immediate\"}}",
                Json.compact(((ApiRequest.JsonBody) request.body()).json()));
    }

    @Test
    void aFractionalDelayStaysFractional() {
        assertEquals(
                "{\"mode\":\"deferred\",\"max_delay\":60.5}",
                Json.compact(DeploymentRequest.json(new CodeUpdateStrategy(false, 60.5))));
    }
}
