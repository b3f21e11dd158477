package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.deploy.AssetsSource;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.deploy.DeployWarnings;
import dev.assetsdeploy.deploy.Preflight;
import dev.assetsdeploy.deploy.PreparedWorker;
import dev.assetsdeploy.deploy.TokenFile;
import dev.assetsdeploy.deploy.WorkerDeployer;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.report.DeploySummary;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Upload the Worker (phase 3): its metadata, assets config and modules, with the assets of an"
                + " earlier `upload --token-out FILE`, or the assets already deployed (--keep-assets).")
final class DeployCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description =
                    "The assets folder, read for _headers and _redirects (default: the config's assets.directory).")
    Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    AssetsChoice assets;

    static final class AssetsChoice {
        @Option(
                names = "--assets-token-file",
                paramLabel = "FILE",
                required = true,
                description = "The completion token written by `assets-deploy upload --token-out FILE`.")
        Path tokenFile;

        @Option(
                names = "--keep-assets",
                required = true,
                description = "Keep the assets already deployed (a config-only or code-only redeploy).")
        boolean keep;
    }

    @Mixin
    DeployOptions deployOptions;

    @Mixin
    ConfigOptions config;

    @Mixin
    TriggerOptions triggers;

    @Mixin
    CredentialsOptions credentials;

    @Mixin
    RequestOptions requests;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        Environment env = root.env();
        PrintWriter err = spec.commandLine().getErr();
        int urlWarnings = credentials.checkApiBaseUrl(env, spec, err);
        LoadedConfig loaded = config.load(
                env,
                dir,
                deployOptions.requirements(Requirements.DEPLOY.withAssetsDirectory(dir != null)),
                deployOptions.unsupported.keys,
                triggers.overrides());
        DeployConfig cfg = loaded.config();
        DeployTarget target = deployOptions.target(cfg);
        LiveStep live = LiveStep.of(spec, env, triggers, cfg, target);
        int warnings = urlWarnings
                + ConfigOptions.printWarnings(loaded, err)
                + ConfigOptions.printRoutingWarnings(cfg, err)
                + live.printSkipped(err);
        Strictness.check(output, warnings);
        AssetsSource source =
                assets.keep ? AssetsSource.keepExisting() : TokenFile.read(assets.tokenFile, Instant.now());
        PreparedWorker worker = deployOptions.prepare(cfg);
        deployOptions.printAliasNote(cfg, err);
        DeployResult result;
        VersionPreview preview;
        LiveResult triggered;
        ApiSettings settings = requests.apply(credentials.settings(env, cfg.accountId()), spec, env);
        try (Interruption interruption = Interruption.of(env, err);
                ApiClient client = output.client(settings, err)) {
            DeployWarnings deployWarnings = Strictness.deployWarnings(output, err);
            Preflight preflight =
                    Preflight.run(client, worker, deployWarnings, live.checkBeforeUpload(client, settings.accountId()));
            interruption.now(Interruption.deploying(target, NextCommand.workerFlags(spec, env)));
            result = new WorkerDeployer(client).deploy(worker, source, preflight, deployWarnings);
            triggered = live.run(client, settings.accountId(), result, interruption, err);
            preview = deployOptions.preview(client, cfg, result, interruption, env);
        }
        DeploySummary summary = new DeploySummary(
                result,
                null,
                assets.keep,
                Duration.ofNanos(System.nanoTime() - started),
                triggered,
                deployOptions.previewAlias(cfg),
                preview,
                NextCommand.workerFlags(spec, env));
        DeployOutput.print(spec.commandLine(), env, output, summary);
        return ExitCodes.OK;
    }
}
