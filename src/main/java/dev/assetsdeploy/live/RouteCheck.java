package dev.assetsdeploy.live;

import static dev.assetsdeploy.api.ApiJson.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.Route;
import java.net.IDN;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * wrangler 4.164's check before it sets zone routes while workers.dev stays off (its {@code triggersDeploy}): each
 * route's zone is looked up ({@code GET /zones?name=}: the route's {@code zone_name}, or its host and then each parent
 * domain, every name once), then each zone's Workers routes ({@code GET /zones/{id}/workers/routes}, once per zone);
 * a pattern already bound to another Worker stops the phase, as does a route whose zone is not in the account. All
 * zone look-ups come before the zone routes, which is the order wrangler's concurrent look-ups reach the API in. Both
 * calls are GETs, so {@link ApiClient#call} retries them.
 */
final class RouteCheck {

    static final String ZONE_STEP = "look up a route's zone";
    static final String ROUTES_STEP = "read a zone's Workers routes";

    private final ApiClient api;
    private final String accountId;
    private final String scriptName;
    private final Map<String, String> zoneIdByName = new HashMap<>();

    RouteCheck(ApiClient api, String accountId, String scriptName) {
        this.api = api;
        this.accountId = accountId;
        this.scriptName = scriptName;
    }

    /** {@code null} when the routes may be set, else what stops them (one line). */
    String problem(List<Route> zoneRoutes) {
        Map<Route, String> zoneOf = new LinkedHashMap<>();
        for (Route route : zoneRoutes) {
            String host = host(route);
            String zoneId = route.zoneId();
            if (zoneId == null && (route.zoneName() != null || host != null)) {
                String name = route.zoneName() != null ? route.zoneName() : host;
                zoneId = zoneIdOf(name);
                if (zoneId == null) {
                    return "no zone of this account holds " + name + ": a route's domain must be a zone on Cloudflare,"
                            + " proxied (https://developers.cloudflare.com/workers/configuration/routing/routes/"
                            + "#set-up-a-route)";
                }
            }
            if (zoneId != null && host != null) {
                zoneOf.put(route, zoneId);
            }
        }
        Map<String, List<String>> routesOfOthers = new LinkedHashMap<>();
        Map<String, JsonArray> zoneRoutesById = new HashMap<>();
        for (Map.Entry<Route, String> entry : zoneOf.entrySet()) {
            JsonArray existing = zoneRoutesById.computeIfAbsent(entry.getValue(), this::zoneRoutes);
            for (JsonElement item : existing) {
                if (item instanceof JsonObject bound
                        && entry.getKey().pattern().equals(string(bound, "pattern"))
                        && !scriptName.equals(string(bound, "script"))) {
                    routesOfOthers
                            .computeIfAbsent(String.valueOf(string(bound, "script")), k -> new ArrayList<>())
                            .add(entry.getKey().pattern());
                }
            }
        }
        if (routesOfOthers.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        routesOfOthers.forEach(
                (worker, patterns) -> parts.add("Worker " + worker + " already has " + String.join(", ", patterns)));
        return String.join("; ", parts) + ": unassign " + (parts.size() == 1 ? "it" : "them")
                + " from the other Worker first (https://dash.cloudflare.com/" + accountId
                + "/workers/overview), or change the routes";
    }

    /** The zone of {@code host}: the host itself, then each parent domain, down to two labels; {@code null} if none. */
    private String zoneIdOf(String host) {
        List<String> labels = new ArrayList<>(List.of(host.split("\\.")));
        while (labels.size() > 1) {
            String name = String.join(".", labels);
            if (!zoneIdByName.containsKey(name)) {
                zoneIdByName.put(name, lookUp(name));
            }
            String id = zoneIdByName.get(name);
            if (id != null) {
                return id;
            }
            labels.remove(0);
        }
        return null;
    }

    private String lookUp(String name) {
        JsonElement result = api.call(ApiRequest.get(ZONE_STEP, api.paths().zonesNamed(name)))
                .result();
        if (result.isJsonArray()
                && !result.getAsJsonArray().isEmpty()
                && result.getAsJsonArray().get(0) instanceof JsonObject zone) {
            return string(zone, "id");
        }
        return null;
    }

    private JsonArray zoneRoutes(String zoneId) {
        JsonElement result = api.call(ApiRequest.get(ROUTES_STEP, api.paths().zoneWorkerRoutes(zoneId)))
                .result();
        return result.isJsonArray() ? result.getAsJsonArray() : new JsonArray();
    }

    /**
     * wrangler's {@code getHostFromRoute}: the host of the pattern ({@code *} and {@code *.} taken out), or of the
     * {@code zone_name} when the pattern has none; {@code null} for a pattern such as {@code *\/api/*}.
     */
    static String host(Route route) {
        String host = hostOf(route.pattern());
        return host == null && route.zoneName() != null ? hostOf(route.zoneName()) : host;
    }

    private static String hostOf(String urlLike) {
        if (urlLike.startsWith("*/") || urlLike.startsWith("http://*/") || urlLike.startsWith("https://*/")) {
            return null;
        }
        String text = urlLike.replaceAll("\\*\\.?", "");
        int scheme = text.indexOf("://");
        String rest = scheme >= 0 && text.substring(0, scheme).matches("https?") ? text.substring(scheme + 3) : text;
        int end = 0;
        while (end < rest.length() && "/?#".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        String authority = rest.substring(rest.lastIndexOf('@', end - 1) + 1, end);
        int colon = authority.lastIndexOf(':');
        String name = colon < 0 ? authority : authority.substring(0, colon);
        String port = colon < 0 ? "" : authority.substring(colon);
        if (name.isEmpty()) {
            return null;
        }
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT) + port;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
