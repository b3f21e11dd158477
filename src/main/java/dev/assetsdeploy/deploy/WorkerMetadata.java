package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.RoutingFiles;
import dev.assetsdeploy.config.WorkerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code metadata} part of a Worker upload, field for field and in the order wrangler 4.164's
 * {@code createWorkerUploadForm} writes them (fields it leaves undefined are left out here too).
 */
public final class WorkerMetadata {

    /** wrangler always sends this with Worker code ({@code keepSecrets: true}): without it the upload drops the Worker's secrets. */
    static final List<String> KEEP_BINDINGS = List.of("secret_text", "secret_key");

    /** With {@code keep_vars}, wrangler puts these first: the vars set elsewhere (the dashboard) survive too. */
    static final List<String> KEEP_VARS = List.of("plain_text", "json");

    private WorkerMetadata() {}

    /**
     * The metadata for {@code kind} of upload.
     *
     * @param modules    the module parts, main first; empty for an assets-only Worker
     * @param versionAnnotations {@code --message}, {@code --tag}, the preview alias (see {@link VersionAnnotations#json})
     * @param inherited  binding names sent as {@code inherit} (see {@link WireBindings})
     * @param migrations the {@code migrations} object to send, or {@code null}
     */
    public static JsonObject json(
            DeployConfig config,
            List<WorkerModule> modules,
            AssetsSource assets,
            RoutingFiles routing,
            VersionAnnotations versionAnnotations,
            UploadKind kind,
            Set<String> inherited,
            JsonObject migrations) {
        if (config.compatibilityDate() == null) {
            throw AssetsDeployException.invalidInput("compatibility_date is required: set it in the config file"
                    + " or pass --compatibility-date yyyy-mm-dd");
        }
        AssetsSettings settings = config.assets() == null ? AssetsSettings.NONE : config.assets();
        boolean withCode = !modules.isEmpty();
        AssetsSettings.RunWorkerFirst rwf = settings.runWorkerFirst();
        boolean routesToWorker = rwf != null && (rwf.rules() != null || Boolean.TRUE.equals(rwf.all()));
        if (!withCode && (settings.binding() != null || routesToWorker)) {
            // wrangler refuses both; run_worker_first: false is allowed and sent.
            throw AssetsDeployException.invalidInput("assets.binding and assets.run_worker_first need Worker code:"
                    + " set main (or --main), or remove them");
        }
        JsonObject annotations = versionAnnotations.json(kind == UploadKind.VERSION);
        JsonObject meta = new JsonObject();
        if (!withCode) {
            // wrangler's assets-only form: no bindings and no settings, whatever the config says
            meta.add("assets", assetsObject(assets, settings, routing));
            addIfPresent(meta, "annotations", annotations);
            addCompatibility(meta, config);
            if (assets instanceof AssetsSource.KeepExisting) {
                meta.addProperty("keep_assets", true);
            }
            return meta;
        }
        WorkerSettings worker = config.settings();
        boolean deployed = kind != UploadKind.VERSION;
        meta.addProperty("main_module", modules.get(0).name());
        meta.add("bindings", WireBindings.json(config.bindings(), inherited));
        addCompatibility(meta, config);
        addIfPresent(meta, "migrations", migrations);
        if (kind == UploadKind.SCRIPT) {
            meta.add("code_update_strategy", DeploymentRequest.json(worker.effectiveCodeUpdateStrategy()));
        }
        List<String> keep = new ArrayList<>();
        if (config.bindings().keepVars()) {
            keep.addAll(KEEP_VARS);
        }
        keep.addAll(KEEP_BINDINGS);
        meta.add("keep_bindings", strings(keep));
        if (deployed && worker.logpush() != null) {
            meta.addProperty("logpush", worker.logpush());
        }
        addIfPresent(meta, "placement", placement(worker.placement()));
        addIfPresent(meta, "tail_consumers", worker.tailConsumers());
        if (deployed) {
            addIfPresent(meta, "streaming_tail_consumers", worker.streamingTailConsumers());
        }
        addIfPresent(meta, "limits", worker.limits());
        addIfPresent(meta, "annotations", annotations);
        if (assets instanceof AssetsSource.KeepExisting) {
            meta.addProperty("keep_assets", true);
        }
        meta.add("assets", assetsObject(assets, settings, routing));
        if (deployed) {
            addIfPresent(meta, "observability", worker.observability());
        }
        addIfPresent(meta, "cache_options", worker.cache());
        // package_dependencies is not sent: wrangler reports the project's npm dependencies there as telemetry (it
        // changes nothing about the Worker), and finding their installed versions needs Node's module resolution.
        return meta;
    }

