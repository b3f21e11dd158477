package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.RoutingFiles;
import java.nio.file.Path;
import java.util.List;

/** A Worker upload ready to send: where it goes, its metadata, its module parts (none for an assets-only Worker). */
public record WorkerUpload(DeployTarget target, JsonObject metadata, List<WorkerModule> modules) {

    public WorkerUpload {
        metadata = metadata.deepCopy();
        modules = List.copyOf(modules);
    }

    /** A copy: the record stays immutable. */
    @Override
    public JsonObject metadata() {
        return metadata.deepCopy();
    }

    /**
     * Reads the modules (when the config has Worker code) and {@code _headers}/{@code _redirects} from the
     * assets folder, and builds the metadata.
     */
    public static WorkerUpload prepare(
            DeployConfig config,
            DeployTarget target,
            List<Path> extraModules,
            AssetsSource assets,
            VersionAnnotations annotations) {
        if (!config.hasWorkerCode() && !extraModules.isEmpty()) {
            throw AssetsDeployException.invalidInput(
                    "--module needs Worker code: set main in the config file or pass --main FILE");
        }
        List<WorkerModule> modules =
                config.hasWorkerCode() ? WorkerModules.resolve(config.main(), extraModules) : List.of();
        RoutingFiles routing = RoutingFiles.read(config.assetsDirectory());
        JsonObject metadata = WorkerMetadata.json(config, modules, assets, routing, annotations, target.versionOnly());
        return new WorkerUpload(target, metadata, modules);
    }
}
