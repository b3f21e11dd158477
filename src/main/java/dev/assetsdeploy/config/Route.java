package dev.assetsdeploy.config;

import com.google.gson.JsonObject;

/**
 * One entry of wrangler's {@code routes} (or its {@code route}): a zone route ({@code "example.com/*"},
 * {@code {"pattern": ..., "zone_name" | "zone_id": ...}}) or a custom domain
 * ({@code {"pattern": "shop.example.com", "custom_domain": true}}). As in wrangler's {@code partitionRoutes}, only
 * {@code custom_domain: true} makes a custom domain; {@code custom_domain: false} is a zone route.
 *
 * @param pattern         the route pattern, or the custom domain's host name
 * @param zoneId          {@code zone_id}, or {@code null}
 * @param zoneName        {@code zone_name}, or {@code null}
 * @param customDomain    {@code custom_domain: true}
 * @param enabled         a custom domain's {@code enabled} (production traffic), or {@code null} when not set
 * @param previewsEnabled a custom domain's {@code previews_enabled}, or {@code null} when not set
 * @param written         the entry as the config wrote it (its keys in their order), or {@code null} for a plain
 *                        pattern string: wrangler sends a zone route object as written
 */
public record Route(
        String pattern,
        String zoneId,
        String zoneName,
        boolean customDomain,
        Boolean enabled,
        Boolean previewsEnabled,
        JsonObject written) {

    public Route {
        written = written == null ? null : written.deepCopy();
    }

    /** A plain pattern, as {@code "example.com/*"} in the config or {@code --route}. */
    public static Route pattern(String pattern) {
        return new Route(pattern, null, null, false, null, null, null);
    }

    /** A custom domain as {@code --domain HOST} gives it (wrangler: {@code {pattern: HOST, custom_domain: true}}). */
    public static Route domain(String host) {
        JsonObject written = new JsonObject();
        written.addProperty("pattern", host);
        written.addProperty("custom_domain", true);
        return new Route(host, null, null, true, null, null, written);
    }

    /** A copy: the record stays immutable. */
    @Override
    public JsonObject written() {
        return written == null ? null : written.deepCopy();
    }
}
