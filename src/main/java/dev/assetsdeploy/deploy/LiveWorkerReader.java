package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiJson;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.BindingKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the live Worker with the requests wrangler 4.164's deploy makes before its upload, in its order: {@code GET
 * workers/services/NAME} (new or existing, tags, migration tag); {@code GET .../secrets} when the config has vars or
 * bindings a secret could clash with; {@code GET .../deployments} (and each version of a split one); and, once those
 * are checked, {@code GET .../settings} for a Worker with code (the current bindings, which decide what may be
 * inherited).
 *
 * <p>When the config has migrations, wrangler reads the Worker again for its migration tag ({@code
 * getMigrationsToUpload}, after the deployments); so do we, so that the requests are wrangler's. With {@code
 * --dispatch-namespace} wrangler reads the secrets and settings of an account Worker of that name ({@code
 * /workers/scripts/NAME/...}), a bug: we read the namespaced Worker's.
 */
public final class LiveWorkerReader {

    /** wrangler's {@code WORKER_NOT_FOUND_ERR_CODE}, the legacy environment one, and a namespace's missing script. */
    private static final Set<Integer> NOT_FOUND = Set.of(10007, 10090, 10092);

    /** The kinds whose names wrangler checks against the live secrets ({@code extractBindingNames}). */
    private static final Set<BindingKind> SECRET_CLASH_KINDS = EnumSet.of(
            BindingKind.DURABLE_OBJECT,
            BindingKind.WORKFLOW,
            BindingKind.D1,
            BindingKind.KV_NAMESPACE,
            BindingKind.R2_BUCKET,
            BindingKind.VECTORIZE,
            BindingKind.AI_SEARCH,
            BindingKind.SERVICE,
            BindingKind.MTLS_CERTIFICATE,
            BindingKind.DISPATCH_NAMESPACE,
            BindingKind.VPC_SERVICE,
            BindingKind.VPC_NETWORK,
            BindingKind.BROWSER,
            BindingKind.ANALYTICS,
            BindingKind.AI,
            BindingKind.QUEUE);

    private final ApiClient api;

    public LiveWorkerReader(ApiClient api) {
        this.api = api;
    }

    /**
     * Reads it; {@code onExistence} hears whether the Worker exists as soon as that is known,
     * after the secrets and before the deployments: where wrangler's {@code preUploadApiChecks} asks a new Worker's
     * account for its workers.dev subdomain, a check of the triggers phase that the caller composes.
     */
    public LiveWorker read(PreparedWorker worker, Consumer<Boolean> onExistence) {
        DeployTarget target = worker.target();
        ApiPaths paths = api.paths();
        String ns = target.dispatchNamespace();
        String name = target.scriptName();
        boolean exists;
        List<String> tags = new ArrayList<>();
        String migrationTag;
        if (ns != null) {
            JsonObject script = get("read Worker " + name, paths.namespacedScript(ns, name));
            exists = script != null;
            migrationTag = ApiJson.string(ApiJson.object(script, "script"), "migration_tag");
        } else {
            JsonObject service = get("read Worker " + name, paths.workerService(name));
            exists = service != null;
            JsonObject script = ApiJson.object(ApiJson.object(service, "default_environment"), "script");
            migrationTag = ApiJson.string(script, "migration_tag");
            if (script != null && script.get("tags") instanceof JsonArray list) {
                list.forEach(t -> tags.add(t.getAsString()));
            }
        }
        if (target.versionOnly() && !exists) {
            throw AssetsDeployException.invalidInput(target.describe() + " does not exist yet, and a version needs an"
                    + " existing Worker: deploy it first (without --version-only)");
        }
        Set<String> secrets = new LinkedHashSet<>();
        if (mayClashWithSecrets(worker)) {
            JsonElement list = getElement("read secrets of Worker " + name, paths.workerSecrets(ns, name));
            if (list instanceof JsonArray array) {
                array.forEach(s -> secrets.add(ApiJson.string(s.getAsJsonObject(), "name")));
            }
        }
        onExistence.accept(exists);
        List<LiveWorker.Traffic> deployment = new ArrayList<>();
        if (ns == null && !target.versionOnly()) {
            deployment = currentDeployment(name);
        }
        if (!worker.config().settings().migrations().isEmpty()) {
            migrationTag = migrationTag(ns, name);
        }
        return new LiveWorker(exists, tags, migrationTag, secrets, List.of(), deployment);
    }

