package dev.assetsdeploy.upload;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.Counts;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.ApiResponse;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phase 1: opens an upload session (registers the manifest) and reads the buckets the API asks for
 * into an {@link UploadPlan}. Stateless: the session itself is the plan's token.
 */
public final class SessionOpener {

    static final String STEP = "upload session";

    private SessionOpener() {}

    /**
     * {@code --plan}: the files the API asks for, and nothing sent. The session is left unused (it
     * expires with its token), and what the API already holds stays as it was.
     */
    public static UploadPlan plan(
            ApiClient client, UploadTarget target, Manifest manifest, RetryNotice.Listener retries) {
        return open(client, target, SessionRequest.of(manifest), 1, retries);
    }

    /**
     * Opens session number {@code session} (1, then 2, 3... on renewal) with the same manifest, telling
     * {@code retries} of each retry.
     */
    static UploadPlan open(
            ApiClient client, UploadTarget target, SessionRequest request, int session, RetryNotice.Listener retries) {
        Manifest manifest = request.manifest();
        ApiResponse response = client.call(
                ApiRequest.post(STEP, client.paths().uploadSession(target.dispatchNamespace(), target.scriptName()))
                        .jsonText(request.body()),
                retries);
        JsonObject result = response.resultObject();
        if (result == null) {
            throw refused(client, "the API sent no result", response);
        }
        String jwt = string(result.get("jwt"));
        List<List<String>> hashes = buckets(client, result.get("buckets"), response);
        List<List<String>> nonEmpty = hashes.stream().filter(b -> !b.isEmpty()).toList();
        Map<String, ManifestEntry> byHash = nonEmpty.isEmpty() ? Map.of() : manifest.byHash();
        List<Bucket> buckets = new ArrayList<>();
        for (List<String> bucket : nonEmpty) {
            List<ManifestEntry> entries = new ArrayList<>();
            for (String hash : bucket) {
                ManifestEntry entry = byHash.get(hash);
                if (entry == null) {
                    throw refused(
                            client,
                            "the API asked for a file with hash " + hash + ", which is not in the manifest of "
                                    + manifest.root() + " (" + Counts.of(manifest.fileCount(), "file")
                                    + "); nothing was uploaded",
                            response);
                }
                entries.add(entry);
            }
            buckets.add(new Bucket(buckets.size() + 1, nonEmpty.size(), session, false, entries));
        }
        if (jwt == null) {
            throw refused(
                    client,
                    buckets.isEmpty()
                            ? "the API sent neither buckets nor a completion token"
                            : "the API sent buckets but no upload token",
                    response);
        }
        UploadJwt token = UploadJwt.parse(jwt);
        if (token.singleFileUploads()) {
            // One request per file: each file is its own bucket.
            List<ManifestEntry> all =
                    buckets.stream().flatMap(b -> b.entries().stream()).toList();
            buckets = new ArrayList<>();
            for (ManifestEntry entry : all) {
                buckets.add(new Bucket(buckets.size() + 1, all.size(), session, true, List.of(entry)));
            }
        }
        return new UploadPlan(session, token, buckets);
    }

    private static List<List<String>> buckets(ApiClient client, JsonElement json, ApiResponse response) {
        List<List<String>> out = new ArrayList<>();
        if (json == null || json.isJsonNull()) {
            return out;
        }
        if (!json.isJsonArray()) {
            throw refused(client, "\"buckets\" is not a list", response);
        }
        for (JsonElement bucket : json.getAsJsonArray()) {
            if (!bucket.isJsonArray()) {
                throw refused(client, "a bucket is not a list of hashes", response);
            }
            List<String> hashes = new ArrayList<>();
            for (JsonElement hash : (JsonArray) bucket) {
                String h = string(hash);
                if (h == null) {
                    throw refused(client, "a bucket holds something that is not a hash", response);
                }
                hashes.add(h);
            }
            out.add(hashes);
        }
        return out;
    }

    private static String string(JsonElement json) {
        return json != null
                        && json.isJsonPrimitive()
                        && json.getAsJsonPrimitive().isString()
                        && !json.getAsString().isEmpty()
                ? json.getAsString()
                : null;
    }

    /** The answer's fault, quoting it: scrubbed of our secrets. */
    private static AssetsDeployException refused(ApiClient client, String what, ApiResponse response) {
        return new AssetsDeployException(
                Kind.API_REFUSED,
                client.scrub(
                        STEP + ": " + what + (response.cfRay() != null ? " (cf-ray " + response.cfRay() + ")" : "")));
    }
}
