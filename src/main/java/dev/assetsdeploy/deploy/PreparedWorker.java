package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.RoutingFiles;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Worker to upload, with everything that does not depend on the live Worker: its config, its modules (read), the
 * assets folder's {@code _headers} and {@code _redirects}, the annotations ({@code --message}, {@code --tag}, the
 * preview alias). Preparing it checks all of that before any
 * request; the metadata is built once the live Worker is known ({@link #upload}).
 */
public record PreparedWorker(
        DeployConfig config,
        DeployTarget target,
        List<WorkerModule> modules,
        RoutingFiles routing,
        VersionAnnotations annotations) {

    public PreparedWorker {
        modules = List.copyOf(modules);
    }

    public static PreparedWorker prepare(
            DeployConfig config, DeployTarget target, List<Path> extraModules, VersionAnnotations annotations) {
        if (!config.hasWorkerCode() && !extraModules.isEmpty()) {
            throw AssetsDeployException.invalidInput(
                    "--module needs Worker code: set main in the config file or pass --main FILE");
        }
        List<WorkerModule> modules =
                config.hasWorkerCode() ? WorkerModules.resolve(config.main(), extraModules) : List.of();
        PreparedWorker worker =
                new PreparedWorker(config, target, modules, RoutingFiles.read(config.assetsDirectory()), annotations);
        worker.dryRun(AssetsSource.placeholder()); // the metadata's own checks, now
        return worker;
    }

    public boolean hasCode() {
        return !modules.isEmpty();
    }

    public WorkerUpload upload(AssetsSource assets, UploadKind kind, Set<String> inherited, JsonObject migrations) {
        JsonObject metadata =
                WorkerMetadata.json(config, modules, assets, routing, annotations, kind, inherited, migrations);
        return new WorkerUpload(target, kind, metadata, modules);
    }

    /**
     * The upload as a dry run shows it, without asking the API: a new Worker's {@code PUT} (or the version upload of
     * {@code --version-only}), every migration, and draft bindings as {@code inherit} (as wrangler's own dry run
     * shows them; a real deploy sends that only when the live Worker has the binding, and stops otherwise).
     */
    public WorkerUpload dryRun(AssetsSource assets) {
        Set<String> drafts = new LinkedHashSet<>();
        for (Binding binding : config.bindings().list()) {
            if (binding.isDraft()) {
                drafts.add(binding.name());
            }
        }
        UploadKind kind = target.versionOnly() ? UploadKind.VERSION : UploadKind.SCRIPT;
        JsonObject migrations = kind == UploadKind.SCRIPT
                ? Migrations.toSend(config.settings().migrations(), null).json()
                : null;
        return upload(assets, kind, drafts, migrations);
    }
}
