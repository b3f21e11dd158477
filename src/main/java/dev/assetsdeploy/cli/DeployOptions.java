package dev.assetsdeploy.cli;

import dev.assetsdeploy.PathName;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.deploy.PreparedWorker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What {@code deploy} and {@code all} send with the Worker, beyond the config. */
public final class DeployOptions {

    @Option(
            names = "--module",
            paramLabel = "FILE",
            description =
                    "An extra module of the Worker (repeatable), inside the main module's folder: .js/.mjs (ES module),"
                            + " .cjs, .wasm, .txt/.html/.sql (text), .bin (data), .map (source map). No bundling.")
    List<Path> modules = new ArrayList<>();

    @Option(
            names = "--version-only",
            description =
                    "Create a new version of the Worker without deploying it (POST .../versions) and print its id.")
    boolean versionOnly;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String dispatchNamespace;

    @Option(
            names = "--dispatch-namespace",
            paramLabel = "NS",
            description = "Deploy to this Workers for Platforms dispatch namespace.")
    void dispatchNamespace(String namespace) {
        NameFlags.check(spec, "--dispatch-namespace", PathName.DISPATCH_NAMESPACE, namespace);
        dispatchNamespace = namespace;
    }

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "A message recorded with the version (annotation workers/message).")
    String message;

    @Mixin
    UnsupportedKeysOptions unsupported;

    /** {@code base} with a dispatch namespace required when one is given. */
    Requirements requirements(Requirements base) {
        return base.withDispatchNamespace(dispatchNamespace != null);
    }

    DeployTarget target(DeployConfig config) {
        return new DeployTarget(config.scriptName(), dispatchNamespace, versionOnly);
    }

    /** The Worker for {@code config} with these options; checks everything that needs no request. */
    PreparedWorker prepare(DeployConfig config) {
        return PreparedWorker.prepare(config, target(config), modules, message);
    }
}
