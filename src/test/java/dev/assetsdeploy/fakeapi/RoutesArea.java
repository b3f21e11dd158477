package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.paged;
import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes and zones: {@code PUT/GET .../scripts/NAME/routes} (the PUT replaces the Worker's routes), {@code GET
 * /zones?name=&account.id=} and {@code GET /zones/ZONE/workers/routes} (every Worker's routes on a zone, which
 * wrangler reads to refuse routes another Worker holds). The PUT's refusals (no such zone, a route of another
 * Worker, a malformed entry) use invented codes: the real ones are not in wrangler or the docs.
 */
final class RoutesArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/scripts/([^/]+)";
    private static final Set<String> KEYS = Set.of("pattern", "zone_id", "zone_name", "custom_domain");

    private final FakeCloudflareApi api;
    private final List<String> problems;

    RoutesArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("PUT", SCRIPT + "/routes$", JsonCall.account(api, problems, this::put)),
                Route.of("GET", SCRIPT + "/routes$", JsonCall.account(api, problems, this::get)),
                Route.of("GET", "^/zones$", JsonCall.credentials(api, problems, this::zones)),
                Route.of("GET", "^/zones/([^/]+)/workers/routes$", JsonCall.credentials(api, problems, this::onZone)));
    }

    private JsonObject put(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        JsonArray body = call.jsonArray("the routes");
        List<ZoneRoute> routes = new ArrayList<>();
        Set<String> patterns = new HashSet<>();
        for (JsonElement element : body) {
            ZoneRoute route = route(call.state, worker.name, element);
            if (!patterns.add(route.pattern())) {
                throw ApiError.invalid("route '" + route.pattern() + "' is listed twice");
            }
            for (ZoneRoute other : call.state.allRoutes()) {
                if (other.pattern().equals(route.pattern()) && !other.script().equals(worker.name)) {
                    throw ApiError.refused(
                            409,
                            10020,
                            "route '" + route.pattern() + "' is already assigned to Worker '" + other.script() + "'");
                }
            }
            routes.add(route);
        }
        call.state.allRoutes().removeIf(r -> r.script().equals(worker.name));
        call.state.allRoutes().addAll(routes);
        return success(views(call.state, routes));
    }

    private JsonObject get(JsonCall call) {
        Worker worker = call.workerToRead(call.group(2));
        return success(views(
                call.state,
                call.state.allRoutes().stream()
                        .filter(r -> r.script().equals(worker.name))
                        .toList()));
    }

    /** {@code {"pattern": P}}, or with one of {@code zone_id} and {@code zone_name}: the zone must be the account's. */
    private static ZoneRoute route(WorkersState state, String script, JsonElement element) {
        if (!element.isJsonObject()
                || !JsonValues.isString(element.getAsJsonObject().get("pattern"))
                || element.getAsJsonObject().get("pattern").getAsString().isEmpty()) {
            throw ApiError.invalid("a route is {\"pattern\": ..., \"zone_id\" | \"zone_name\"?}, got " + element);
        }
        JsonObject route = element.getAsJsonObject();
        String pattern = route.get("pattern").getAsString();
        for (String key : route.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiError.invalid("route '" + pattern + "' has an unknown field '" + key + "'");
            }
        }
        JsonElement customDomain = route.get("custom_domain");
        if (customDomain != null && (!JsonValues.isBoolean(customDomain) || customDomain.getAsBoolean())) {
            throw ApiError.invalid("route '" + pattern + "': custom domains go to the domains API, not routes");
        }
        if (route.has("zone_id") && route.has("zone_name")) {
            throw ApiError.invalid("route '" + pattern + "' has both zone_id and zone_name");
        }
        Map<String, String> zones = state.zonesByName();
        String zoneName;
        if (route.has("zone_id")) {
            String id = string(route, "zone_id", pattern);
            zoneName = zones.entrySet().stream()
                    .filter(z -> z.getValue().equals(id))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> ApiError.refused(400, 10019, "zone " + id + " not found"));
        } else if (route.has("zone_name")) {
            zoneName = string(route, "zone_name", pattern);
            if (!zones.containsKey(zoneName)) {
                throw ApiError.refused(400, 10019, "zone " + zoneName + " not found");
            }
        } else {
            zoneName = state.zoneNameOf(pattern);
            if (zoneName == null) {
                throw ApiError.refused(400, 10019, "Could not find a zone for '" + pattern + "'");
            }
        }
        String sentName = route.has("zone_name") ? zoneName : null;
        return new ZoneRoute(Ids.hex("route", pattern), zones.get(zoneName), pattern, script, sentName);
    }

    private static String string(JsonObject route, String key, String pattern) {
        if (!JsonValues.isString(route.get(key))) {
            throw ApiError.invalid("route '" + pattern + "': " + key + " must be a string");
        }
        return route.get(key).getAsString();
    }

    private static JsonArray views(WorkersState state, List<ZoneRoute> routes) {
        JsonArray views = new JsonArray();
        for (ZoneRoute r : routes) {
            JsonObject view = r.toJson();
            view.addProperty("zone_id", r.zoneId());
            view.addProperty("zone_name", zoneName(state, r.zoneId()));
            views.add(view);
        }
        return views;
    }

    private static String zoneName(WorkersState state, String zoneId) {
        return state.zonesByName().entrySet().stream()
                .filter(z -> z.getValue().equals(zoneId))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The account's zones named {@code name} (all when no name is asked), as a paged list. */
    private JsonObject zones(JsonCall call) {
        String name = call.query("name");
        String account = call.query("account.id");
        JsonArray zones = new JsonArray();
        if (account == null || account.equals(api.settings.accountId)) {
            call.state.zonesByName().forEach((zoneName, id) -> {
                if (name == null
                        || URLDecoder.decode(name, StandardCharsets.UTF_8).equals(zoneName)) {
                    JsonObject owner = new JsonObject();
                    owner.addProperty("id", api.settings.accountId);
                    JsonObject zone = new JsonObject();
                    zone.addProperty("id", id);
                    zone.addProperty("name", zoneName);
                    zone.addProperty("status", "active");
                    zone.add("account", owner);
                    zones.add(zone);
                }
            });
        }
        return paged(zones);
    }

    private JsonObject onZone(JsonCall call) {
        String zoneId = call.group(1);
        if (!call.state.zonesByName().containsValue(zoneId)) {
            // Code and text the recording fake's.
            throw ApiError.notFound(1001, "Invalid zone identifier");
        }
        JsonArray routes = new JsonArray();
        call.state.allRoutes().stream().filter(r -> r.zoneId().equals(zoneId)).forEach(r -> routes.add(r.toJson()));
        return success(routes);
    }
}
