package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.PathName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fields of the triggers phase in one config section ({@code workers_dev}, {@code preview_urls}, {@code route},
 * {@code routes}, {@code triggers}), checked as wrangler 4.164 checks them ({@code isValidRouteValue},
 * {@code validateTriggers}, and {@code validateRoutes}' custom-domain rules), and their merge over sections and
 * flags ({@code inheritable} in wrangler's {@code normalizeAndValidateEnvironment}).
 */
final class LiveFields {

    /** One section's values; {@code null} when it does not set them. */
    record LiveLayer(
            Sourced<Boolean> workersDev,
            Sourced<Boolean> previewUrls,
            Sourced<Route> route,
            Sourced<List<Route>> routes,
            Sourced<Triggers> triggers) {}

    /** A section's {@code triggers} table: inherited as a whole, so a section's own table drops the top-level crons. */
    record Triggers(List<String> crons) {}

    /** The keys a route object may have (wrangler's {@code isValidRouteValue}). */
    private static final Set<String> ROUTE_KEYS =
            Set.of("pattern", "zone_id", "zone_name", "custom_domain", "enabled", "previews_enabled");

    private static final String ROUTE_SHAPES =
            "\"example.com/*\", {\"pattern\": \"example.com/*\", \"zone_name\": \"example.com\"} (or \"zone_id\"),"
                    + " or {\"pattern\": \"shop.example.com\", \"custom_domain\": true}";

    private final FieldReader fields;

    LiveFields(FieldReader fields) {
        this.fields = fields;
    }

    LiveLayer read(JsonObject section, String path) {
        Sourced<Route> route = null;
        JsonElement single = section.get("route");
        if (single != null
                && single.isJsonPrimitive()
                && single.getAsJsonPrimitive().isString()
                && single.getAsString().isEmpty()) {
            // wrangler's mutateEmptyStringRouteValue: as if it were not there
            fields.warn(
                    ConfigWarning.Code.SUSPICIOUS_VALUE, fields.at(path + "route") + " is empty: ignored (remove it)");
            single = null;
        } else if (single != null) {
            Route r = route(single, path + "route");
            route = r == null ? null : Sourced.of(r, fields.at(path + "route"));
        }
        Sourced<List<Route>> routes = routes(section, path);
        if (single != null && section.has("routes")) {
            fields.problem(
                    fields.at(path + "route") + " and " + path + "routes are both set: keep one (routes takes a list)");
        }
        return new LiveLayer(
                bool(section, path, "workers_dev"),
                bool(section, path, "preview_urls"),
                route,
                routes,
                triggers(section, path));
    }

    /**
     * file &lt; {@code env.NAME} &lt; flags. Each field is inherited on its own, {@code route} and {@code routes}
     * too: a section with only {@code route} under a top level with {@code routes} deploys the top-level
     * {@code routes}, as wrangler does ({@code config.routes ?? [config.route]}).
     */
    static LiveSettings merge(
            LiveLayer top,
            LiveLayer section,
            String env,
            LiveOverrides flags,
            List<String> problems,
            List<ConfigWarning> warnings) {
        Boolean workersDev = Sourced.valueOf(Sourced.pick(top, section, LiveLayer::workersDev));
        Boolean previewUrls = Sourced.valueOf(Sourced.pick(top, section, LiveLayer::previewUrls));
        Sourced<List<Route>> routesField = Sourced.pick(top, section, LiveLayer::routes);
        Sourced<Route> routeField = Sourced.pick(top, section, LiveLayer::route);
        List<Route> routes = routesField != null
                ? routesField.value()
                : routeField != null ? List.of(routeField.value()) : List.of();
        Triggers triggers = Sourced.valueOf(Sourced.pick(top, section, LiveLayer::triggers));
        List<String> crons = triggers == null ? null : triggers.crons();
        if (flags.routes() == null) {
            warnAboutInheritedDomains(top, section, env, warnings);
        }

        if (flags.workersDev() != null) {
            workersDev = flags.workersDev();
        }
        if (flags.previewUrls() != null) {
            previewUrls = flags.previewUrls();
        }
        if (flags.routes() != null) {
            routes = new ArrayList<>();
            for (String pattern : flags.routes()) {
                if (pattern.isBlank()) {
                    problems.add("--route is empty, expected a route pattern like example.com/*");
                } else {
                    routes.add(Route.pattern(pattern));
                }
            }
        }
        if (flags.domains() != null) {
            routes = new ArrayList<>(routes);
            for (String host : flags.domains()) {
                problems.addAll(domainProblems("--domain " + Json.quote(host), host));
                routes.add(Route.domain(host));
            }
        }
        if (flags.schedules() != null) {
            crons = flags.schedules();
            for (String cron : crons) {
                if (cron.isBlank()) {
                    problems.add("--schedule is empty, expected a cron expression like \"*/5 * * * *\"");
                }
            }
        }
        return new LiveSettings(workersDev, previewUrls, routes, crons);
    }

    /** wrangler's warning: an env that inherits top-level custom domains moves them to its own Worker. */
    private static void warnAboutInheritedDomains(
            LiveLayer top, LiveLayer section, String env, List<ConfigWarning> warnings) {
        if (section == null || section.routes() != null || top == null || top.routes() == null) {
            return;
        }
        List<String> domains = top.routes().value().stream()
                .filter(Route::customDomain)
                .map(Route::pattern)
                .toList();
        if (!domains.isEmpty()) {
            warnings.add(new ConfigWarning(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    top.routes().origin() + " is inherited by env." + env + " with the custom domain"
                            + (domains.size() == 1 ? " " : "s ") + String.join(", ", domains)
                            + ": deploying env." + env + " moves " + (domains.size() == 1 ? "it" : "them")
                            + " away from the top-level Worker; add \"routes\": [] to env." + env
                            + " to stop the inheritance, or copy the routes into it to hide this warning"));
        }
    }

    private Sourced<List<Route>> routes(JsonObject section, String path) {
        JsonElement value = section.get("routes");
        if (value == null) {
            return null;
        }
        String origin = fields.at(path + "routes");
        if (!value.isJsonArray()) {
            fields.problem(origin + " is " + describe(value) + ", expected a list of routes: " + ROUTE_SHAPES);
            return null;
        }
        JsonArray items = value.getAsJsonArray();
        List<Route> routes = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            Route route = route(items.get(i), path + "routes[" + i + "]");
            ok &= route != null;
            routes.add(route);
        }
        return ok ? Sourced.of(routes, origin) : null;
    }

    /** One route, or {@code null} with its problems added. */
    private Route route(JsonElement item, String path) {
        String origin = fields.at(path);
        if (fields.isString(item)) {
            if (item.getAsString().isBlank()) {
                fields.problem(origin + " is empty, expected a route: " + ROUTE_SHAPES);
                return null;
            }
            return Route.pattern(item.getAsString());
        }
        if (!item.isJsonObject()) {
            fields.problem(origin + " is " + describe(item) + ", expected a route: " + ROUTE_SHAPES);
            return null;
        }
        JsonObject object = item.getAsJsonObject();
        int before = fields.problemCount();
        List<String> unknown = object.keySet().stream()
                .filter(key -> !ROUTE_KEYS.contains(key))
                .toList();
        if (!unknown.isEmpty()) {
            fields.problem(origin + " has " + (unknown.size() == 1 ? "the field " : "the fields ")
                    + String.join(", ", unknown) + ", expected only "
                    + ROUTE_KEYS.stream().sorted().collect(Collectors.joining(", ")));
        }
        String pattern = routeString(object, path, "pattern");
        String zoneId = routeString(object, path, "zone_id");
        String zoneName = routeString(object, path, "zone_name");
        Boolean customDomain = routeBoolean(object, path, "custom_domain");
        Boolean enabled = routeBoolean(object, path, "enabled");
        Boolean previewsEnabled = routeBoolean(object, path, "previews_enabled");
        if (!object.has("pattern")) {
            fields.problem(origin + " has no pattern, expected a route: " + ROUTE_SHAPES);
        } else if (pattern != null && pattern.isBlank()) {
            fields.problem(origin + ".pattern is empty, expected a route pattern or a host name");
        }
        String zoneIdProblem = zoneId == null ? null : PathName.ZONE_ID.problem(origin + ".zone_id", zoneId);
        if (zoneIdProblem != null) {
            fields.problem(zoneIdProblem);
        }
        if (object.has("zone_id") && object.has("zone_name")) {
            fields.problem(origin + " has both zone_id and zone_name: keep one");
        }
        if ((object.has("enabled") || object.has("previews_enabled")) && !object.has("custom_domain")) {
            fields.problem(origin + ": enabled and previews_enabled apply to a custom domain only: add"
                    + " \"custom_domain\": true, or remove them");
        }
        if (fields.problemCount() == before
                && !object.has("zone_id")
                && !object.has("zone_name")
                && !object.has("custom_domain")) {
            fields.problem(
                    origin + " has only a pattern: add \"zone_name\" (or \"zone_id\"), or \"custom_domain\": true,"
                            + " or write the pattern as a plain string");
        }
        boolean isDomain = Boolean.TRUE.equals(customDomain);
        if (isDomain && pattern != null) {
            fields.problems(domainProblems(origin + ".pattern " + Json.quote(pattern), pattern));
        }
        if (fields.problemCount() != before) {
            return null;
        }
        return new Route(pattern, zoneId, zoneName, isDomain, enabled, previewsEnabled, object);
    }

    /** wrangler's {@code validateRoutes}: a custom domain is a host name, with no wildcard and no path. */
    private static List<String> domainProblems(String origin, String host) {
        List<String> problems = new ArrayList<>();
        if (host.isBlank()) {
            problems.add(origin + " is empty, expected a host name like shop.example.com");
        }
        if (host.contains("*")) {
            problems.add(origin + " is a custom domain with a wildcard (*): a custom domain is one host name"
                    + " (use a zone route for a wildcard)");
        }
        if (host.contains("/")) {
            problems.add(origin + " is a custom domain with a path (/): a custom domain is a host name only"
                    + " (use a zone route for a path)");
        }
        return problems;
    }

    /** A route field's string, or {@code null} when it is absent or (with a problem) not a string. */
    private String routeString(JsonObject object, String path, String key) {
        return fields.optionalAnyString(object, path, key, "a string") && object.has(key)
                ? object.get(key).getAsString()
                : null;
    }

    /** A route field's boolean, or {@code null} when it is absent or (with a problem) not true or false. */
    private Boolean routeBoolean(JsonObject object, String path, String key) {
        return fields.optionalBoolean(object, path, key) && object.has(key)
                ? object.get(key).getAsBoolean()
                : null;
    }

    private Sourced<Boolean> bool(JsonObject section, String path, String key) {
        JsonElement value = section.get(key);
        return value != null && fields.bool(value, path + key)
                ? Sourced.of(value.getAsBoolean(), fields.at(path + key))
                : null;
    }

    private Sourced<Triggers> triggers(JsonObject section, String path) {
        JsonElement value = section.get("triggers");
        if (value == null) {
            return null;
        }
        String origin = fields.at(path + "triggers");
        if (!value.isJsonObject()) {
            fields.problem(
                    origin + " is " + describe(value) + ", expected an object like {\"crons\": [\"*/5 * * * *\"]}");
            return null;
        }
        JsonObject triggers = value.getAsJsonObject();
        // triggers.events is refused with the other keys assets-deploy does not apply (UnsupportedKey)
        fields.unknownFields(triggers, path + "triggers", Set.of("crons", "events"));
        JsonElement crons = triggers.get("crons");
        if (crons == null) {
            return Sourced.of(new Triggers(null), origin);
        }
        if (!crons.isJsonArray()) {
            fields.problem(origin + ".crons is " + describe(crons) + ", expected a list of cron expressions like"
                    + " [\"*/5 * * * *\"]");
            return null;
        }
        List<String> list = new ArrayList<>();
        JsonArray items = crons.getAsJsonArray();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            JsonElement item = items.get(i);
            if (item.isJsonPrimitive()
                    && item.getAsJsonPrimitive().isString()
                    && !item.getAsString().isBlank()) {
                list.add(item.getAsString());
            } else {
                fields.problem(origin + ".crons[" + i + "] is " + describe(item)
                        + ", expected a cron expression like \"*/5 * * * *\"");
                ok = false;
            }
        }
        return ok ? Sourced.of(new Triggers(list), origin) : null;
    }

    private String describe(JsonElement value) {
        return fields.describe(value);
    }
}