    /**
     * {@code live} with the bindings it has now, for a Worker with code ({@code GET .../settings}, which wrangler's
     * resource provisioning reads after the checks of the reads before it).
     */
    public LiveWorker withBindings(PreparedWorker worker, LiveWorker live) {
        if (!worker.hasCode()) {
            return live;
        }
        DeployTarget target = worker.target();
        JsonObject settings = settings(
                api.paths().workerSettings(target.dispatchNamespace(), target.scriptName()), target.scriptName());
        List<JsonObject> bindings = new ArrayList<>();
        if (settings != null && settings.get("bindings") instanceof JsonArray array) {
            array.forEach(b -> bindings.add(b.getAsJsonObject()));
        }
        return new LiveWorker(
                live.exists(), live.tags(), live.migrationTag(), live.secrets(), bindings, live.deployment());
    }

    /** The migration tag, read again as wrangler reads it ("no such Worker" counts as none). */
    private String migrationTag(String ns, String name) {
        if (ns != null) {
            return ApiJson.string(
                    ApiJson.object(get("read Worker " + name, api.paths().namespacedScript(ns, name)), "script"),
                    "migration_tag");
        }
        JsonObject service = get("read Worker " + name, api.paths().workerService(name));
        return ApiJson.string(
                ApiJson.object(ApiJson.object(service, "default_environment"), "script"), "migration_tag");
    }

    /** wrangler checks vars and these bindings against the live secrets (a binding replaces a secret of its name). */
    static boolean mayClashWithSecrets(PreparedWorker worker) {
        return !clashCandidates(worker).isEmpty();
    }

    static List<Binding> clashCandidates(PreparedWorker worker) {
        return worker.config().bindings().list().stream()
                .filter(b -> b.kind() == BindingKind.PLAIN_TEXT
                        || b.kind() == BindingKind.JSON
                        || SECRET_CLASH_KINDS.contains(b.kind()))
                .toList();
    }

    private List<LiveWorker.Traffic> currentDeployment(String name) {
        JsonObject result =
                get("read deployments of Worker " + name, api.paths().workerDeployments(name));
        List<LiveWorker.Traffic> traffic = new ArrayList<>();
        if (result == null
                || !(result.get("deployments") instanceof JsonArray deployments)
                || deployments.isEmpty()
                || !(deployments.get(0).getAsJsonObject().get("versions") instanceof JsonArray versions)) {
            return traffic;
        }
        for (JsonElement version : versions) {
            String id = ApiJson.string(version.getAsJsonObject(), "version_id");
            double percentage = version.getAsJsonObject().get("percentage").getAsDouble();
            traffic.add(new LiveWorker.Traffic(id, percentage, null, null));
        }
        if (traffic.size() < 2) {
            return traffic;
        }
        // wrangler shows each version of a split deployment before replacing it: its tag and message
        List<LiveWorker.Traffic> described = new ArrayList<>();
        for (LiveWorker.Traffic t : traffic) {
            JsonObject version =
                    get("read version " + t.versionId(), api.paths().workerVersion(name, t.versionId()));
            JsonObject annotations = ApiJson.object(version, "annotations");
            described.add(new LiveWorker.Traffic(
                    t.versionId(),
                    t.percentage(),
                    ApiJson.string(annotations, "workers/tag"),
                    ApiJson.string(annotations, "workers/message")));
        }
        return described;
    }

    /** wrangler ignores a failed settings read (its resource provisioning then knows no bindings): so do we, for 4xx. */
    private JsonObject settings(ApiPath path, String name) {
        try {
            return api.call(ApiRequest.get("read settings of Worker " + name, path))
                    .resultObject();
        } catch (ApiException e) {
            if (e.kind() == AssetsDeployException.Kind.API_REFUSED) {
                return null;
            }
            throw e;
        }
    }

    /** The result object, or {@code null} when the API says the Worker does not exist. */
    private JsonObject get(String step, ApiPath path) {
        JsonElement result = getElement(step, path);
        return result != null && result.isJsonObject() ? result.getAsJsonObject() : null;
    }

    private JsonElement getElement(String step, ApiPath path) {
        try {
            return api.call(ApiRequest.get(step, path)).result();
        } catch (ApiException e) {
            if (e.errors().stream().anyMatch(error -> NOT_FOUND.contains(error.code()))) {
                return null;
            }
            throw e;
        }
    }
}
