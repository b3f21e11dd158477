package dev.assetsdeploy.cli;

import dev.assetsdeploy.report.VersionsReport;
import dev.assetsdeploy.versions.VersionIds;
import dev.assetsdeploy.versions.WorkerVersion;
import dev.assetsdeploy.versions.WorkerVersions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "view",
        mixinStandardHelpOptions = true,
        description = "One version of the Worker: what `versions list` shows, and its handlers, compatibility date"
                + " and flags, and bindings.")
final class VersionsViewCommand implements Callable<Integer> {

    @ParentCommand
    VersionsCommand parent;

    @Parameters(index = "0", paramLabel = "VERSION_ID", description = "The version's id (a UUID).")
    String versionId;

    @Mixin
    ExistingWorkerOptions worker;

    @Override
    public Integer call() {
        String id = VersionIds.parse(versionId, "versions view");
        WorkerVersion version;
        String script;
        try (ExistingWorkerOptions.Session session = worker.open(parent.root.env())) {
            script = session.scriptName();
            version = new WorkerVersions(session.client(), script).get(id);
        }
        worker.print(() -> VersionsReport.viewJson(script, version), out -> VersionsReport.printView(version, out));
        return ExitCodes.OK;
    }
}
