package dev.assetsdeploy.live;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiRequest;
import java.util.regex.Pattern;

/**
 * The account's workers.dev subdomain ({@code acme} in {@code site.acme.workers.dev}), from
 * {@code GET /accounts/{a}/workers/subdomain}. An account without one answers 404 with code 10007; it has to be
 * registered in the dashboard before any Worker can answer on workers.dev.
 */
public final class AccountSubdomain {

    static final String STEP = "read the account's workers.dev subdomain";

    /** Code 10007: the account has no workers.dev subdomain (the same code means "no such Worker" elsewhere). */
    static final int NO_SUBDOMAIN = 10007;

    /** A DNS label: what we put in a host name we print. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9-]+");

    private AccountSubdomain() {}

    /**
     * The subdomain. A GET changes nothing, so {@link ApiClient#call} retries it.
     *
     * @throws AssetsDeployException (API refused) the account has none, saying where to register it
     */
    public static String read(ApiClient api, String accountId) {
        JsonObject result;
        try {
            result = api.call(ApiRequest.get(STEP, api.paths().accountSubdomain()))
                    .resultObject();
        } catch (ApiException e) {
            if (e.hasCode(NO_SUBDOMAIN)) {
                throw missing(accountId, e);
            }
            throw e;
        }
        JsonElement name = result == null ? null : result.get("subdomain");
        if (name == null
                || !name.isJsonPrimitive()
                || !LABEL.matcher(name.getAsString()).matches()) {
            throw new AssetsDeployException(
                    AssetsDeployException.Kind.API_REFUSED,
                    STEP + ": the API answered without a usable subdomain; check the account's workers.dev"
                            + " subdomain in the dashboard (" + onboarding(accountId) + ")");
        }
        return name.getAsString();
    }

    /**
     * wrangler's {@code preUploadApiChecks}: a new Worker that wants workers.dev needs the account's subdomain, so
     * its absence stops the deploy before anything is uploaded. An authentication error (code 10000: a token that may
     * not read it) is not a reason to stop, as in wrangler: the upload itself will tell.
     */
    public static void checkBeforeUpload(ApiClient api, String accountId) {
        try {
            read(api, accountId);
        } catch (ApiException e) {
            if (!e.hasCode(ApiException.AUTHENTICATION_ERROR)) {
                throw e;
            }
        }
    }

    /** wrangler's dashboard page where an account registers its workers.dev subdomain. */
    static String onboarding(String accountId) {
        return "https://dash.cloudflare.com/" + accountId + "/workers/onboarding";
    }

    private static AssetsDeployException missing(String accountId, ApiException cause) {
        return new AssetsDeployException(
                AssetsDeployException.Kind.API_REFUSED,
                "the account has no workers.dev subdomain, so the Worker cannot answer on workers.dev: register one at "
                        + onboarding(accountId) + ", or set \"workers_dev\": false (--no-workers-dev) and give it"
                        + " routes or a custom domain",
                cause);
    }
}
