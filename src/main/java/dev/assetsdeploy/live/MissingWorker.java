package dev.assetsdeploy.live;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiRequest;

/**
 * An account Worker the API does not have (HTTP 404, code 10007), met by the commands about an existing Worker
 * ({@code triggers}, {@code versions}, {@code deployments}, {@code rollback}): bad input, as the name is wrong or the
 * Worker was never deployed.
 */
public final class MissingWorker {

    /** The API's "no such Worker". */
    public static final int CODE = 10007;

    private MissingWorker() {}

    /**
     * The result object of a GET about Worker {@code scriptName} ({@link ApiClient#call} retries it); the API's "no
     * such Worker" comes back as {@link #error}.
     */
    public static JsonObject get(ApiClient api, String step, ApiPath path, String scriptName) {
        try {
            return api.call(ApiRequest.get(step, path)).resultObject();
        } catch (ApiException e) {
            if (is(e)) {
                throw error(scriptName);
            }
            throw e;
        }
    }

    private static boolean is(ApiException e) {
        return e.status() == 404 && e.hasCode(CODE);
    }

    /** The one-line error (exit 3). */
    private static AssetsDeployException error(String scriptName) {
        return AssetsDeployException.invalidInput("Worker " + scriptName + " does not exist in this account (the API"
                + " answered " + CODE + "): check --script or the config's name, or deploy it first with"
                + " `assets-deploy all`");
    }
}
