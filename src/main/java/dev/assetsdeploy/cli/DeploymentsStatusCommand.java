package dev.assetsdeploy.cli;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.report.DeploymentsReport;
import dev.assetsdeploy.versions.Deployment;
import dev.assetsdeploy.versions.WorkerVersion;
import dev.assetsdeploy.versions.WorkerVersions;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "The Worker's current deployment: which versions serve its traffic, in what shares.")
final class DeploymentsStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

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
            WorkerVersions worker = new WorkerVersions(session.client(), script);
            List<Deployment> deployments = worker.deployments();
            current = deployments.isEmpty() ? null : deployments.get(0);
            versions = worker.versionsOf(current == null ? List.of() : List.of(current));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (worker.output().json()) {
            out.println(Json.pretty(DeploymentsReport.statusJson(script, current, versions)));
            out.flush();
        } else {
            DeploymentsReport.printStatus(script, current, versions, out);
        }
        return ExitCodes.OK;
    }
}
