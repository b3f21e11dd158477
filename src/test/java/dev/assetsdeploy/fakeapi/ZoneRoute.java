package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;

/** A Workers route on a zone: a pattern bound to a Worker ({@code script}); {@code zoneName} is null unless sent. */
public record ZoneRoute(String id, String zoneId, String pattern, String script, String zoneName) {

    JsonObject toJson() {
        JsonObject route = new JsonObject();
        route.addProperty("id", id);
        route.addProperty("pattern", pattern);
        route.addProperty("script", script);
        return route;
    }
}
