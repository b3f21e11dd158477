package dev.assetsdeploy.cli;

import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.ConfigLoader;
import dev.assetsdeploy.config.ConfigOverrides;
import dev.assetsdeploy.config.ConfigWarning;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.LiveOverrides;
import dev.assetsdeploy.config.LoadedConfig;
import dev.assetsdeploy.config.Requirements;
import dev.assetsdeploy.config.RoutingFileWarning;
import dev.assetsdeploy.config.RoutingFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The config flags of every command that reads the wrangler config: which file, section and Worker
 * ({@link WorkerOptions}), and one flag for each field of the Worker upload, each overriding that field of the file
 * (and of its {@code --env} section). A command adds {@code @Mixin ConfigOptions config;} and calls {@link #load},
 * passing its positional DIR.
 */
public final class ConfigOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Mixin
    WorkerOptions worker;

    @Option(
            names = "--main",
            paramLabel = "FILE",
            description = "The Worker's main module, already built (config: main). Without it: an assets-only Worker.")
    Path main;

    @Option(names = "--compatibility-date", paramLabel = "YYYY-MM-DD", description = "Config: compatibility_date.")
    String compatibilityDate;

    @Option(
            names = {"--compatibility-flag", "--compatibility-flags"},
            paramLabel = "FLAG",
            description = "Repeatable; replaces the config's compatibility_flags.")
    List<String> compatibilityFlags;

    @Option(
            names = "--binding",
            paramLabel = "NAME",
            description = "The assets binding name the Worker code uses, like ASSETS (config: assets.binding).")
    String binding;

    @Option(
            names = "--html-handling",
            paramLabel = "MODE",
            description =
                    "auto-trailing-slash, force-trailing-slash, drop-trailing-slash or none (config: assets.html_handling).")
    String htmlHandling;

    @Option(
            names = "--not-found-handling",
            paramLabel = "MODE",
            description = "none, 404-page or single-page-application (config: assets.not_found_handling).")
    String notFoundHandling;

    @Option(
            names = "--run-worker-first",
            paramLabel = "true|false|RULE",
            description = "true, false, or a rule like /api/* or !/api/docs (repeatable);"
                    + " replaces the config's assets.run_worker_first.")
    List<String> runWorkerFirst;

    /**
     * The flags as overrides; {@code dir} is the command's positional DIR, or {@code null}; with the config keys {@code
     * --allow-unsupported} accepts to lose, and the triggers flags of {@code deploy} and {@code all}.
     */
    private ConfigOverrides overrides(Environment env, Path dir, List<String> allowUnsupported, LiveOverrides live) {
        return worker.overrides(env)
                .main(main)
                .compatibilityDate(compatibilityDate)
                .compatibilityFlags(compatibilityFlags)
                .assetsDirectory(dir)
                .binding(binding)
                .htmlHandling(htmlHandling)
                .notFoundHandling(notFoundHandling)
                .runWorkerFirst(runWorkerFirst)
                .allowUnsupported(allowUnsupported)
                .live(live)
                .build();
    }

    /** Reads the config from the process's working folder, with these flags over it. */
    public LoadedConfig load(Environment env, Path dir, Requirements requirements) {
        return load(env, dir, requirements, List.of(), LiveOverrides.NONE);
    }

    /**
     * For a command that uploads the Worker: with the keys {@code --allow-unsupported} accepts to lose, and the
     * triggers flags over the config's triggers settings.
     */
    LoadedConfig load(
            Environment env, Path dir, Requirements requirements, List<String> allowUnsupported, LiveOverrides live) {
        return load(Path.of("").toAbsolutePath(), env, dir, requirements, allowUnsupported, live);
    }

    /** Same, from {@code workingDirectory}: where the search for a config starts, what a relative DIR is under. */
    LoadedConfig load(
            Path workingDirectory,
            Environment env,
            Path dir,
            Requirements requirements,
            List<String> allowUnsupported,
            LiveOverrides live) {
        NameFlags.checkScript(spec, worker.scriptName, requirements.dispatchNamespace());
        return new ConfigLoader(workingDirectory).load(overrides(env, dir, allowUnsupported, live), requirements);
    }

    /** The config warnings as {@code warning: ...} lines (for stderr); returns how many, for {@code --strict}. */
    public static int printWarnings(LoadedConfig loaded, PrintWriter err) {
        return Warnings.print(
                loaded.warnings().stream().map(ConfigWarning::message).toList(), err);
    }

    /**
     * The lines of the assets folder's {@code _redirects} and {@code _headers} that Cloudflare would ignore (the
     * Worker upload sends both verbatim), as {@code warning: <file>:<line>: ...} lines; returns how many.
     */
    public static int printRoutingWarnings(DeployConfig config, PrintWriter err) {
        if (config.assetsDirectory() == null) {
            return 0;
        }
        HtmlHandling htmlHandling =
                config.assets() == null ? null : config.assets().htmlHandling();
        return printWarnings(
                RoutingFileWarning.check(
                        config.assetsDirectory(), RoutingFiles.read(config.assetsDirectory()), htmlHandling),
                err);
    }

    static int printWarnings(List<RoutingFileWarning> warnings, PrintWriter err) {
        return Warnings.print(warnings.stream().map(RoutingFileWarning::message).toList(), err);
    }
}
