package dev.assetsdeploy.config;

import java.util.List;

/**
 * What the triggers phase applies after a deploy, from the config (with wrangler 4.164's {@code --env} inheritance)
 * and the flags over it.
 *
 * @param workersDev  {@code workers_dev} ({@code --workers-dev}), or {@code null} when not set
 * @param previewUrls {@code preview_urls} ({@code --preview-urls}), or {@code null} when not set
 * @param routes      the routes in effect, zone routes and custom domains, in config order: {@code routes}, else
 *                    {@code route}, else none; {@code --route} replaces them, {@code --domain} adds custom domains
 * @param crons       {@code triggers.crons} ({@code --schedule}), or {@code null} when the config has none: an empty
 *                    list clears the Worker's schedules, {@code null} leaves them as they are
 */
public record LiveSettings(Boolean workersDev, Boolean previewUrls, List<Route> routes, List<String> crons) {

    public static final LiveSettings NONE = new LiveSettings(null, null, List.of(), null);

    public LiveSettings {
        routes = List.copyOf(routes);
        crons = crons == null ? null : List.copyOf(crons);
    }

    /** What wrangler's {@code getSubdomainValues} makes of it: {@code workers_dev} defaults to on without routes. */
    public boolean wantsWorkersDev() {
        return workersDev != null ? workersDev : routes.isEmpty();
    }
}
