package dev.assetsdeploy.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiJson;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A Worker's workers.dev state, from {@code GET /accounts/{a}/workers/workers/{s}} ({@code result.subdomain}), as
 * wrangler 4.164's {@code getWorkerSubdomain} reads it: the triggers phase compares it with what it asks for, and a
 * version's preview URL is {@code https://} + the first 8 characters of its id + {@link #previewUrlSuffix}.
 *
 * @param enabled          the Worker answers on its workers.dev URL (a missing value counts as off, as in wrangler)
 * @param previewsEnabled  its versions answer on preview URLs (missing: off)
 * @param url              {@code https://{s}.{subdomain}.workers.dev}, or {@code null} when the answer has none
 *                         (an account without a workers.dev subdomain), or none usable
 * @param previewUrlSuffix {@code -{s}.{subdomain}.workers.dev}, or {@code null} likewise
 */
public record WorkerSubdomain(boolean enabled, boolean previewsEnabled, String url, String previewUrlSuffix) {

    static final String STEP = "read the Worker's workers.dev state";

    /** What a server may put in a host name we print and link to: no spaces, no control characters. */
    private static final Pattern HOST_CHARACTERS = Pattern.compile("[A-Za-z0-9.-]+");

    /**
     * Reads it. A GET changes nothing, so {@link ApiClient#call} retries it. A Worker that does not exist is bad input
     * ({@link MissingWorker}).
     */
    public static WorkerSubdomain read(ApiClient api, String scriptName) {
        JsonObject result = MissingWorker.get(api, STEP, api.paths().worker(scriptName), scriptName);
        JsonObject subdomain = result != null && result.get("subdomain") instanceof JsonObject s ? s : new JsonObject();
        String url = string(subdomain, "url");
        String suffix = string(subdomain, "preview_url_suffix");
        return new WorkerSubdomain(
                ApiJson.isTrue(subdomain, "enabled"),
                ApiJson.isTrue(subdomain, "previews_enabled"),
                host(url) == null ? null : url,
                suffix != null && HOST_CHARACTERS.matcher(suffix).matches() ? suffix : null);
    }

    /** The workers.dev host name ({@code site.acme.workers.dev}), or {@code null} when there is no usable URL. */
    public String host() {
        return host(url);
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            return "https".equals(uri.getScheme())
                            && host != null
                            && HOST_CHARACTERS.matcher(host).matches()
                    ? host
                    : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String string(JsonObject object, String field) {
        JsonElement value = object.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isString()
                ? value.getAsString()
                : null;
    }
}
