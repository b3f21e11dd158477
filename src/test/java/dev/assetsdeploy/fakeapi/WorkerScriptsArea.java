package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Worker uploads: {@code PUT .../scripts/NAME} (in the account or a dispatch namespace: creates the Worker when new,
 * a version, and a deployment of it at 100 %), {@code POST .../scripts/NAME/versions} (a version, not deployed; the
 * Worker must exist), and {@code GET} of a Worker in a dispatch namespace. Each accepted-for-the-account upload is
 * also kept whole in {@link FakeCloudflareApi#workerRequests()}.
 */
final class WorkerScriptsArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)/workers";
    private static final String SCRIPT = ACCOUNT + "/scripts/([^/]+)";
    private static final String NAMESPACED = ACCOUNT + "/dispatch/namespaces/([^/]+)/scripts/([^/]+)";

    private final FakeCloudflareApi api;
    private final List<String> problems;

    WorkerScriptsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("PUT", SCRIPT + "$", JsonCall.account(api, problems, c -> put(c, null, c.group(2)))),
                Route.of("PUT", NAMESPACED + "$", JsonCall.account(api, problems, c -> put(c, c.group(2), c.group(3)))),
                Route.of("POST", SCRIPT + "/versions$", JsonCall.account(api, problems, this::postVersion)),
                Route.of("GET", NAMESPACED + "$", JsonCall.account(api, problems, this::getNamespaced)));
    }

    private JsonObject put(JsonCall call, String namespace, String name) {
        call.recordWorkerRequest();
        if (namespace != null && !call.state.hasNamespace(namespace)) {
            // Code and text invented (the recording fake's).
            throw ApiError.refused(404, 100119, "Dispatch namespace '" + namespace + "' not found");
        }
        ScriptUpload upload = ScriptUpload.read(call);
        Worker existing = call.state.worker(namespace, name);
        upload.check(name, existing, api, false, strict(call));
        Worker worker = existing != null ? existing : call.state.createWorker(namespace, name);
        Version version = upload.apply(worker, call.state);
        worker.migrationTag = upload.newMigrationTag(worker);
        JsonObject annotations = new JsonObject();
        annotations.addProperty("workers/triggered_by", "upload");
        String message = version.annotation("workers/message");
        if (message != null) {
            annotations.addProperty("workers/message", message);
        }
        worker.deployments.add(
                0,
                new Deployment(
                        call.state.nextId("deployment"),
                        call.state.tick(),
                        "wrangler",
                        "percentage",
                        List.of(new Deployment.Share(version.id(), 100)),
                        annotations));
        for (String key : List.of("logpush", "observability", "tail_consumers", "streaming_tail_consumers")) {
            if (upload.metadata.has(key)) {
                worker.settings.add(key, upload.metadata.get(key).deepCopy());
            }
        }
        return success(scriptObject(worker, version));
    }

    private JsonObject postVersion(JsonCall call) {
        call.recordWorkerRequest();
        Worker worker = call.workerToChange(call.group(2));
        ScriptUpload upload = ScriptUpload.read(call);
        upload.check(worker.name, worker, api, true, strict(call));
        JsonObject result = upload.apply(worker, call.state).toJson();
        result.addProperty("startup_time_ms", 5);
        return success(result);
    }

    private JsonObject getNamespaced(JsonCall call) {
        String namespace = call.group(2);
        if (!call.state.hasNamespace(namespace)) {
            throw ApiError.notFound(100119, "Dispatch namespace '" + namespace + "' not found");
        }
        Worker worker = call.state.worker(namespace, call.group(3));
        if (worker == null) {
            throw ApiError.notFound(10092, "workers.api.error.script_not_found_in_namespace");
        }
        JsonObject script = new JsonObject();
        script.addProperty("id", worker.name);
        script.addProperty("etag", etag(worker));
        script.add("handlers", JsonValues.strings(handlers(worker)));
        script.addProperty("migration_tag", worker.migrationTag);
        script.addProperty("created_on", worker.createdOn);
        script.addProperty("modified_on", worker.modifiedOn);
        script.addProperty("usage_model", "standard");
        JsonObject result = new JsonObject();
        result.addProperty("created_on", worker.createdOn);
        result.addProperty("modified_on", worker.modifiedOn);
        result.addProperty("dispatch_namespace", namespace);
        result.add("script", script);
        return success(result);
    }

    private static boolean strict(JsonCall call) {
        return "strict".equals(call.query("bindings_inherit"));
    }

    /** The answer of a Worker upload: the script, and the new version's id as {@code deployment_id}. */
    private static JsonObject scriptObject(Worker worker, Version version) {
        JsonObject script = new JsonObject();
        script.addProperty("id", worker.name);
        script.addProperty("tag", worker.tag);
        script.add("tags", JsonValues.strings(worker.tags));
        script.addProperty("etag", version.etag());
        script.add("handlers", JsonValues.strings(version.handlers()));
        script.addProperty("created_on", worker.createdOn);
        script.addProperty("modified_on", worker.modifiedOn);
        script.addProperty("deployment_id", version.id());
        script.addProperty("migration_tag", worker.migrationTag);
        script.addProperty("usage_model", "standard");
        script.addProperty("compatibility_date", version.compatibilityDate());
        script.add("compatibility_flags", JsonValues.strings(version.compatibilityFlags()));
        script.addProperty("has_assets", worker.hasAssets);
        script.addProperty("has_modules", !version.handlers().isEmpty());
        script.add("logpush", worker.settings.get("logpush"));
        script.add("placement_mode", JsonNull.INSTANCE);
        script.addProperty("startup_time_ms", 5);
        script.addProperty("last_deployed_from", "wrangler");
        return script;
    }

    /** The etag of the Worker's serving version (a hash of its name when it has none). */
    static String etag(Worker worker) {
        Version serving = worker.servingVersion();
        return serving == null ? Ids.hex("etag", worker.name) : serving.etag();
    }

    static List<String> handlers(Worker worker) {
        Version serving = worker.servingVersion();
        return serving == null ? List.of("fetch") : serving.handlers();
    }
}
