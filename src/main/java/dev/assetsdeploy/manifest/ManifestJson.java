package dev.assetsdeploy.manifest;

import dev.assetsdeploy.JsNumber;
import dev.assetsdeploy.Json;

/** The manifest as the API takes it. */
public final class ManifestJson {

    private ManifestJson() {}

    /**
     * The upload-session request body, {@code {"manifest":{"/path":{"hash":"...","size":n},...}}} in path order, as
     * {@link Json#compact} writes it; written straight from the entries, without a tree of 100,000 objects.
     */
    public static String uploadSessionRequest(Manifest manifest) {
        StringBuilder out = new StringBuilder(16 + manifest.fileCount() * 96);
        out.append("{\"manifest\":{");
        boolean first = true;
        for (ManifestEntry e : manifest.entries()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            Json.quote(e.path(), out);
            out.append(":{\"hash\":");
            Json.quote(e.hash(), out);
            out.append(",\"size\":").append(JsNumber.format(e.size())).append('}');
        }
        return out.append("}}").toString();
    }
}
