package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.RoutingFiles;
import java.util.List;

/**
 * The {@code metadata} part of a Worker upload, field for field and in the order wrangler 4.164's
 * {@code createWorkerUploadForm} writes them (fields it leaves undefined are left out here too).
 */
public final class WorkerMetadata {

    /** wrangler always sends this with Worker code ({@code keepSecrets: true}): without it the upload drops the Worker's secrets. */
    static final List<String> KEEP_BINDINGS = List.of("secret_text", "secret_key");

    /**
     * wrangler's default Durable Objects rollout ({@code DEFAULT_DURABLE_OBJECTS_CODE_UPDATE_STRATEGY}), which its
     * {@code PUT} of a Worker with code always carries; its version uploads do not.
     */
    private static final JsonObject DEFERRED_CODE_UPDATE = new JsonObject();

    static {
        DEFERRED_CODE_UPDATE.addProperty("mode", "deferred");
        DEFERRED_CODE_UPDATE.addProperty("max_delay", 300);
    }

    private WorkerMetadata() {}

    /**
     * @param modules     the module parts, main first; empty for an assets-only Worker
     * @param versionAnnotations {@code --message}, {@code --tag}, the preview alias
     * @param versionOnly {@code true} for {@code POST .../versions} (see {@link VersionAnnotations#json})
     */
    public static JsonObject json(
            DeployConfig config,
            List<WorkerModule> modules,
            AssetsSource assets,
            RoutingFiles routing,
            VersionAnnotations versionAnnotations,
            boolean versionOnly) {
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
        JsonObject annotations = versionAnnotations.json(versionOnly);
        JsonObject meta = new JsonObject();
        if (!withCode) {
            meta.add("assets", assetsObject(assets, settings, routing));
            addIfPresent(meta, "annotations", annotations);
            addCompatibility(meta, config);
            if (assets instanceof AssetsSource.KeepExisting) {
                meta.addProperty("keep_assets", true);
            }
            return meta;
        }
        meta.addProperty("main_module", modules.get(0).name());
        JsonArray bindings = new JsonArray();
        if (settings.binding() != null) {
            JsonObject binding = new JsonObject();
            binding.addProperty("name", settings.binding());
            binding.addProperty("type", "assets");
            bindings.add(binding);
        }
        meta.add("bindings", bindings);
        addCompatibility(meta, config);
        if (!versionOnly) {
            meta.add("code_update_strategy", DEFERRED_CODE_UPDATE.deepCopy());
        }
        meta.add("keep_bindings", strings(KEEP_BINDINGS));
        addIfPresent(meta, "annotations", annotations);
        if (assets instanceof AssetsSource.KeepExisting) {
            meta.addProperty("keep_assets", true);
        }
        meta.add("assets", assetsObject(assets, settings, routing));
        return meta;
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

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static void addIfPresent(JsonObject object, String name, String value) {
        if (value != null) {
            object.addProperty(name, value);
        }
    }

    private static void addIfPresent(JsonObject object, String name, JsonObject value) {
        if (value != null) {
            object.add(name, value);
        }
    }
}
