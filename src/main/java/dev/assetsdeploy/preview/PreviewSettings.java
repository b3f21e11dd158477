package dev.assetsdeploy.preview;

import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.DeployConfig;
import java.util.List;

/**
 * What decides routing, besides the files: the handling modes, the compatibility date and flags
 * (some routing depends on them), and whether a Worker would run (requests that find no asset,
 * or that {@code run_worker_first} claims, go to it).
 */
public record PreviewSettings(
        HtmlHandling htmlHandling,
        NotFoundHandling notFoundHandling,
        String compatibilityDate,
        List<String> compatibilityFlags,
        boolean hasWorkerCode,
        AssetsSettings.RunWorkerFirst runWorkerFirst) {

    /** The compatibility flag that lets navigation requests prefer assets over the Worker (on by default from this date). */
    public static final String NAVIGATION_FLAG = "assets_navigation_prefers_asset_serving";

    public static final String NAVIGATION_FLAG_OFF = "assets_navigation_has_no_effect";
    public static final String NAVIGATION_FLAG_DATE = "2025-04-01";
    /** The asset worker's date when none is configured. */
    private static final String DEFAULT_DATE = "2021-11-02";

    public PreviewSettings {
        htmlHandling = htmlHandling == null ? HtmlHandling.AUTO_TRAILING_SLASH : htmlHandling;
        notFoundHandling = notFoundHandling == null ? NotFoundHandling.NONE : notFoundHandling;
        compatibilityDate = compatibilityDate == null ? DEFAULT_DATE : compatibilityDate;
        compatibilityFlags = compatibilityFlags == null ? List.of() : List.copyOf(compatibilityFlags);
    }

    public static PreviewSettings of(DeployConfig config) {
        AssetsSettings assets = config.assets() == null ? AssetsSettings.NONE : config.assets();
        return new PreviewSettings(
                assets.htmlHandling(),
                assets.notFoundHandling(),
                config.compatibilityDate(),
                config.compatibilityFlags(),
                config.hasWorkerCode(),
                assets.runWorkerFirst());
    }

    /** Whether {@code Sec-Fetch-Mode: navigate} requests get {@code not_found_handling} before the Worker. */
    public boolean navigationPrefersAssets() {
        if (compatibilityFlags.contains(NAVIGATION_FLAG)) {
            return true;
        }
        return compatibilityDate.compareTo(NAVIGATION_FLAG_DATE) >= 0
                && !compatibilityFlags.contains(NAVIGATION_FLAG_OFF);
    }

    public boolean workerFirstForAll() {
        return hasWorkerCode && runWorkerFirst != null && Boolean.TRUE.equals(runWorkerFirst.all());
    }

    public List<String> workerFirstRules() {
        return hasWorkerCode && runWorkerFirst != null && runWorkerFirst.rules() != null
                ? runWorkerFirst.rules()
                : List.of();
    }
}
