package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One version of a Worker as the API keeps it: what {@code GET .../versions/{id}} answers.
 *
 * @param annotations {@code workers/triggered_by} first, then {@code workers/message}, {@code workers/tag},
 *     {@code workers/alias} as uploaded
 * @param bindings the version's bindings as resolved at upload ({@code inherit} and {@code keep_bindings} applied)
 * @param hasPreview whether the version can have a preview URL: false for a Worker with a Durable Object of its
 *     own, a Durable Object migration, or a Worker in a dispatch namespace. It does not depend on the Worker's
 *     {@code previews_enabled}: wrangler reads both (the URL is printed only when both are true), and the
 *     recordings show {@code has_preview: true} with previews off
 */
public record Version(
        String id,
        int number,
        String createdOn,
        String source,
        boolean hasPreview,
        JsonObject annotations,
        JsonArray bindings,
        String etag,
        List<String> handlers,
        String compatibilityDate,
        List<String> compatibilityFlags) {

    static final String AUTHOR_EMAIL = "dev@example.com";
    static final String AUTHOR_ID = "9a7806061c88ada191ed06f989cc3dac";

    public Version {
        annotations = annotations.deepCopy();
        bindings = bindings.deepCopy();
        handlers = List.copyOf(handlers);
        compatibilityFlags = List.copyOf(compatibilityFlags);
    }

    @Override
    public JsonObject annotations() {
        return annotations.deepCopy();
    }

    @Override
    public JsonArray bindings() {
        return bindings.deepCopy();
    }

    /** An annotation's value ({@code "workers/message"}, {@code "workers/tag"}, ...), or null. */
    public String annotation(String key) {
        JsonElement value = annotations.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** The binding named {@code name}, or null. */
    public JsonObject binding(String name) {
        for (JsonElement b : bindings) {
            if (b.getAsJsonObject().get("name").getAsString().equals(name)) {
                return b.getAsJsonObject().deepCopy();
            }
        }
        return null;
    }

    /** The version object of the versions API, field for field as the recordings show it. */
    public JsonObject toJson() {
        JsonObject metadata = new JsonObject();
        metadata.addProperty("author_email", AUTHOR_EMAIL);
        metadata.addProperty("author_id", AUTHOR_ID);
        metadata.addProperty("created_on", createdOn);
        metadata.addProperty("modified_on", createdOn);
        metadata.addProperty("source", source);
        metadata.addProperty("has_preview", hasPreview);
        JsonObject script = new JsonObject();
        script.addProperty("etag", etag);
        script.add("handlers", JsonValues.strings(handlers));
        script.addProperty("last_deployed_from", source);
        JsonObject runtime = new JsonObject();
        runtime.addProperty("compatibility_date", compatibilityDate);
        runtime.add("compatibility_flags", JsonValues.strings(compatibilityFlags));
        runtime.addProperty("usage_model", "standard");
        JsonObject resources = new JsonObject();
        resources.add("bindings", bindings.deepCopy());
        resources.add("script", script);
        resources.add("script_runtime", runtime);
        JsonObject version = new JsonObject();
        version.addProperty("id", id);
        version.addProperty("number", number);
        version.add("metadata", metadata);
        version.add("annotations", annotations.deepCopy());
        version.add("resources", resources);
        return version;
    }
}
