package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.report.RolloutReport;
import dev.assetsdeploy.versions.Rollout;
import dev.assetsdeploy.versions.Rollouts;
import dev.assetsdeploy.versions.VersionIds;
import dev.assetsdeploy.versions.WorkerVersions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Give all the Worker's traffic back to an earlier version: VERSION_ID, or by default the"
                + " version deployed before the current one (the newest earlier deployment of one version at 100 %%"
                + " that is not the version live now). Never asks: secrets changed since that version are named"
                + " on stderr, and the rollback goes ahead, as wrangler's does without a terminal.")
final class RollbackCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "VERSION_ID",
            description = "The version to roll back to (default: the one deployed before the current one).")
    String versionId;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "Why (annotation workers/message; default: " + Rollouts.DEFAULT_ROLLBACK_MESSAGE + ").")
    String message;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        String target = versionId == null ? null : VersionIds.parse(versionId, "rollback");
        PrintWriter err = spec.commandLine().getErr();
        Rollout rollout;
        try (ExistingWorkerOptions.Session session = worker.open(root.env())) {
            WorkerVersions versions = new WorkerVersions(session.client(), session.scriptName());
            rollout = new Rollouts(session.client(), versions, session.codeUpdateStrategy())
                    .rollback(target, message, (version, names) -> changedSecrets(version, names, err));
        }
        worker.print(() -> RolloutReport.json(rollout), out -> RolloutReport.printText(rollout, true, out));
        return ExitCodes.OK;
    }

    /** Before the forced rollback: a warning naming them, or under --strict the end of it. */
    private void changedSecrets(String version, List<String> names, PrintWriter err) {
        String which = (names.isEmpty()
                        ? "secrets changed"
                        : "secrets "
                                + String.join(
                                        ", ", names.stream().map(Json::quote).toList()) + " changed")
                + " since version " + version + " was deployed";
        if (worker.output().strict()) {
            throw AssetsDeployException.invalidInput("rollback: " + which + ", and --strict does not force the"
                    + " rollback; run without --strict to roll back anyway");
        }
        Warnings.print(
                List.of(which + "; rolling back anyway, as wrangler does without a terminal (?force=true)"), err);
    }
}
