package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One deployment of a Worker: which versions serve which share of the traffic.
 *
 * @param annotations {@code workers/triggered_by} ({@code upload} for a Worker upload, {@code rollback} for a single
 *     version older than the current one, else {@code promotion}: the recording fake's guess, wrangler only prints
 *     it) and {@code workers/message} when one was sent
 */
public record Deployment(
        String id, String createdOn, String source, String strategy, List<Share> versions, JsonObject annotations) {

    /** A version and its percentage of the traffic. */
    public record Share(String versionId, double percentage) {

        JsonObject toJson() {
            JsonObject share = new JsonObject();
            share.addProperty("version_id", versionId);
            share.add("percentage", JsonValues.number(percentage));
            return share;
        }
    }

    public Deployment {
        versions = List.copyOf(versions);
        annotations = annotations.deepCopy();
    }

    @Override
    public JsonObject annotations() {
        return annotations.deepCopy();
    }

    /** An annotation's value, or null. */
    public String annotation(String key) {
        JsonElement value = annotations.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The deployment object of the deployments API, field for field as the recordings show it. */
    public JsonObject toJson() {
        JsonObject deployment = new JsonObject();
        deployment.addProperty("author_email", Version.AUTHOR_EMAIL);
        deployment.addProperty("author_id", Version.AUTHOR_ID);
        deployment.addProperty("id", id);
        deployment.addProperty("created_on", createdOn);
        deployment.addProperty("source", source);
        deployment.addProperty("strategy", strategy);
        JsonArray shares = new JsonArray();
        versions.forEach(v -> shares.add(v.toJson()));
        deployment.add("versions", shares);
        deployment.add("annotations", annotations.deepCopy());
        return deployment;
    }
}
