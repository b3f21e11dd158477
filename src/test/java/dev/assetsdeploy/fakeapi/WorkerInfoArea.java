package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * What a client reads about a Worker before it uploads, and its non-versioned settings: {@code GET
 * .../workers/services/NAME} (exists? tag, tags, migration tag, who last deployed it), {@code GET
 * .../workers/workers/NAME} (workers.dev state and URLs), {@code GET .../scripts/NAME/secrets}, {@code GET
 * .../scripts/NAME/settings} (the serving version's bindings, for resource provisioning) and {@code GET/PATCH
 * .../scripts/NAME/script-settings}.
 */
final class WorkerInfoArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)/workers";
    private static final String SCRIPT = ACCOUNT + "/scripts/([^/]+)";
    private static final List<String> SETTINGS =
            List.of("logpush", "observability", "tail_consumers", "streaming_tail_consumers", "tags");

    private final FakeCloudflareApi api;
    private final List<String> problems;

    WorkerInfoArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", ACCOUNT + "/services/([^/]+)$", JsonCall.account(api, problems, this::service)),
                Route.of("GET", ACCOUNT + "/workers/([^/]+)$", JsonCall.account(api, problems, this::worker)),
                Route.of("GET", SCRIPT + "/secrets$", JsonCall.account(api, problems, this::secrets)),
                Route.of("GET", SCRIPT + "/settings$", JsonCall.account(api, problems, this::settings)),
                Route.of(
                        "GET",
                        SCRIPT + "/script-settings$",
                        JsonCall.account(
                                api,
                                problems,
                                c -> success(c.workerToRead(c.group(2)).settings.deepCopy()))),
                Route.of("PATCH", SCRIPT + "/script-settings$", JsonCall.account(api, problems, this::patchSettings)));
    }

    private JsonObject service(JsonCall call) {
        Worker worker = call.state.worker(null, call.group(2));
        if (worker == null) {
            throw ApiError.notFound(10090, "workers.api.error.service_not_found");
        }
        Version serving = worker.servingVersion();
        JsonObject script = new JsonObject();
        script.addProperty("id", worker.name);
        script.addProperty("tag", worker.tag);
        script.add("tags", JsonValues.strings(worker.tags));
        script.addProperty("etag", WorkerScriptsArea.etag(worker));
        script.add("handlers", JsonValues.strings(WorkerScriptsArea.handlers(worker)));
        script.addProperty("modified_on", worker.modifiedOn);
        script.addProperty("created_on", worker.createdOn);
        script.addProperty("migration_tag", worker.migrationTag);
        script.addProperty("usage_model", "standard");
        script.addProperty("compatibility_date", serving == null ? null : serving.compatibilityDate());
        script.addProperty("last_deployed_from", worker.lastDeployedFrom);
        JsonObject environment = new JsonObject();
        environment.addProperty("environment", "production");
        environment.addProperty("created_on", worker.createdOn);
        environment.addProperty("modified_on", worker.modifiedOn);
        environment.add("script", script);
        JsonObject result = new JsonObject();
        result.addProperty("id", worker.name);
        result.add("default_environment", environment);
        result.addProperty("created_on", worker.createdOn);
        result.addProperty("modified_on", worker.modifiedOn);
        return success(result);
    }

    /** {@code subdomain.url} and {@code preview_url_suffix} only while the account has a subdomain. */
    private JsonObject worker(JsonCall call) {
        Worker worker = call.workerToRead(call.group(2));
        JsonObject subdomain = new JsonObject();
        subdomain.addProperty("enabled", worker.workersDev);
        subdomain.addProperty("previews_enabled", worker.previewsEnabled);
        String account = call.state.subdomainOrNull();
        if (account != null && call.state.workerUrlsShown()) {
            subdomain.addProperty("url", "https://" + worker.name + "." + account + ".workers.dev");
            subdomain.addProperty("preview_url_suffix", "-" + worker.name + "." + account + ".workers.dev");
        }
        JsonElement tails = worker.settings.get("tail_consumers");
        JsonObject result = new JsonObject();
        result.addProperty("id", worker.tag);
        result.addProperty("name", worker.name);
        result.addProperty("created_on", worker.createdOn);
        result.addProperty("updated_on", worker.modifiedOn);
        result.add("logpush", worker.settings.get("logpush"));
        result.add("observability", orNull(worker.settings.get("observability")).deepCopy());
        result.add("subdomain", subdomain);
        result.add("tags", JsonValues.strings(worker.tags));
        result.add("tail_consumers", tails == null || tails.isJsonNull() ? new JsonArray() : tails.deepCopy());
        return success(result);
    }

    private JsonObject secrets(JsonCall call) {
        return secretsOf(call.workerToRead(call.group(2)));
    }

    static JsonObject secretsOf(Worker worker) {
        JsonArray secrets = new JsonArray();
        for (String name : worker.secrets) {
            secrets.add(VersionSeed.binding(name, "secret_text"));
        }
        return success(secrets);
    }

    private JsonObject settings(JsonCall call) {
        return settingsOf(call.workerToRead(call.group(2)));
    }

    /** The Worker as its serving version has it, bindings included. */
    static JsonObject settingsOf(Worker worker) {
        Version serving = worker.servingVersion();
        JsonObject result = new JsonObject();
        result.add("bindings", serving == null ? new JsonArray() : serving.bindings());
        result.addProperty("compatibility_date", serving == null ? null : serving.compatibilityDate());
        result.add(
                "compatibility_flags", JsonValues.strings(serving == null ? List.of() : serving.compatibilityFlags()));
        result.add("logpush", worker.settings.get("logpush"));
        result.add("observability", orNull(worker.settings.get("observability")).deepCopy());
        result.add(
                "tail_consumers", orNull(worker.settings.get("tail_consumers")).deepCopy());
        result.add("tags", JsonValues.strings(worker.tags));
        result.addProperty("usage_model", "standard");
        result.add("placement", new JsonObject());
        result.add("limits", new JsonObject());
        return success(result);
    }

    /**
     * Sets the settings sent, each checked for its type; an unknown key is refused. Answers all the settings. The
     * type rules are the fake's (the API's messages are not known).
     */
    private JsonObject patchSettings(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        JsonObject body = call.jsonObject("the script settings");
        for (Map.Entry<String, JsonElement> e : body.entrySet()) {
            String problem = settingProblem(e.getKey(), e.getValue());
            if (problem != null) {
                throw ApiError.invalid(problem);
            }
        }
        for (Map.Entry<String, JsonElement> e : body.entrySet()) {
            if (e.getKey().equals("tags")) {
                worker.setTags(JsonValues.strings(e.getValue().getAsJsonArray()));
            } else {
                worker.settings.add(e.getKey(), e.getValue().deepCopy());
            }
        }
        return success(worker.settings.deepCopy());
    }

    private static String settingProblem(String key, JsonElement value) {
        if (!SETTINGS.contains(key)) {
            return "unknown script setting '" + key + "'";
        }
        boolean ok = switch (key) {
            case "logpush" -> JsonValues.isBoolean(value);
            case "observability" ->
                value.isJsonObject()
                        && (!value.getAsJsonObject().has("enabled")
                                || JsonValues.isBoolean(value.getAsJsonObject().get("enabled")));
            case "tags" ->
                value.isJsonArray() && value.getAsJsonArray().asList().stream().allMatch(JsonValues::isString);
            default -> value.isJsonNull() || consumers(value);
        };
        return ok ? null : "script setting '" + key + "' has the wrong shape: " + value;
    }

    /** {@code [{"service": "tail-worker", "environment"?: "...", "namespace"?: "..."}]}. */
    private static boolean consumers(JsonElement value) {
        return value.isJsonArray()
                && value.getAsJsonArray().asList().stream()
                        .allMatch(c -> c.isJsonObject()
                                && JsonValues.isString(c.getAsJsonObject().get("service")));
    }

    private static JsonElement orNull(JsonElement e) {
        return e == null ? JsonNull.INSTANCE : e;
    }
}
