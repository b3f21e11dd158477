package dev.assetsdeploy.live;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiPaths;
import dev.assetsdeploy.config.LiveSettings;
import dev.assetsdeploy.config.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * What the triggers phase asks of the API for one Worker, with the bodies exactly as wrangler 4.164's
 * {@code triggersDeploy} writes them ({@code JSON.stringify}: keys in wrangler's order, unset members left out).
 *
 * @param scriptName the Worker
 * @param settings   workers.dev, preview URLs, routes and crons from the config and the flags
 */
public record TriggerPlan(String scriptName, LiveSettings settings) {

    /** The header wrangler sends with the workers.dev call: the version of that API whose body it writes. */
    static final String SCRIPT_API_DATE_HEADER = "Cloudflare-Workers-Script-Api-Date";

    static final String SCRIPT_API_DATE = "2025-08-01";

    /** wrangler's {@code getSubdomainValues}: on by default when there are no routes (custom domains count). */
    public boolean wantsWorkersDev() {
        return settings.wantsWorkersDev();
    }

    /** Routes that are not custom domains (wrangler's {@code partitionRoutes}: only {@code custom_domain: true} is one). */
    public List<Route> zoneRoutes() {
        return settings.routes().stream().filter(r -> !r.customDomain()).toList();
    }

    public List<Route> customDomains() {
        return settings.routes().stream().filter(Route::customDomain).toList();
    }

    /** {@code {"enabled": ...}}, with {@code previews_enabled} only when {@code preview_urls} is set. */
    JsonObject subdomainBody() {
        JsonObject body = new JsonObject();
        body.addProperty("enabled", wantsWorkersDev());
        if (settings.previewUrls() != null) {
            body.addProperty("previews_enabled", settings.previewUrls());
        }
        return body;
    }

    /** A pattern string becomes {@code {"pattern": ...}}; a route object is sent as the config wrote it. */
    JsonArray routesBody() {
        JsonArray body = new JsonArray();
        for (Route route : zoneRoutes()) {
            JsonObject written = route.written();
            if (written == null) {
                written = new JsonObject();
                written.addProperty("pattern", route.pattern());
            }
            body.add(written);
        }
        return body;
    }

    /** The custom domains as {@code origins}: {@code hostname}, then the optional fields the route has. */
    JsonArray origins() {
        JsonArray origins = new JsonArray();
        for (Route domain : customDomains()) {
            JsonObject origin = new JsonObject();
            origin.addProperty("hostname", domain.pattern());
            if (domain.zoneId() != null) {
                origin.addProperty("zone_id", domain.zoneId());
            }
            if (domain.zoneName() != null) {
                origin.addProperty("zone_name", domain.zoneName());
            }
            if (domain.enabled() != null) {
                origin.addProperty("enabled", domain.enabled());
            }
            if (domain.previewsEnabled() != null) {
                origin.addProperty("previews_enabled", domain.previewsEnabled());
            }
            origins.add(origin);
        }
        return origins;
    }

    /**
     * The form wrangler sends when stdout is not a terminal: it takes each host name over from another Worker and
     * replaces a conflicting DNS record without asking. We always send it (there is no prompt), and say on stderr
     * which host names that moved or whose record it replaced (see {@link TriggersDeployer}).
     */
    JsonObject recordsBody() {
        JsonObject body = new JsonObject();
        body.addProperty("override_scope", true);
        body.addProperty("override_existing_origin", true);
        body.addProperty("override_existing_dns_record", true);
        body.add("origins", origins());
        return body;
    }

    /** {@code [{"cron": ...}]}; {@code []} clears the schedules. */
    JsonArray schedulesBody() {
        JsonArray body = new JsonArray();
        for (String cron : settings.crons()) {
            JsonObject schedule = new JsonObject();
            schedule.addProperty("cron", cron);
            body.add(schedule);
        }
        return body;
    }

    /** One request of the phase as a dry run shows it; {@code when} says what it depends on, {@code null} if nothing. */
    public record PlannedRequest(String method, String path, JsonElement body, String when) {}

    /**
     * Every request the phase may make, in the order it makes them; none is sent.
     *
     * @param afterUpload the phase follows a Worker upload, which checks the account's workers.dev subdomain first
     *                    when the Worker is new ({@link AccountSubdomain#checkBeforeUpload})
     */
    public List<PlannedRequest> requests(ApiPaths paths, boolean afterUpload) {
        List<PlannedRequest> requests = new ArrayList<>();
        if (afterUpload && wantsWorkersDev()) {
            requests.add(new PlannedRequest(
                    "GET",
                    paths.accountSubdomain().text(),
                    null,
                    "before the upload, when the Worker is new: an account without a workers.dev subdomain stops"
                            + " the deploy"));
        }
        requests.add(new PlannedRequest("GET", paths.worker(scriptName).text(), null, null));
        if (wantsWorkersDev()) {
            requests.add(new PlannedRequest(
                    "GET", paths.accountSubdomain().text(), null, "when the answer above has no workers.dev URL"));
        }
        requests.add(
                new PlannedRequest("POST", paths.workerSubdomain(scriptName).text(), subdomainBody(), null));
        List<Route> zoneRoutes = zoneRoutes();
        if (!wantsWorkersDev() && !zoneRoutes.isEmpty()) {
            requests.add(new PlannedRequest(
                    "GET",
                    paths.zonesNamed("ZONE").text(),
                    null,
                    "when workers.dev was off already: for each route's zone (ZONE: its zone_name, or its host and"
                            + " then each parent domain), then GET /zones/{id}/workers/routes once per zone; a route"
                            + " of another Worker stops the phase"));
        }
        if (!zoneRoutes.isEmpty()) {
            requests.add(
                    new PlannedRequest("PUT", paths.workerRoutes(scriptName).text(), routesBody(), null));
        }
        if (!customDomains().isEmpty()) {
            requests.add(new PlannedRequest(
                    "POST", paths.domainsChangeset(scriptName).text(), origins(), null));
        }
        if (settings.crons() != null) {
            requests.add(new PlannedRequest("PUT", paths.schedules(scriptName).text(), schedulesBody(), null));
        }
        if (!customDomains().isEmpty()) {
            requests.add(
                    new PlannedRequest("PUT", paths.domainRecords(scriptName).text(), recordsBody(), null));
        }
        return requests;
    }
}
