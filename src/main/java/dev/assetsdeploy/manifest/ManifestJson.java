package dev.assetsdeploy.manifest;

import com.google.gson.JsonObject;

/** The manifest as the API takes it. */
public final class ManifestJson {

    private ManifestJson() {}

    /** {@code {"/path": {"hash": "...", "size": n}, ...}} in path order. */
    public static JsonObject apiManifest(Manifest manifest) {
        JsonObject json = new JsonObject();
        for (ManifestEntry e : manifest.entries()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("hash", e.hash());
            entry.addProperty("size", e.size());
            json.add(e.path(), entry);
        }
        return json;
    }

    /** The upload-session request body, {@code {"manifest": {...}}}. */
    public static JsonObject uploadSessionRequest(Manifest manifest) {
        JsonObject body = new JsonObject();
        body.add("manifest", apiManifest(manifest));
        return body;
    }
}
