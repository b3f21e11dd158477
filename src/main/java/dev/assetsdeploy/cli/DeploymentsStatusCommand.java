package dev.assetsdeploy.cli;

import dev.assetsdeploy.report.DeploymentsReport;
import dev.assetsdeploy.versions.Deployment;
import dev.assetsdeploy.versions.WorkerVersion;
import dev.assetsdeploy.versions.WorkerVersions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "The Worker's current deployment: which versions serve its traffic, in what shares.")
final class DeploymentsStatusCommand implements Callable<Integer> {

    @ParentCommand
    DeploymentsCommand parent;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        Deployment current;
        Map<String, WorkerVersion> versions;
        String script;
        try (ExistingWorkerOptions.Session session = worker.open(parent.root.env())) {
            script = session.scriptName();
            WorkerVersions reader = new WorkerVersions(session.client(), script);
            List<Deployment> deployments = reader.deployments();
            current = deployments.isEmpty() ? null : deployments.get(0);
            versions = reader.versionsOf(current == null ? List.of() : List.of(current));
        }
        worker.print(
                () -> DeploymentsReport.statusJson(script, current, versions),
                out -> DeploymentsReport.printStatus(script, current, versions, out));
        return ExitCodes.OK;
    }
}
