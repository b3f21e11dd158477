package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.ProxySettings;
import dev.assetsdeploy.error.AssetsDeployException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * Where the API is and who we are: credentials from the environment only, the account from
 * {@code --account-id}, {@code CLOUDFLARE_ACCOUNT_ID} or the config. (Interim version in the deploy
 * branch; the upload branch owns the final one.)
 */
public final class ApiOptions {

    @Option(names = "--account-id", paramLabel = "ID",
            description = "The Cloudflare account (default: $CLOUDFLARE_ACCOUNT_ID, then the config's account_id).")
    String accountId;

    @Option(names = "--api-base-url", paramLabel = "URL",
            description = "The API base URL (default: $CLOUDFLARE_API_BASE_URL, then " + ApiSettings.DEFAULT_BASE_URL + ").")
    String apiBaseUrl;

    /** The account id, or {@code null} when none is given anywhere (a dry run may not need it). */
    String accountIdOrNull(Environment env, String configAccountId) {
        if (accountId != null) {
            return accountId;
        }
        String fromEnv = env.get("CLOUDFLARE_ACCOUNT_ID");
        return fromEnv != null ? fromEnv : configAccountId;
    }

    ApiClient client(Environment env, String configAccountId, PrintWriter err, boolean verbose) {
        Credentials credentials = credentials(env);
        String account = accountIdOrNull(env, configAccountId);
        if (account == null) {
            throw AssetsDeployException.invalidInput("no account: set CLOUDFLARE_ACCOUNT_ID, account_id in the config,"
                    + " or pass --account-id");
        }
        if (!ApiSettings.validAccountId(account)) {
            throw AssetsDeployException.invalidInput("account id " + account + " is not valid: expected letters, digits, - and _");
        }
        String base = apiBaseUrl != null ? apiBaseUrl : env.get("CLOUDFLARE_API_BASE_URL");
        ApiSettings settings = ApiSettings.of(base != null ? base : ApiSettings.DEFAULT_BASE_URL, account, credentials,
                        VersionProvider.version())
                .withProxy(new ProxySettings(proxyVar(env, "HTTPS_PROXY"), proxyVar(env, "HTTP_PROXY"), proxyVar(env, "NO_PROXY")));
        return verbose ? new ApiClient(settings, line -> { err.println(line); err.flush(); }) : new ApiClient(settings);
    }

    private static Credentials credentials(Environment env) {
        String token = env.get("CLOUDFLARE_API_TOKEN");
        if (token != null) {
            return new Credentials.ApiToken(token);
        }
        String key = env.get("CLOUDFLARE_API_KEY");
        String email = env.get("CLOUDFLARE_EMAIL");
        if (key != null && email != null) {
            return new Credentials.GlobalApiKey(key, email);
        }
        throw new AssetsDeployException(AssetsDeployException.Kind.AUTHENTICATION, "no credentials: set CLOUDFLARE_API_TOKEN"
                + " (or CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL) in the environment");
    }

    private static String proxyVar(Environment env, String name) {
        String upper = env.get(name);
        return upper != null ? upper : env.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
