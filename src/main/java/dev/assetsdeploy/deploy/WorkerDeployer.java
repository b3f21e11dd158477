package dev.assetsdeploy.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.MultipartBody;
import java.io.IOException;

/** Sends a {@link WorkerUpload} (phase 3 of the protocol) and reads what the API answered. */
public final class WorkerDeployer {

    static final String STEP = "deploy Worker";
    static final String VERSION_STEP = "upload Worker version";

    private final ApiClient api;
    private final String boundary;

    public WorkerDeployer(ApiClient api) {
        this(api, null);
    }

    /** With a fixed multipart boundary (tests), or {@code null} for a random one. */
    public WorkerDeployer(ApiClient api, String boundary) {
        this.api = api;
        this.boundary = boundary;
    }

    public DeployResult deploy(WorkerUpload upload) {
        DeployTarget target = upload.target();
        String step = target.versionOnly() ? VERSION_STEP : STEP;
        ApiRequest request = new ApiRequest(step, target.method(), target.path(api.paths()), null, null)
                .multipart(form(upload, boundary));
        JsonObject result = api.call(request).resultObject();
        // What the answer says is printed: without our secrets, whatever the server sent.
        String versionId = api.scrub(hyphenated(string(result, target.versionOnly() ? "id" : "deployment_id")));
        if (target.versionOnly() && versionId == null) {
            throw new AssetsDeployException(
                    AssetsDeployException.Kind.API_REFUSED,
                    step
                            + ": the API reported success but gave no version id; check the Worker's versions in the dashboard");
        }
        String etag = api.scrub(target.versionOnly() ? etagOfVersion(result) : string(result, "etag"));
        JsonElement startup = result == null ? null : result.get("startup_time_ms");
        Long startupMs = startup != null && startup.isJsonPrimitive() ? startup.getAsLong() : null;
        return new DeployResult(target, versionId, etag, startupMs);
    }

    /**
     * The multipart body: {@code metadata} first, then the modules in order (wrangler's part order).
     * {@code boundary} {@code null} means a random one.
     */
    public static MultipartBody form(WorkerUpload upload, String boundary) {
        MultipartBody.Builder form = MultipartBody.builder();
        if (boundary != null) {
            form.boundary(boundary);
        }
        form.field("metadata", Json.compact(upload.metadata()));
        for (WorkerModule module : upload.modules()) {
            try {
                form.part(
                        module.name(),
                        module.name(),
                        module.contentType(),
                        MultipartBody.Content.ofFile(module.file()));
            } catch (IOException e) {
                throw AssetsDeployException.invalidInput(
                        "cannot read module " + module.file() + ": " + e.getMessage(), e);
            }
        }
        return form.build();
    }

    private static String etagOfVersion(JsonObject result) {
        if (result == null
                || !(result.get("resources") instanceof JsonObject resources)
                || !(resources.get("script") instanceof JsonObject script)) {
            return null;
        }
        return string(script, "etag");
    }

    private static String string(JsonObject object, String field) {
        if (object == null) {
            return null;
        }
        JsonElement value = object.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    /** wrangler's {@code parseNonHyphenedUuid}: the API may give a version id as 32 hex digits without hyphens. */
    static String hyphenated(String id) {
        if (id == null || id.contains("-") || id.length() != 32) {
            return id;
        }
        return id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-" + id.substring(16, 20)
                + "-" + id.substring(20);
    }
}
