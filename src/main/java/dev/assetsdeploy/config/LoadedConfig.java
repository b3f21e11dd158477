package dev.assetsdeploy.config;

import java.util.List;
import java.util.Map;

/**
 * The result of {@link ConfigLoader#load}: the merged, validated config, and what the user
 * should be told about it.
 *
 * @param config      file &lt; {@code env.NAME} section &lt; flags, merged
 * @param environment the {@code --env} name applied, or {@code null}
 * @param warnings    unknown or not-applied fields, in file order (the caller prints them;
 *                    {@code --strict} makes them errors)
 * @param sources     where each set value came from, by field ({@code "assets.html_handling"} →
 *                    {@code "wrangler.jsonc: env.staging.assets.html_handling"}, {@code "--html-handling"},
 *                    {@code "DIR"}), in a fixed field order; unset fields are absent
 */
public record LoadedConfig(
        DeployConfig config, String environment, List<ConfigWarning> warnings, Map<String, String> sources) {

    public LoadedConfig {
        warnings = List.copyOf(warnings);
        sources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sources));
    }
}
