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
        name = "list",
        mixinStandardHelpOptions = true,
        description = "The Worker's deployments, newest (the current one) first, each with its versions' shares of"
                + " the traffic. wrangler lists them oldest first.")
final class DeploymentsListCommand implements Callable<Integer> {

    @ParentCommand
    DeploymentsCommand parent;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        List<Deployment> deployments;
        Map<String, WorkerVersion> versions;
        String script;
        try (ExistingWorkerOptions.Session session = worker.open(parent.root.env())) {
            script = session.scriptName();
            WorkerVersions reader = new WorkerVersions(session.client(), script);
            deployments = reader.deployments();
            versions = reader.versionsOf(deployments);
        }
        worker.print(
                () -> DeploymentsReport.listJson(script, deployments, versions),
                out -> DeploymentsReport.printList(script, deployments, versions, out));
        return ExitCodes.OK;
    }
}
