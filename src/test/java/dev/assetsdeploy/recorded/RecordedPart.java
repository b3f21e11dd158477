package dev.assetsdeploy.recorded;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One part of a recorded multipart body: the {@code metadata} part as parsed JSON, a text part as text, anything
 * else as its bytes.
 *
 * @param filename null when the part had none (the metadata part)
 * @param contentType null when the part had none (the metadata part)
 * @param json the parsed metadata, or null
 * @param text a text part, or null
 * @param bytes a binary part, or null
 */
public record RecordedPart(
        String name, String filename, String contentType, JsonElement json, String text, byte[] bytes) {

    static RecordedPart of(JsonObject part) {
        return new RecordedPart(
                string(part, "name"),
                string(part, "filename"),
                string(part, "contentType"),
                part.has("json") ? part.get("json") : null,
                string(part, "body"),
                part.has("base64")
                        ? Base64.getDecoder().decode(part.get("base64").getAsString())
                        : null);
    }

    /** The part's bytes as wrangler sent them (the metadata compact, keys in wrangler's order). */
    public byte[] content() {
        if (json != null) {
            return Json.compact(json).getBytes(StandardCharsets.UTF_8);
        }
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : bytes.clone();
    }

    static String string(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }
}
