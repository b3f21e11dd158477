package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LiveSettings;
import dev.assetsdeploy.deploy.DeployResult;
import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.live.AccountSubdomain;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.TriggerPlan;
import dev.assetsdeploy.live.TriggersDeployer;
import dev.assetsdeploy.report.TriggersReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The triggers phase as {@code deploy} and {@code all} compose it after the Worker upload (and {@code triggers} runs
 * it alone): workers.dev, routes, custom domains and schedules from the config and the flags, as wrangler 4.164's
 * deploy applies them. It does not run for {@code --version-only} (a version is not deployed) nor in a dispatch
 * namespace (its Workers have no triggers): there, triggers flags are usage errors, and triggers settings of the
 * config are named in a warning (wrangler warns about the crons only).
 */
final class LiveStep {

    private final TriggerPlan plan;
    private final String configName;
    private final List<String> skipped;
    private final String finishCommand;

    private LiveStep(TriggerPlan plan, String configName, List<String> skipped, String finishCommand) {
        this.plan = plan;
        this.configName = configName;
        this.skipped = skipped;
        this.finishCommand = finishCommand;
    }

    /** The step for {@code target}; the flags are checked against it first. */
    static LiveStep of(
            CommandSpec spec, Environment env, TriggerOptions flags, DeployConfig config, DeployTarget target) {
        String configName = config.configFile() == null ? null : nameOf(config.configFile());
        List<String> given = flags.given();
        if (target.versionOnly() || target.dispatchNamespace() != null) {
            if (!given.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(),
                        String.join(", ", given)
                                + (target.versionOnly()
                                        ? " cannot be used with --version-only: a version is not deployed; apply the"
                                                + " triggers with `assets-deploy triggers` once it is"
                                        : " cannot be used with --dispatch-namespace: a Worker in a dispatch namespace"
                                                + " has no triggers of its own"));
            }
            return new LiveStep(
                    null, configName, target.dispatchNamespace() == null ? List.of() : ignored(config), null);
        }
        return alone(spec, env, config);
    }

    /** The phase on its own ({@code triggers}): for an account Worker that exists. */
    static LiveStep alone(CommandSpec spec, Environment env, DeployConfig config) {
        return new LiveStep(
                new TriggerPlan(config.scriptName(), config.live()),
                config.configFile() == null ? null : nameOf(config.configFile()),
                List.of(),
                FinishCommand.of(spec, env));
    }

    /** What a dispatch namespace deploy leaves out, one warning each; wrangler's own text for the crons. */
    private static List<String> ignored(DeployConfig config) {
        LiveSettings live = config.live();
        List<String> warnings = new ArrayList<>();
        if (live.crons() != null && !live.crons().isEmpty()) {
            warnings.add("Cron triggers are not supported with --dispatch-namespace and will be ignored.");
        }
        List<String> keys = new ArrayList<>();
        if (live.workersDev() != null) {
            keys.add("workers_dev");
        }
        if (live.previewUrls() != null) {
            keys.add("preview_urls");
        }
        if (!live.routes().isEmpty()) {
            keys.add("routes");
        }
        if (!keys.isEmpty()) {
            warnings.add(String.join(", ", keys) + (keys.size() == 1 ? " is" : " are")
                    + " not applied with --dispatch-namespace (ignored): a Worker in a dispatch namespace is reached"
                    + " through its dispatcher Worker");
        }
        return warnings;
    }

    /** Prints why config settings are not applied (dispatch namespace); returns how many, for {@code --strict}. */
    int printSkipped(PrintWriter err) {
        return Warnings.print(skipped, err);
    }

    boolean runs() {
        return plan != null;
    }

    /** What the phase will ask for, for a dry run; {@code null} when it does not run. */
    List<TriggerPlan.PlannedRequest> planned(ApiPaths paths, boolean afterUpload) {
        return plan == null ? null : plan.requests(paths, afterUpload);
    }

    /**
     * Before the upload, as wrangler's {@code preUploadApiChecks}, once the deploy knows whether the Worker exists: a
     * new Worker that is to answer on workers.dev needs the account's workers.dev subdomain, or the deploy stops
     * there, with nothing uploaded.
     */
    Consumer<Boolean> checkBeforeUpload(ApiClient client, String accountId) {
        return exists -> {
            if (plan != null && !exists && plan.wantsWorkersDev()) {
                AccountSubdomain.checkBeforeUpload(client, accountId);
            }
        };
    }

    /**
     * Runs the phase after {@code deployed} (or on its own: {@code null}); its warnings go to {@code err}. A phase
     * that did not apply whole fails the command (exit 5) with a message saying the version is deployed, what did not
     * apply, and the command that finishes it; an interruption says that too.
     *
     * @return what applied, or {@code null} when the phase does not run
     */
    LiveResult run(
            ApiClient client, String accountId, DeployResult deployed, Interruption interruption, PrintWriter err) {
        if (plan == null) {
            return null;
        }
        interruption.now(Interruption.goingLive(plan.scriptName(), deployed != null, finishCommand));
        LiveResult result = new TriggersDeployer(client, accountId)
                .apply(plan, deployed != null && deployed.newWorker(), configName);
        Warnings.print(result.warnings(), err);
        if (!result.complete()) {
            throw new TriggersIncompleteException(TriggersReport.incomplete(
                    plan.scriptName(), deployed == null ? null : deployed.versionId(), result, finishCommand));
        }
        return result;
    }

    private static String nameOf(Path file) {
        return file.getFileName().toString();
    }
}
