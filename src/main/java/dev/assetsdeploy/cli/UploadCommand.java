package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.deploy.TokenFile;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.report.UploadEvents;
import dev.assetsdeploy.report.UploadSummary;
import dev.assetsdeploy.upload.UploadResult;
import dev.assetsdeploy.upload.UploadTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
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
        name = "upload",
        mixinStandardHelpOptions = true,
        description = "Upload the files of DIR that Cloudflare does not have yet, and get the completion token a"
                + " Worker deploy needs. Safe to interrupt and run again: only what is missing is sent.")
final class UploadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Parameters(index = "0", paramLabel = "DIR", description = "The assets folder.")
    Path dir;

    @Option(names = "--script", required = true, paramLabel = "NAME", description = "The Worker the assets are for.")
    String script;

    @Option(
            names = "--dispatch-namespace",
            paramLabel = "NS",
            description = "Workers for Platforms: the dispatch namespace of the Worker.")
    String dispatchNamespace;

    @Mixin
    PlanOptions plan;

    @Mixin
    ConcurrencyOptions concurrency;

    @Option(
            names = "--token-out",
            paramLabel = "FILE",
            description = "Write the completion token to FILE (mode 600, replaced atomically).")
    Path tokenOut;

    @Mixin
    RequestOptions requests;

    @Mixin
    CredentialsOptions credentialsOptions;

    @Mixin
    ManifestOptions manifestOptions;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        requests.check(spec);
        Environment env = root.env();
        ApiSettings settings = UploadStep.clientSettings(requests.apply(credentialsOptions.settings(env), spec));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Manifest manifest = manifestOptions.build(dir);
        ManifestOptions.printCacheUse(manifest, output, err);
        Strictness.check(output, ManifestOptions.printWarnings(manifest, err));

        UploadEvents events = output.json() ? new UploadEvents(out) : null;
        UploadResult result;
        try (ApiClient client = new ApiClient(settings, output.requestLog(err))) {
            if (plan.requested()) {
                return plan.run(client, manifest, new UploadTarget(script, dispatchNamespace), output, out);
            }
            result = UploadStep.of(concurrency, settings, output, env, err)
                    .run(
                            client,
                            manifest,
                            new UploadTarget(script, dispatchNamespace),
                            events == null ? List.of() : List.of(events));
        }
        if (tokenOut != null) {
            TokenFile.write(tokenOut, result.token().jwt());
        }
        if (events != null) {
            events.done(result, tokenOut);
        } else {
            out.println(UploadSummary.text(result));
            out.println(
                    tokenOut != null
                            ? "Completion token written to " + tokenOut + " (valid about an hour)."
                            : "The completion token was not kept: pass --token-out FILE or --json to hand it to a deploy.");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
