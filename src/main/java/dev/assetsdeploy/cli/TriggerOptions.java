package dev.assetsdeploy.cli;

import dev.assetsdeploy.config.LiveOverrides;
import java.util.List;
import picocli.CommandLine.Option;

/** The triggers flags of {@code deploy}, {@code all} and {@code triggers}: each replaces its config setting. */
public final class TriggerOptions {

    @Option(
            names = "--workers-dev",
            negatable = true,
            description = "Answer on https://NAME.SUBDOMAIN.workers.dev, or not (config: workers_dev; default: on"
                    + " when there are no routes or custom domains).")
    Boolean workersDev;

    @Option(
            names = "--preview-urls",
            negatable = true,
            description = "Serve each version on a preview URL of its own, or not (config: preview_urls; default: as"
                    + " the API decides, which follows workers.dev).")
    Boolean previewUrls;

    @Option(
            names = "--route",
            paramLabel = "PATTERN",
            description = "A zone route like example.com/* (repeatable); replaces the config's routes, custom domains"
                    + " included, as wrangler's --route does.")
    List<String> routes;

    @Option(
            names = "--domain",
            paramLabel = "HOST",
            description = "A custom domain like shop.example.com (repeatable), added to the routes in effect, as"
                    + " wrangler's --domain does.")
    List<String> domains;

    @Option(
            names = "--schedule",
            paramLabel = "CRON",
            description = "A cron schedule like '*/5 * * * *' (repeatable); replaces the config's triggers.crons.")
    List<String> schedules;

    LiveOverrides overrides() {
        return new LiveOverrides(workersDev, previewUrls, routes, domains, schedules);
    }

    /** The flags given, for messages ({@code --route, --schedule}); empty when none. */
    List<String> given() {
        List<String> flags = new java.util.ArrayList<>();
        if (workersDev != null) {
            flags.add(workersDev ? "--workers-dev" : "--no-workers-dev");
        }
        if (previewUrls != null) {
            flags.add(previewUrls ? "--preview-urls" : "--no-preview-urls");
        }
        if (routes != null && !routes.isEmpty()) {
            flags.add("--route");
        }
        if (domains != null && !domains.isEmpty()) {
            flags.add("--domain");
        }
        if (schedules != null && !schedules.isEmpty()) {
            flags.add("--schedule");
        }
        return flags;
    }
}
