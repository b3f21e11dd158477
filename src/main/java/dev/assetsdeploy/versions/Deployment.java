package dev.assetsdeploy.versions;

import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiJson;
import java.util.List;

/**
 * One deployment of a Worker: which versions serve its traffic, and in which shares, from when.
 *
 * @param createdOn   {@code created_on} (ISO 8601)
 * @param source      {@code source}: {@code wrangler}, {@code api}, {@code dash}, ...
 * @param triggeredBy the {@code workers/triggered_by} annotation ({@code upload}, {@code rollback}, ...), or
 *                    {@code null}
 * @param message     the {@code workers/message} annotation, or {@code null}
 * @param versions    the versions and their shares, in the API's order
 */
public record Deployment(
        String id,
        String createdOn,
        String source,
        String authorEmail,
        String triggeredBy,
        String message,
        List<TrafficShare> versions) {

    public Deployment {
        versions = List.copyOf(versions);
    }

    /** The version that has all the traffic, or {@code null} when the traffic is split. */
    public String wholeVersion() {
        return versions.size() == 1 && versions.get(0).percentage().compareTo(TrafficShare.ALL) == 0
                ? versions.get(0).versionId()
                : null;
    }

    static Deployment of(JsonObject json) {
        JsonObject annotations = ApiJson.object(json, "annotations");
        List<TrafficShare> shares = ApiJson.objects(json, "versions").stream()
                .filter(v -> ApiJson.string(v, "version_id") != null && ApiJson.number(v, "percentage") != null)
                .map(v -> new TrafficShare(ApiJson.string(v, "version_id"), ApiJson.number(v, "percentage")))
                .toList();
        return new Deployment(
                ApiJson.string(json, "id"),
                ApiJson.string(json, "created_on"),
                ApiJson.string(json, "source"),
                ApiJson.string(json, "author_email"),
                ApiJson.string(annotations, "workers/triggered_by"),
                ApiJson.string(annotations, "workers/message"),
                shares);
    }
}
