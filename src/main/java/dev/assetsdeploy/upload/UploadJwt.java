package dev.assetsdeploy.upload;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.api.JwtPayload;
import java.time.Instant;

/**
 * An upload token (a JWT) and what its payload says: when it expires, and whether the API
 * wants one request per file ({@code wrangler_single_asset_uploads}) at which concurrency
 * ({@code edge_kv_upload_concurrency}, default 50). {@code toString()} hides the token.
 */
public record UploadJwt(String token, Instant expiresAt, boolean singleFileUploads, int singleFileConcurrency) {

    public static final int DEFAULT_SINGLE_FILE_CONCURRENCY = 50;

    /** Reads the payload; a token that cannot be decoded is used as is (no expiry known, bulk mode), as wrangler does. */
    public static UploadJwt parse(String token) {
        JsonObject payload = JwtPayload.decode(token);
        Instant exp = null;
        boolean single = false;
        int concurrency = DEFAULT_SINGLE_FILE_CONCURRENCY;
        if (payload != null) {
            exp = JwtPayload.expiry(payload);
            JsonElement s = payload.get("wrangler_single_asset_uploads");
            single = s != null && s.isJsonPrimitive() && s.getAsJsonPrimitive().isBoolean() && s.getAsBoolean();
            JsonElement c = payload.get("edge_kv_upload_concurrency");
            try {
                if (c != null && c.isJsonPrimitive()) {
                    double value = Double.parseDouble(c.getAsString());
                    if (value > 0) {
                        concurrency = (int) Math.floor(value);
                    }
                }
            } catch (NumberFormatException ignored) {
                // Not a number: keep the default, as wrangler does.
            }
        }
        return new UploadJwt(token, exp, single, concurrency);
    }

    @Override
    public String toString() {
        return "UploadJwt[***, expires " + expiresAt + ", single " + singleFileUploads + "]";
    }
}
