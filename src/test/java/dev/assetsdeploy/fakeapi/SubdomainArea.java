package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * workers.dev: the account's subdomain ({@code GET .../workers/subdomain}: 404 / 10007 when it has none) and a
 * Worker's workers.dev and Preview URLs switches ({@code GET/POST .../scripts/NAME/subdomain}).
 */
final class SubdomainArea implements FakeArea {

    private static final String ACCOUNT = "^/accounts/([^/]+)/workers";
    /** The API version wrangler 4.164 asks for; the body's meaning (previews_enabled) depends on it. */
    static final String API_DATE = "2025-08-01";

    private static final Set<String> KEYS = Set.of("enabled", "previews_enabled");

    private final FakeCloudflareApi api;
    private final List<String> problems;

    SubdomainArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", ACCOUNT + "/subdomain$", JsonCall.account(api, problems, this::account)),
                Route.of("GET", ACCOUNT + "/scripts/([^/]+)/subdomain$", JsonCall.account(api, problems, this::get)),
                Route.of("POST", ACCOUNT + "/scripts/([^/]+)/subdomain$", JsonCall.account(api, problems, this::set)));
    }

    private JsonObject account(JsonCall call) {
        String subdomain = call.state.subdomainOrNull();
        if (subdomain == null) {
            throw ApiError.notFound(10007, "workers.api.error.not_found");
        }
        JsonObject result = new JsonObject();
        result.addProperty("subdomain", subdomain);
        return success(result);
    }

    private JsonObject get(JsonCall call) {
        return success(state(call.workerToRead(call.group(2))));
    }

    /**
     * {@code {"enabled": bool, "previews_enabled"?: bool}}; without {@code previews_enabled}, Preview URLs follow
     * {@code enabled} (wrangler's test mock says the API does so). The header check, the refusal of unknown keys and
     * of turning workers.dev on for an account without a subdomain are the fake's (codes invented).
     */
    private JsonObject set(JsonCall call) {
        Worker worker = call.workerToChange(call.group(2));
        String date = call.header("Cloudflare-Workers-Script-Api-Date");
        if (!API_DATE.equals(date)) {
            throw ApiError.invalid("header Cloudflare-Workers-Script-Api-Date: " + API_DATE + " is required, got "
                    + (date == null ? "none" : date));
        }
        JsonObject body = call.jsonObject("the workers.dev setting");
        for (String key : body.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiError.invalid("unknown workers.dev setting '" + key + "'");
            }
        }
        JsonElement enabled = body.get("enabled");
        if (!JsonValues.isBoolean(enabled)) {
            throw ApiError.invalid("enabled must be a boolean, got " + (enabled == null ? "none" : enabled));
        }
        JsonElement previews = body.get("previews_enabled");
        if (previews != null && !JsonValues.isBoolean(previews)) {
            throw ApiError.invalid("previews_enabled must be a boolean, got " + previews);
        }
        boolean on = enabled.getAsBoolean();
        boolean previewsOn = previews == null ? on : previews.getAsBoolean();
        if ((on || previewsOn) && call.state.subdomainOrNull() == null) {
            throw ApiError.refused(
                    400, 10007, "the account has no workers.dev subdomain: register one before enabling workers.dev");
        }
        worker.workersDev = on;
        worker.previewsEnabled = previewsOn;
        return success(state(worker));
    }

    private static JsonObject state(Worker worker) {
        JsonObject state = new JsonObject();
        state.addProperty("enabled", worker.workersDev);
        state.addProperty("previews_enabled", worker.previewsEnabled);
        return state;
    }
}
