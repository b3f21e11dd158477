package dev.assetsdeploy.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A successful answer: HTTP status, the parsed envelope, its {@code result} (JSON null when
 * absent) and the {@code cf-ray} id (or {@code null}).
 */
public record ApiResponse(int status, JsonObject envelope, JsonElement result, String cfRay) {

    /** {@code result} as an object, or {@code null} when it is not one. */
    public JsonObject resultObject() {
        return result != null && result.isJsonObject() ? result.getAsJsonObject() : null;
    }
}
