package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.PathName;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.deploy.PreparedWorker;
import dev.assetsdeploy.deploy.VersionAnnotations;
import dev.assetsdeploy.versions.PreviewAlias;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.PrintWriter;
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

    @Option(
            names = "--tag",
            paramLabel = "TEXT",
            description = "A tag recorded with the version, such as a release number (annotation workers/tag).")
    String tag;

    @Option(
            names = "--preview-alias",
            paramLabel = "NAME",
            description = "With --version-only: a preview alias (annotation workers/alias); the version then also"
                    + " answers on https://NAME-<worker>.<subdomain>.workers.dev. A branch name such as"
                    + " feature/Login_Page becomes a valid alias (feature-login-page), as Workers Builds makes it.")
    String previewAlias;

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
        PreviewAlias alias = previewAlias(config);
        return PreparedWorker.prepare(
                config,
                target(config),
                modules,
                new VersionAnnotations(message, tag, alias == null ? null : alias.value()));
    }

    /** {@code --preview-alias} as it is sent, or {@code null}; refused without {@code --version-only}. */
    PreviewAlias previewAlias(DeployConfig config) {
        if (previewAlias == null) {
            return null;
        }
        if (!versionOnly) {
            throw AssetsDeployException.invalidInput("--preview-alias needs --version-only: Cloudflare gives aliases"
                    + " to uploaded versions only (deploy one later with `assets-deploy versions deploy`)");
        }
        return PreviewAlias.resolve(previewAlias, config.scriptName());
    }

    /** After a version upload: where the version answers, or why nowhere; {@code null} after a deploy. */
    VersionPreview preview(ApiClient client, DeployConfig config, DeployResult result) {
        return versionOnly ? VersionPreview.of(client, result, previewAlias(config)) : null;
    }

    /** Says on {@code err} which alias a branch name such as {@code feature/Login_Page} became. */
    void printAliasNote(DeployConfig config, PrintWriter err) {
        PreviewAlias alias = previewAlias(config);
        if (alias != null && alias.generated()) {
            err.println("note: --preview-alias " + Json.quote(alias.requested()) + " is not a valid alias; using "
                    + Json.quote(alias.value()) + " (what Workers Builds makes of that branch name)");
            err.flush();
        }
    }
}
