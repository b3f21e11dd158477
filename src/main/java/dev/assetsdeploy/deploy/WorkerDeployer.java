package dev.assetsdeploy.deploy;

import static dev.assetsdeploy.api.ApiJson.isTrue;
import static dev.assetsdeploy.api.ApiJson.object;
import static dev.assetsdeploy.api.ApiJson.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.MultipartBody;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads the Worker (phase 3 of the protocol) the way its {@link Preflight} planned: a {@code PUT}, or a new version
 * deployed at 100 % with its script settings, or a version alone; then the service tags when they change.
 */
public final class WorkerDeployer {

    static final String STEP = "deploy Worker";
    static final String VERSION_STEP = "upload Worker version";
    static final String DEPLOYMENT_STEP = "deploy the new version";
    static final String SETTINGS_STEP = "update script settings";

    /** The API's "an inherit binding names nothing the previous version has". */
    private static final int INVALID_INHERIT = 10057;

    private static final Pattern INHERIT_NAME = Pattern.compile("inherit binding '(.+?)' is invalid");

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

    public DeployResult deploy(
            PreparedWorker worker, AssetsSource assets, Preflight preflight, DeployWarnings warnings) {
        DeployPlan plan = preflight.plan();
        JsonObject migrations = plan instanceof DeployPlan.PutScript put ? put.migrations() : null;
        WorkerUpload upload = worker.upload(assets, plan.uploadKind(), preflight.inherited(), migrations);
        DeployTarget target = worker.target();
        boolean isPut = plan instanceof DeployPlan.PutScript;
        JsonObject result = send(upload, worker);
        // What the answer says is printed: without our secrets, whatever the server sent.
        String versionId = api.scrub(hyphenated(string(result, isPut ? "deployment_id" : "id")));
        if (!isPut && versionId == null) {
            throw new AssetsDeployException(
                    AssetsDeployException.Kind.API_REFUSED,
                    VERSION_STEP + ": the API reported success but gave no version id; check the Worker's versions"
                            + " in the dashboard");
        }
        String etag = api.scrub(isPut ? string(result, "etag") : etagOfVersion(result));
        JsonElement startup = result == null ? null : result.get("startup_time_ms");
        Long startupMs = startup != null && startup.isJsonPrimitive() ? startup.getAsLong() : null;
        List<String> tags = ScriptSettingsPatch.nextTags(
                preflight.live().tags(), worker.config().settings().serviceTags());
        String deploymentId = null;
        if (plan instanceof DeployPlan.DeployVersion) {
            deploymentId = deployVersion(worker, versionId);
            patchSettings(worker, versionId, tags);
        } else if (target.dispatchNamespace() == null
                && !tags.equals(preflight.live().tags())) {
            // wrangler PATCHes a dispatch namespace Worker's tags on the account Worker of that name: we leave them
            patchTags(worker, tags, warnings);
        }
        return new DeployResult(
                target,
                versionId,
                etag,
                startupMs,
                !preflight.live().exists(),
                deploymentId,
                plan.uploadKind() == UploadKind.VERSION && hasPreview(result));
    }

    private JsonObject send(WorkerUpload upload, PreparedWorker worker) {
        String step = upload.kind() == UploadKind.SCRIPT ? STEP : VERSION_STEP;
        ApiRequest request = new ApiRequest(step, upload.method(), upload.path(api.paths()), null, null)
                .multipart(form(upload, boundary));
        try {
            return api.call(request).resultObject();
        } catch (ApiException e) {
            throw missingSecrets(e, worker);
        }
    }

    /** wrangler's {@code handleMissingSecretsError}: a required secret the Worker does not have, said as such. */
    private static ApiException missingSecrets(ApiException e, PreparedWorker worker) {
        if (!e.hasCode(INVALID_INHERIT)) {
            return e;
        }
        List<String> missing = e.errors().stream()
                .map(error -> INHERIT_NAME.matcher(error.message()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .filter(worker.config().bindings().requiredSecrets()::contains)
                .toList();
        if (missing.isEmpty()) {
            return e;
        }
        return saying(
                e,
                "secrets.required lists " + String.join(", ", missing) + ", but "
                        + worker.target().describe()
                        + " has no such secret: set "
                        + Preflight.secretPut(missing, worker.target().scriptName())
                        + " (or remove " + (missing.size() == 1 ? "it" : "them")
                        + " from secrets.required), then deploy again");
    }

    private String deployVersion(PreparedWorker worker, String versionId) {
        DeploymentRequest deployment = DeploymentRequest.whole(
                versionId,
                worker.annotations().message(),
                worker.config().settings().effectiveCodeUpdateStrategy());
        ApiRequest request = deployment.request(api.paths(), worker.target().scriptName(), false);
        try {
            return string(api.call(request.step(DEPLOYMENT_STEP)).resultObject(), "id");
        } catch (ApiException e) {
            throw saying(
                    e,
                    e.getMessage() + " (version " + versionId + " is uploaded but not deployed: deploy it with"
                            + " `assets-deploy versions deploy " + versionId + " --script "
                            + worker.target().scriptName() + "`, or run the deploy again)");
        }
    }

    /**
     * The settings that are not versioned. wrangler only warns when this fails; here it fails the command, because
     * observability, logpush or tail consumers the config asks for would silently not apply.
     */
    private void patchSettings(PreparedWorker worker, String versionId, List<String> tags) {
        JsonObject body = ScriptSettingsPatch.afterNewVersion(worker.config().settings(), tags);
        try {
            api.call(ApiRequest.patch(
                            SETTINGS_STEP,
                            api.paths().scriptSettings(worker.target().scriptName()))
                    .json(body));
        } catch (ApiException e) {
            throw saying(
                    e,
                    e.getMessage() + " (version " + versionId + " is deployed, but its script settings"
                            + " (observability, logpush, tail consumers, tags) are not: run the deploy again)");
        }
    }

    /** The same failure, final, with {@code message} (the retries are over by now). */
    private static ApiException saying(ApiException e, String message) {
        return new ApiException(e.kind(), e.step(), e.status(), false, null, message, e, e.errors());
    }

    /** wrangler's warning when the tags cannot be set: they only group the Worker with its environments. */
    private void patchTags(PreparedWorker worker, List<String> tags, DeployWarnings warnings) {
        try {
            api.call(ApiRequest.patch(
                            SETTINGS_STEP,
                            api.paths().scriptSettings(worker.target().scriptName()))
                    .json(ScriptSettingsPatch.tagsOnly(tags)));
        } catch (ApiException e) {
            warnings.warn("could not set the service and environment tags of "
                    + worker.target().describe() + " (" + e.detail()
                    + "): the dashboard will not group it with its sibling environments");
        }
    }

    /**
     * The multipart body: {@code metadata} first, then the modules in order (wrangler's part order).
     * {@code boundary} {@code null} means a random one.
     */
    static MultipartBody form(WorkerUpload upload, String boundary) {
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
        return string(object(object(result, "resources"), "script"), "etag");
    }

    private static boolean hasPreview(JsonObject result) {
        return isTrue(object(result, "metadata"), "has_preview");
    }

    /** wrangler's {@code parseNonHyphenedUuid}: the API may give a version id as 32 hex digits without hyphens. */
    public static String hyphenated(String id) {
        if (id == null || id.contains("-") || id.length() != 32) {
            return id;
        }
        return id.substring(0, 8) + "-" + id.substring(8, 12) + "-" + id.substring(12, 16) + "-" + id.substring(16, 20)
                + "-" + id.substring(20);
    }
}
