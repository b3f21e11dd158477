package dev.assetsdeploy.cli;

import dev.assetsdeploy.report.RolloutReport;
import dev.assetsdeploy.versions.Rollout;
import dev.assetsdeploy.versions.Rollouts;
import dev.assetsdeploy.versions.TrafficSplit;
import dev.assetsdeploy.versions.WorkerVersions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "deploy",
        mixinStandardHelpOptions = true,
        description = "Give existing versions the Worker's traffic: one version at 100 %%, or two whose percentages"
                + " add up to 100 (a gradual rollout). Every id is checked before the deployment is made.")
final class VersionsDeployCommand implements Callable<Integer> {

    @ParentCommand
    VersionsCommand parent;

    @Parameters(
            arity = "1..*",
            paramLabel = "VERSION_ID[@PERCENT]",
            description = "A version and its share of the traffic, like 3333...@90 or 3333...@90%%; an id without a"
                    + " percentage gets what the other leaves (alone: 100 %%).")
    List<String> specs;

    @Option(
            names = {"-m", "--message"},
            paramLabel = "TEXT",
            description = "A message recorded with the deployment (annotation workers/message; default: empty).")
    String message;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        TrafficSplit split = TrafficSplit.parse(specs);
        Rollout rollout;
        try (ExistingWorkerOptions.Session session = worker.open(parent.root.env())) {
            WorkerVersions versions = new WorkerVersions(session.client(), session.scriptName());
            rollout = new Rollouts(session.client(), versions, session.codeUpdateStrategy()).deploy(split, message);
        }
        worker.print(() -> RolloutReport.json(rollout), out -> RolloutReport.printText(rollout, false, out));
        return ExitCodes.OK;
    }
}
