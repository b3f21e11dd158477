package dev.assetsdeploy.cli;

import dev.assetsdeploy.config.ConfigOverrides;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which config, which of its sections and which Worker: the flags of every command that names a Worker, on their
 * own for a command that uploads nothing ({@code triggers}; {@code versions}, {@code deployments} and {@code rollback}
 * through {@link ExistingWorkerOptions}), and within {@link ConfigOptions} for the others.
 */
public final class WorkerOptions {

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "The wrangler config to read (default: the nearest wrangler.json, wrangler.jsonc or"
                    + " wrangler.toml, from this folder upward).")
    Path configFile;

    @Option(
            names = {"-e", "--env"},
            paramLabel = "NAME",
            description = "Apply the config's env.NAME section over its top level (default: $CLOUDFLARE_ENV).")
    String environment;

    @Option(
            names = {"--script", "--name"},
            paramLabel = "NAME",
            description = "The Worker's name (config: name).")
    String scriptName;

    /** The environment: {@code --env}, else {@code $CLOUDFLARE_ENV}, else {@code null}. */
    String environment(Environment env) {
        return environment != null ? environment : env.get("CLOUDFLARE_ENV");
    }

    /** These flags as overrides, for the caller to add its own. */
    ConfigOverrides.Builder overrides(Environment env) {
        return ConfigOverrides.builder()
                .configFile(configFile)
                .environment(environment(env))
                .scriptName(scriptName);
    }
}
