package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.config.ConfigLoader;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.live.TriggerPlan;
import dev.assetsdeploy.report.TriggersReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "triggers",
        mixinStandardHelpOptions = true,
        description = "Apply only the triggers of the config to a Worker that exists, as `wrangler triggers deploy`"
                + " does: workers.dev and preview URLs, routes, custom domains, cron schedules. Nothing is uploaded."
                + " Finishes a deploy whose triggers did not all apply.")
final class TriggersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AssetsDeploy root;

    @Option(
            names = "--dry-run",
            description = "Print the requests it would make, with their bodies; send nothing, need no credentials.")
    boolean dryRun;

    @Mixin
    WorkerOptions worker;

    @Mixin
    TriggerOptions triggers;

    @Mixin
    UnsupportedKeysOptions unsupported;

    @Mixin
    CredentialsOptions credentials;

    @Mixin
    RequestOptions requests;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        requests.check(spec);
        NameFlags.checkScript(spec, worker.scriptName, false);
        Environment env = root.env();
        PrintWriter err = spec.commandLine().getErr();
        int warnings = credentials.checkApiBaseUrl(env, spec, err);
        LoadedConfig loaded = new ConfigLoader(Path.of("").toAbsolutePath())
                .load(
                        worker.overrides(env)
                                .live(triggers.overrides())
                                .allowUnsupported(unsupported.keys)
                                .build(),
                        Requirements.TRIGGERS);
        DeployConfig cfg = loaded.config();
        Strictness.check(output, warnings + ConfigOptions.printWarnings(loaded, err));
        LiveStep step = LiveStep.alone(spec, env, cfg);
        if (dryRun) {
            printDryRun(
                    step.planned(ApiPaths.forAccountOrPlaceholder(credentials.accountId(env, cfg.accountId())), false));
            return ExitCodes.OK;
        }
        ApiSettings settings = requests.apply(credentials.settings(env, cfg.accountId()), spec, env);
        LiveResult result;
        try (Interruption interruption = Interruption.of(env, err);
                ApiClient client = output.client(settings, err)) {
            result = step.run(client, settings.accountId(), null, interruption, err);
        }
        DeployOutput.printTriggers(
                spec.commandLine(), env, output, cfg.scriptName(), result, (System.nanoTime() - started) / 1_000_000);
        return ExitCodes.OK;
    }

    private void printDryRun(List<TriggerPlan.PlannedRequest> planned) {
        output.print(spec.commandLine().getOut(), () -> TriggersReport.planJson(planned), out -> {
            out.println("Dry run: nothing was sent.");
            out.println();
            TriggersReport.printPlan(planned, out);
            out.flush();
        });
    }
}
