package dev.assetsdeploy.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a deploy needs to know, after the config file, its {@code [env.NAME]} section and
 * the flags have been merged and validated. Immutable.
 *
 * @param configFile         the wrangler config it came from, or {@code null} when none was used
 * @param scriptName         the Worker's name ({@code name}, {@code --script})
 * @param main               the Worker's main module, or {@code null} for an assets-only Worker
 * @param accountId          {@code account_id} from the config, or {@code null} (the environment may give it)
 * @param compatibilityDate  {@code compatibility_date}, {@code yyyy-mm-dd}
 * @param compatibilityFlags {@code compatibility_flags}
 * @param assetsDirectory    the assets folder (already resolved against the config file's folder), or {@code null}
 * @param assets             the {@code assets} settings sent in the Worker metadata
 * @param bindings           the Worker's bindings (the assets binding included), vars and required secrets
 * @param settings           the Worker's other settings (observability, tail consumers, migrations, ...)
 * @param live               what the triggers phase applies after the deploy (workers.dev, routes, schedules)
 */
public record DeployConfig(
        Path configFile,
        String scriptName,
        Path main,
        String accountId,
        String compatibilityDate,
        List<String> compatibilityFlags,
        Path assetsDirectory,
        AssetsSettings assets,
        WorkerBindings bindings,
        WorkerSettings settings,
        LiveSettings live) {

    public DeployConfig {
        compatibilityFlags = List.copyOf(compatibilityFlags);
        live = live == null ? LiveSettings.NONE : live;
    }

    public boolean hasWorkerCode() {
        return main != null;
    }
}
