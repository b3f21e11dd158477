package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.CodeUpdateStrategy;
import java.util.List;

/**
 * {@code POST .../scripts/NAME/deployments}: which versions serve the Worker's traffic, in what shares, as wrangler
 * 4.164's {@code createDeployment} sends it: {@code {"strategy": "percentage", "versions": [...], "annotations": {...},
 * "code_update_strategy": {...}}}. {@code deploy} of an existing Worker sends one version at 100 %; {@code versions
 * deploy} up to two; {@code rollback} one at 100 %, forced over changed secrets when the user agrees.
 *
 * @param versions           the versions in the order given, their percentages adding up to 100
 * @param message            the {@code workers/message} annotation; {@code null} sends {@code "annotations": {}}
 * @param codeUpdateStrategy how the Worker's Durable Objects move to the new code (always sent, as wrangler does)
 */
public record DeploymentRequest(List<Traffic> versions, String message, CodeUpdateStrategy codeUpdateStrategy) {

    /** One version and its share of the traffic, in percent. */
    public record Traffic(String versionId, double percentage) {}

    public DeploymentRequest {
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new AssetsDeployException(AssetsDeployException.Kind.INTERNAL, "a deployment needs a version");
        }
    }

    /** One version at 100 %: what {@code deploy} and {@code rollback} send. */
    public static DeploymentRequest whole(String versionId, String message, CodeUpdateStrategy codeUpdateStrategy) {
        return new DeploymentRequest(List.of(new Traffic(versionId, 100)), message, codeUpdateStrategy);
    }

    public JsonObject body() {
        JsonObject body = new JsonObject();
        body.addProperty("strategy", "percentage");
        JsonArray list = new JsonArray();
        for (Traffic traffic : versions) {
            JsonObject version = new JsonObject();
            version.addProperty("version_id", traffic.versionId());
            version.addProperty("percentage", traffic.percentage());
            list.add(version);
        }
        body.add("versions", list);
        JsonObject annotations = new JsonObject();
        if (message != null) {
            annotations.addProperty("workers/message", message);
        }
        body.add("annotations", annotations);
        body.add("code_update_strategy", json(codeUpdateStrategy));
        return body;
    }

    /** The request, {@code force} adding {@code ?force=true} (wrangler's rollback after the API's 10220). */
    public ApiRequest request(ApiPaths paths, String scriptName, boolean force) {
        ApiPath path = force ? paths.workerDeploymentsForced(scriptName) : paths.workerDeployments(scriptName);
        return ApiRequest.post("deploy version", path).json(body());
    }

    /**
     * wrangler's {@code resolveDurableObjectsCodeUpdateStrategy}: {@code {"mode": "immediate"}}, or
     * {@code {"mode": "deferred", "max_delay": seconds}}. The same object goes into a {@code PUT}'s metadata.
     */
    static JsonObject json(CodeUpdateStrategy strategy) {
        JsonObject json = new JsonObject();
        if (strategy.immediate()) {
            json.addProperty("mode", "immediate");
        } else {
            json.addProperty("mode", "deferred");
            json.addProperty("max_delay", strategy.maxDelaySeconds());
        }
        return json;
    }
}
