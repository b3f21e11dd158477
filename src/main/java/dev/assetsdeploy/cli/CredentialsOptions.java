package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.PathName;
import dev.assetsdeploy.api.ApiBaseUrl;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.Credentials;
import dev.assetsdeploy.api.ProxySettings;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the API is and who we are to it. The secret comes from the environment only
 * ({@code CLOUDFLARE_API_TOKEN}, or {@code CLOUDFLARE_API_KEY} + {@code CLOUDFLARE_EMAIL}):
 * no flag takes a token, because command lines leak into process lists and shell history.
 */
public final class CredentialsOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private String accountId;

    @Option(
            names = "--account-id",
            paramLabel = "ID",
            description = "The Cloudflare account id (default: CLOUDFLARE_ACCOUNT_ID, then the config's account_id).")
    void accountId(String id) {
        NameFlags.check(spec, "--account-id", PathName.ACCOUNT_ID, id);
        accountId = id;
    }

    @Option(
            names = "--api-base-url",
            paramLabel = "URL",
            description =
                    "The API base URL (default: CLOUDFLARE_API_BASE_URL, or " + ApiSettings.DEFAULT_BASE_URL + ").")
    String apiBaseUrl;

    /** Settings from flags and environment; fails before any request when something is missing. */
    public ApiSettings settings(Environment env) {
        return settings(env, null);
    }

    /** As {@link #settings(Environment)}, with the config file's {@code account_id} as the last fallback. */
    public ApiSettings settings(Environment env, String configAccountId) {
        Credentials credentials = credentials(env);
        String account = accountId(env, configAccountId);
        if (account == null) {
            throw AssetsDeployException.invalidInput("no account id: set CLOUDFLARE_ACCOUNT_ID or pass --account-id"
                    + " (find it in the Cloudflare dashboard, Workers & Pages overview)");
        }
        String baseUrl = firstOf(apiBaseUrl, env.get("CLOUDFLARE_API_BASE_URL"), ApiSettings.DEFAULT_BASE_URL);
        String problem = ApiBaseUrl.problem(baseUrl);
        if (problem != null) {
            throw AssetsDeployException.invalidInput(notABaseUrl(baseUrl, problem));
        }
        ProxySettings proxy = new ProxySettings(
                firstOf(env.get("HTTPS_PROXY"), env.get("https_proxy"), null),
                firstOf(env.get("HTTP_PROXY"), env.get("http_proxy"), null),
                firstOf(env.get("NO_PROXY"), env.get("no_proxy"), null));
        return ApiSettings.of(baseUrl, account, credentials, VersionProvider.version())
                .withProxy(proxy);
    }

    /**
     * Checks where the API is, before any work: a malformed URL is a usage error (the flag) or invalid input (the
     * variable); plain {@code http://} to another machine is a warning on {@code err}. Returns how many warnings.
     */
    int checkApiBaseUrl(Environment env, CommandSpec spec, PrintWriter err) {
        String url = firstOf(apiBaseUrl, env.get("CLOUDFLARE_API_BASE_URL"), null);
        if (url == null) {
            return 0;
        }
        String problem = ApiBaseUrl.problem(url);
        if (problem != null) {
            throw apiBaseUrl != null && !apiBaseUrl.isBlank()
                    ? new ParameterException(spec.commandLine(), notABaseUrl(url, problem))
                    : AssetsDeployException.invalidInput(notABaseUrl(url, problem));
        }
        if (ApiBaseUrl.plainHttpToAnotherMachine(url)) {
            return Warnings.print(
                    List.of(source() + " " + url + " is plain HTTP to another machine: the API token would cross"
                            + " the network unencrypted; use https://"),
                    err);
        }
        return 0;
    }

    private String source() {
        return apiBaseUrl != null && !apiBaseUrl.isBlank() ? "--api-base-url" : "CLOUDFLARE_API_BASE_URL";
    }

    private String notABaseUrl(String url, String problem) {
        return source() + " '" + url + "' is not an API base URL like " + ApiSettings.DEFAULT_BASE_URL + ": " + problem;
    }

    /**
     * The account id from --account-id, then CLOUDFLARE_ACCOUNT_ID, then the config (each checked where it is read);
     * {@code null} when none.
     */
    String accountId(Environment env, String configAccountId) {
        String fromEnv = env.get("CLOUDFLARE_ACCOUNT_ID");
        if (accountId == null && fromEnv != null && !fromEnv.isBlank()) {
            String problem = PathName.ACCOUNT_ID.problem("CLOUDFLARE_ACCOUNT_ID", fromEnv);
            if (problem != null) {
                throw AssetsDeployException.invalidInput(problem);
            }
        }
        return firstOf(accountId, fromEnv, configAccountId);
    }

    private static Credentials credentials(Environment env) {
        String token = oneLine(env, "CLOUDFLARE_API_TOKEN");
        if (token != null) {
            return new Credentials.ApiToken(token.strip());
        }
        String key = oneLine(env, "CLOUDFLARE_API_KEY");
        String email = oneLine(env, "CLOUDFLARE_EMAIL");
        if (key != null && email == null) {
            throw new AssetsDeployException(
                    Kind.AUTHENTICATION,
                    "CLOUDFLARE_API_KEY is set but CLOUDFLARE_EMAIL is not:"
                            + " set both, or use an API token in CLOUDFLARE_API_TOKEN");
        }
        if (key != null) {
            return new Credentials.GlobalApiKey(key.strip(), email.strip());
        }
        throw new AssetsDeployException(
                Kind.AUTHENTICATION,
                "no credentials: set CLOUDFLARE_API_TOKEN (an API token"
                        + " allowed to edit Workers), or CLOUDFLARE_API_KEY and CLOUDFLARE_EMAIL; no flag takes a token,"
                        + " because command lines leak into process lists");
    }

    /**
     * The variable, refused when a line break or another control character is inside it (around it is stripped): it
     * would split the request's header, and no message could be scrubbed of it reliably.
     */
    private static String oneLine(Environment env, String name) {
        String value = env.get(name);
        if (value != null && value.strip().chars().anyMatch(Character::isISOControl)) {
            throw new AssetsDeployException(
                    Kind.AUTHENTICATION,
                    name + " holds a line break or another control character: copy it again, as one line");
        }
        return value;
    }

    private static String firstOf(String a, String b, String c) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : c;
    }
}
