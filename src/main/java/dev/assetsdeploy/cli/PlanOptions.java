package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.report.PlanReport;
import dev.assetsdeploy.upload.SessionOpener;
import dev.assetsdeploy.upload.UploadPlan;
import dev.assetsdeploy.upload.UploadTarget;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --plan} of {@code upload} and {@code all}: ask the API what it lacks, print it, stop. */
public final class PlanOptions {

    @Option(
            names = "--plan",
            description = "Open an upload session and report which files Cloudflare asks for (count and bytes;"
                    + " --verbose lists them, --json too), then stop: nothing is uploaded or deployed. Needs"
                    + " credentials (unlike --dry-run).")
    boolean plan;

    boolean requested() {
        return plan;
    }

    /** Opens the session (retries said on {@code err}), prints what it asks for on {@code out}; sends nothing else. */
    int run(
            ApiClient client,
            Manifest manifest,
            UploadTarget target,
            OutputOptions output,
            PrintWriter out,
            PrintWriter err) {
        UploadPlan asked = SessionOpener.plan(client, target, manifest, output.retryLog(err));
        output.print(
                out,
                () -> PlanReport.json(manifest, asked, target.scriptName(), target.dispatchNamespace()),
                text -> PlanReport.printText(manifest, asked, target.scriptName(), output.verbose(), text));
        return ExitCodes.OK;
    }
}
