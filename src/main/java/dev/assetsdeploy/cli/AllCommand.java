package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.PendingClient;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.deploy.AssetsSource;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.deploy.DeployWarnings;
import dev.assetsdeploy.deploy.Preflight;
import dev.assetsdeploy.deploy.PreparedWorker;
import dev.assetsdeploy.deploy.WorkerDeployer;
import dev.assetsdeploy.deploy.WorkerUpload;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.TriggerPlan;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.report.DeploySummary;
import dev.assetsdeploy.report.DryRunReport;
import dev.assetsdeploy.upload.SessionRequest;
import dev.assetsdeploy.upload.UploadResult;
import dev.assetsdeploy.upload.UploadTarget;
import dev.assetsdeploy.versions.VersionPreview;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "all",
        mixinStandardHelpOptions = true,
        description = "Manifest, upload and deploy in one go; `assets-deploy DIR --script NAME` runs this."
                + " With --dry-run: show what would be sent, send nothing, need no credentials.")
final class AllCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "DIR",
            description = "The assets folder (default: the config's assets.directory).")
    Path dir;

    @Option(
            names = "--dry-run",
            description = "Stop after the manifest and config checks: print the manifest summary and the exact Worker"
                    + " metadata (the token as a placeholder). No request, no credentials needed.")
    boolean dryRun;

    @Mixin
    PlanOptions planOptions;

    @Mixin
    DeployOptions deployOptions;

    @Mixin
    ConfigOptions config;

    @Mixin
    TriggerOptions triggers;

    @Mixin
    ManifestOptions manifestOptions;

    @Mixin
    ConcurrencyOptions concurrency;

    @Mixin
    CredentialsOptions credentials;

    @Mixin
    RequestOptions requests;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        // Usage errors first (--concurrency is checked as it is parsed): before the config, the hashing,
        // and whether this is a dry run; the API base URL too.
        requests.check(spec);
        if (dryRun && planOptions.requested()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--dry-run and --plan exclude each other: --plan asks the API, --dry-run does not");
        }
        Environment env = root.env();
        PrintWriter err = spec.commandLine().getErr();
        int warnings = credentials.checkApiBaseUrl(env, spec, err);
        LoadedConfig loaded = config.load(
                env,
                dir,
                deployOptions.requirements(Requirements.ALL),
                deployOptions.unsupported.keys,
                triggers.overrides());
        DeployConfig cfg = loaded.config();
        DeployTarget target = deployOptions.target(cfg);
        LiveStep live = LiveStep.of(spec, env, triggers, cfg, target);
        // Everything the Worker upload needs is checked now, before hashing and before any request.
        PreparedWorker worker = deployOptions.prepare(cfg);
        deployOptions.printAliasNote(cfg, err);
        warnings += ConfigOptions.printWarnings(loaded, err)
                + ConfigOptions.printRoutingWarnings(cfg, err)
                + live.printSkipped(err);
        // The client is built while the folder is walked; its settings' errors (credentials) still come after the
        // manifest's.
        PendingClient pending = dryRun
                ? null
                : PendingClient.start(
                        () -> UploadStep.clientSettings(
                                requests.apply(credentials.settings(env, cfg.accountId()), spec, env)),
                        settings -> output.client(settings, err));
        try (pending) {
            return hashAndDeploy(started, env, cfg, target, live, worker, warnings, pending);
        }
    }

    private int hashAndDeploy(
            long started,
            Environment env,
            DeployConfig cfg,
            DeployTarget target,
            LiveStep live,
            PreparedWorker worker,
            int warnings,
            PendingClient pending) {
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest = manifestOptions.build(cfg.assetsDirectory());
        ManifestOptions.printCacheUse(manifest, output, err);
        warnings += ManifestOptions.printWarnings(manifest, err);
        Strictness.check(output, warnings);
        if (dryRun) {
            printDryRun(env, cfg, manifest, worker, live);
            return ExitCodes.OK;
        }

        ApiSettings settings = pending.settings();
        DeployResult result;
        VersionPreview preview;
        UploadResult uploaded;
        LiveResult triggered;
        UploadTarget assetsTarget = new UploadTarget(target.scriptName(), target.dispatchNamespace());
        try (Interruption interruption = Interruption.of(env, err);
                ApiClient client = pending.take()) {
            if (planOptions.requested()) { // before the preflight's reads: a plan makes the session request only
                return planOptions.run(
                        client,
                        manifest,
                        assetsTarget,
                        output,
                        spec.commandLine().getOut(),
                        err);
            }
            // The session's body is written while the live Worker is read.
            SessionRequest session = SessionRequest.prepare(manifest);
            DeployWarnings deployWarnings = Strictness.deployWarnings(output, err);
            Preflight preflight =
                    Preflight.run(client, worker, deployWarnings, live.checkBeforeUpload(client, settings.accountId()));
            uploaded = UploadStep.of(concurrency, settings, output, env, err)
                    .run(client, session, assetsTarget, null, interruption);
            interruption.now(Interruption.deploying(target, NextCommand.workerFlags(spec, env)));
            result = new WorkerDeployer(client)
                    .deploy(worker, AssetsSource.token(uploaded.token().jwt()), preflight, deployWarnings);
            triggered = live.run(client, settings.accountId(), result, interruption, err);
            preview = deployOptions.preview(client, cfg, result, interruption, env);
        }
        DeploySummary.AssetsCounts counts = new DeploySummary.AssetsCounts(
                manifest.fileCount(),
                manifest.totalBytes(),
                uploaded.filesUploaded(),
                uploaded.filesAlreadyUploaded(),
                uploaded.bytesUploaded());
        DeploySummary summary = new DeploySummary(
                result,
                counts,
                false,
                Duration.ofNanos(System.nanoTime() - started),
                triggered,
                deployOptions.previewAlias(cfg),
                preview,
                NextCommand.workerFlags(spec, env));
        DeployOutput.print(spec.commandLine(), env, output, summary);
        return ExitCodes.OK;
    }

    private void printDryRun(
            Environment env, DeployConfig cfg, Manifest manifest, PreparedWorker worker, LiveStep live) {
        String account = credentials.accountId(env, cfg.accountId());
        ApiPaths paths = ApiPaths.forAccountOrPlaceholder(account);
        WorkerUpload plan = worker.dryRun(AssetsSource.placeholder());
        String path = plan.path(paths).text();
        List<TriggerPlan.PlannedRequest> triggers = live.planned(paths, true);
        output.print(
                spec.commandLine().getOut(),
                () -> DryRunReport.json(manifest, worker, plan, path, triggers),
                out -> DryRunReport.printText(manifest, worker, plan, path, triggers, output.verbose(), out));
    }
}
