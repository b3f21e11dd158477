package dev.assetsdeploy.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * What a JWT the API hands out (upload and completion tokens) says about itself, read without
 * checking its signature: the API checks that; we only read the expiry and upload hints.
 */
public final class JwtPayload {

    private JwtPayload() {}

    /** The payload object, or {@code null} when the token is not a JWT we can read. */
    public static JsonObject decode(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        try {
            String b64 = parts[1].replace('+', '-').replace('/', '_').replace("=", "");
            JsonElement json =
                    JsonParser.parseString(new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8));
            return json.isJsonObject() ? json.getAsJsonObject() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The payload's {@code exp} (seconds, fractions kept), or {@code null} when it has none. */
    public static Instant expiry(JsonObject payload) {
        JsonElement e = payload.get("exp");
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()
                ? Instant.ofEpochMilli((long) (e.getAsDouble() * 1000))
                : null;
    }
}
