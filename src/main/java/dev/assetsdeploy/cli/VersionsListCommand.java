package dev.assetsdeploy.cli;

import dev.assetsdeploy.report.VersionsReport;
import dev.assetsdeploy.versions.WorkerVersion;
import dev.assetsdeploy.versions.WorkerVersions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "The Worker's versions that can be deployed (the API keeps the last 100), newest first: id,"
                + " number, created, author, source, tag, alias, message.")
final class VersionsListCommand implements Callable<Integer> {

    @ParentCommand
    VersionsCommand parent;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        List<WorkerVersion> versions;
        String script;
        try (ExistingWorkerOptions.Session session = worker.open(parent.root.env())) {
            script = session.scriptName();
            versions = new WorkerVersions(session.client(), script).deployable();
        }
        worker.print(
                () -> VersionsReport.listJson(script, versions),
                out -> VersionsReport.printList(script, versions, out));
        return ExitCodes.OK;
    }
}
