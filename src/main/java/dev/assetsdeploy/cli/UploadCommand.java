package dev.assetsdeploy.cli;

import dev.assetsdeploy.PathName;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.PendingClient;
import dev.assetsdeploy.deploy.TokenOut;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.report.UploadEvents;
import dev.assetsdeploy.report.UploadSummary;
import dev.assetsdeploy.upload.UploadResult;
import dev.assetsdeploy.upload.UploadTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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
            description = "Write the completion token to FILE (mode 600, replaced atomically; checked before the"
                    + " upload). A FIFO, a character device or /dev/stdout is written as it is.")
    Path tokenOut;

    @Mixin
    RequestOptions requests;

    @Mixin
    CredentialsOptions credentialsOptions;

    @Mixin
    ManifestOptions manifestOptions;

    @Mixin
    OutputOptions output;

    /**
     * Uploads; with --json, a failure (or an interruption) ends the events with an {@code error} event, as stderr
     * ends with the error line.
     */
    @Override
    public Integer call() {
        Environment env = root.env();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // --plan --json prints one document, not events.
        UploadEvents events = output.json() && !plan.requested() ? new UploadEvents(out) : null;
        try (Interruption interruption = Interruption.of(env, err)) {
            if (events != null) {
                interruption.first(() -> events.error("interrupted", null, interruption.message()));
            }
            return upload(env, out, err, events, interruption);
        } catch (RuntimeException e) {
            if (events != null) {
                events.error(ErrorHandlers.kind(e), ErrorHandlers.exitCode(e), ErrorHandlers.message(e));
            }
            throw e;
        }
    }

    private int upload(
            Environment env, PrintWriter out, PrintWriter err, UploadEvents events, Interruption interruption) {
        requests.check(spec);
        int warnings = credentialsOptions.checkApiBaseUrl(env, spec, err);
        NameFlags.check(spec, "--dispatch-namespace", PathName.DISPATCH_NAMESPACE, dispatchNamespace);
        NameFlags.checkScript(spec, script, dispatchNamespace != null);
        if (plan.requested() && tokenOut != null) {
            throw new ParameterException(spec.commandLine(), "--plan gets no token to write: leave out --token-out");
        }
        ApiSettings settings = UploadStep.clientSettings(requests.apply(credentialsOptions.settings(env), spec, env));
        TokenOut tokenDestination = tokenOut == null ? null : TokenOut.prepare(tokenOut);
        if (tokenDestination != null && tokenDestination.mode() == TokenOut.Mode.STDOUT && events != null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--token-out " + tokenOut + " with --json would put the token between the events on stdout:"
                            + " leave --token-out out, and read the done event's completion_token");
        }
        try (PendingClient pending = PendingClient.start(() -> settings, s -> output.client(s, err))) {
            return hashAndUpload(env, out, err, events, interruption, warnings, settings, tokenDestination, pending);
        }
    }

    private int hashAndUpload(
            Environment env,
            PrintWriter out,
            PrintWriter err,
            UploadEvents events,
            Interruption interruption,
            int warnings,
            ApiSettings settings,
            TokenOut tokenDestination,
            PendingClient pending) {
        Manifest manifest = manifestOptions.build(dir);
        ManifestOptions.printCacheUse(manifest, output, err);
        Strictness.check(output, warnings + ManifestOptions.printWarnings(manifest, err));

        UploadResult result;
        try (ApiClient client = pending.take()) {
            if (plan.requested()) {
                return plan.run(client, manifest, new UploadTarget(script, dispatchNamespace), output, out, err);
            }
            result = UploadStep.of(concurrency, settings, output, env, err)
                    .run(client, manifest, new UploadTarget(script, dispatchNamespace), events, interruption);
        }
        if (tokenDestination != null) {
            tokenDestination.write(result.token().jwt(), out, err);
        }
        if (events != null) {
            events.done(result, tokenOut);
        } else {
            out.println(UploadSummary.text(result));
            out.println(
                    tokenOut != null
                            ? "Completion token written to " + TerminalText.escape(tokenOut.toString())
                                    + " (valid about an hour)."
                            : "The completion token was not kept: pass --token-out FILE or --json to hand it to a deploy.");
            out.flush();
        }
        return ExitCodes.OK;
    }
}
