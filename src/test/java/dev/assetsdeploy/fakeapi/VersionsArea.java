package dev.assetsdeploy.fakeapi;

import static dev.assetsdeploy.fakeapi.Envelope.success;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * A Worker's versions: {@code GET .../scripts/NAME/versions} (newest first; {@code ?deployable=true} keeps the 100
 * newest, the ones a deployment may use) and {@code GET .../scripts/NAME/versions/ID}.
 */
final class VersionsArea implements FakeArea {

    private static final String SCRIPT = "^/accounts/([^/]+)/workers/scripts/([^/]+)";
    /** The docs: a gradual deployment can use only the last 100 uploaded versions. */
    private static final int DEPLOYABLE = 100;

    private final FakeCloudflareApi api;
    private final List<String> problems;

    VersionsArea(FakeCloudflareApi api, List<String> problems) {
        this.api = api;
        this.problems = problems;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.of("GET", SCRIPT + "/versions$", JsonCall.account(api, problems, this::list)),
                Route.of("GET", SCRIPT + "/versions/([^/]+)$", JsonCall.account(api, problems, this::get)));
    }

    private JsonObject list(JsonCall call) {
        Worker worker = call.workerToRead(call.group(2));
        String deployable = call.query("deployable");
        if (deployable != null && !deployable.equals("true") && !deployable.equals("false")) {
            throw ApiError.invalid("deployable must be true or false, got " + deployable);
        }
        JsonArray items = new JsonArray();
        List<Version> versions = worker.versions;
        for (int i = versions.size() - 1; i >= 0; i--) {
            if ("true".equals(deployable) && items.size() == DEPLOYABLE) {
                break;
            }
            items.add(versions.get(i).toJson());
        }
        JsonObject result = new JsonObject();
        result.add("items", items);
        return success(result);
    }

    private JsonObject get(JsonCall call) {
        return success(find(call.workerToRead(call.group(2)), call.group(3)).toJson());
    }

    /**
     * The Worker's version {@code id}: an unknown id, or a version of another Worker (the path names the Worker), is
     * HTTP 404 / 100146, code and text from wrangler's own tests.
     */
    static Version find(Worker worker, String id) {
        Version version = worker.version(id);
        if (version == null) {
            throw ApiError.notFound(
                    100146,
                    "The requested Worker version could not be found, please check the ID being passed and try again.");
        }
        return version;
    }
}
