package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiJson;
import java.util.List;
import java.util.Set;

/**
 * What the API says about the Worker before the upload, read as wrangler 4.164 reads it ({@link LiveWorkerReader}).
 *
 * @param exists       the Worker exists (for a dispatch namespace: in that namespace)
 * @param tags         its script tags ({@code GET workers/services}); empty for a new Worker or in a namespace
 * @param migrationTag its Durable Object migration tag, or {@code null}
 * @param secrets      the names of its secrets (read only when the config has bindings a secret could clash with)
 * @param bindings     its current bindings ({@code GET .../settings}, read only for a Worker with code)
 * @param deployment   the versions of its current deployment with their shares (read only when the upload deploys
 *                     an existing Worker's new version); empty when there is none
 */
public record LiveWorker(
        boolean exists,
        List<String> tags,
        String migrationTag,
        Set<String> secrets,
        List<JsonObject> bindings,
        List<Traffic> deployment) {

    /**
     * One version of the current deployment.
     *
     * @param tag     its {@code workers/tag} annotation, or {@code null}
     * @param message its {@code workers/message} annotation, or {@code null}
     */
    public record Traffic(String versionId, double percentage, String tag, String message) {}

    public LiveWorker {
        tags = List.copyOf(tags);
        secrets = Set.copyOf(secrets);
        bindings = bindings.stream().map(JsonObject::deepCopy).toList();
        deployment = List.copyOf(deployment);
    }

    @Override
    public List<JsonObject> bindings() {
        return bindings.stream().map(JsonObject::deepCopy).toList();
    }

    /** The live binding of that type and name, or {@code null}. */
    public JsonObject binding(String type, String name) {
        for (JsonObject binding : bindings) {
            if (type.equals(ApiJson.string(binding, "type")) && name.equals(ApiJson.string(binding, "name"))) {
                return binding.deepCopy();
            }
        }
        return null;
    }
}