    /**
     * wrangler's {@code parseConfigPlacement}: {@code {"mode": "smart", "hint"?}}, or {@code {"mode": "targeted",
     * "region" | "host" | "hostname": ...}}, or nothing for {@code {"mode": "off"}}.
     */
    static JsonObject placement(JsonObject config) {
        if (config == null) {
            return null;
        }
        JsonElement hint = config.get("hint");
        boolean hasHint =
                hint != null && !hint.isJsonNull() && !hint.getAsString().isEmpty();
        String mode = config.get("mode") == null ? null : config.get("mode").getAsString();
        JsonObject placement = new JsonObject();
        if (!hasHint && "off".equals(mode)) {
            return null;
        }
        if (hasHint || "smart".equals(mode)) {
            placement.addProperty("mode", "smart");
            if (hint != null) {
                placement.add("hint", hint);
            }
            return placement;
        }
        for (String target : List.of("region", "host", "hostname")) {
            if (config.get(target) != null && !config.get(target).getAsString().isEmpty()) {
                placement.addProperty("mode", "targeted");
                placement.add(target, config.get(target));
                return placement;
            }
        }
        return null;
    }

    /**
     * {@code {"jwt": ..., "config": {...}}}. With {@code keep_assets} there is no token, but the config is still sent:
     * that is what lets a config-only redeploy change {@code html_handling} and friends. (wrangler 4.164 never sets
     * {@code keep_assets} itself; its form writes {@code keep_assets} and {@code assets} independently.)
     */
    private static JsonObject assetsObject(AssetsSource assets, AssetsSettings settings, RoutingFiles routing) {
        JsonObject object = new JsonObject();
        if (assets instanceof AssetsSource.Uploaded token) {
            object.addProperty("jwt", token.jwt());
        }
        JsonObject config = new JsonObject();
        addIfPresent(
                config,
                "html_handling",
                settings.htmlHandling() == null ? null : settings.htmlHandling().value());
        addIfPresent(
                config,
                "not_found_handling",
                settings.notFoundHandling() == null
                        ? null
                        : settings.notFoundHandling().value());
        AssetsSettings.RunWorkerFirst runWorkerFirst = settings.runWorkerFirst();
        if (runWorkerFirst != null && runWorkerFirst.rules() != null) {
            config.add("run_worker_first", strings(runWorkerFirst.rules()));
        } else if (runWorkerFirst != null && runWorkerFirst.all() != null) {
            config.addProperty("run_worker_first", runWorkerFirst.all());
        }
        addIfPresent(config, "_redirects", routing.redirects());
        addIfPresent(config, "_headers", routing.headers());
        object.add("config", config);
        return object;
    }

    private static void addCompatibility(JsonObject meta, DeployConfig config) {
        meta.addProperty("compatibility_date", config.compatibilityDate());
        meta.add("compatibility_flags", strings(config.compatibilityFlags()));
    }

    static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static void addIfPresent(JsonObject object, String name, String value) {
        if (value != null) {
            object.addProperty(name, value);
        }
    }

    private static void addIfPresent(JsonObject object, String name, JsonElement value) {
        if (value != null) {
            object.add(name, value);
        }
    }
}
