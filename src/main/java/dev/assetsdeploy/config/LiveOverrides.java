package dev.assetsdeploy.config;

import java.util.List;

/**
 * The triggers flags over the config; {@code null} for "not given". Checked by {@link ConfigLoader} with the rules of
 * the config's fields.
 *
 * @param workersDev  {@code --workers-dev} / {@code --no-workers-dev}
 * @param previewUrls {@code --preview-urls} / {@code --no-preview-urls}
 * @param routes      {@code --route PATTERN} (repeatable): replaces the config's routes, custom domains included,
 *                    as wrangler's {@code --route} does
 * @param domains     {@code --domain HOST} (repeatable): custom domains added to the routes in effect, as
 *                    wrangler's {@code --domain} does
 * @param schedules   {@code --schedule CRON} (repeatable): replaces the config's {@code triggers.crons}
 */
public record LiveOverrides(
        Boolean workersDev, Boolean previewUrls, List<String> routes, List<String> domains, List<String> schedules) {

    public static final LiveOverrides NONE = new LiveOverrides(null, null, null, null, null);

    public LiveOverrides {
        routes = routes == null || routes.isEmpty() ? null : List.copyOf(routes);
        domains = domains == null || domains.isEmpty() ? null : List.copyOf(domains);
        schedules = schedules == null || schedules.isEmpty() ? null : List.copyOf(schedules);
    }
}
