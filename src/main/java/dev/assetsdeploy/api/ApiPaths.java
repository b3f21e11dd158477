package dev.assetsdeploy.api;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.PathName;
import java.nio.charset.StandardCharsets;

/**
 * Every path the tool sends to the API, after the base URL, for one account: the one place where names (account id,
 * Worker name, dispatch namespace, asset hash) become path segments. The query strings are wrangler 4.164's:
 * {@code excludeScript=true} keeps the script body out of the answer, {@code bindings_inherit=strict} makes the API
 * fail rather than guess for "inherit" bindings.
 *
 * <p>To add a path: add a method here that builds it from {@code account} and {@link #segment} for each name, with
 * the name's {@link PathName} rule (add a rule there if it is a new kind of name), and a line in ApiPathsTest. A
 * name that breaks its rule fails as invalid input (exit 3) naming the kind of name; the commands check their flags
 * and config fields with the same rules first, so the user's message names the flag or field.
 */
public final class ApiPaths {

    /** Stands for the account in a dry run without one; never sent. */
    private static final String ACCOUNT_PLACEHOLDER = "<account>";

    private final String account;

    private ApiPaths(String accountSegment) {
        this.account = "/accounts/" + accountSegment;
    }

    public static ApiPaths forAccount(String accountId) {
        return new ApiPaths(segment(PathName.ACCOUNT_ID, accountId));
    }

    /** For a dry run's report: the account's paths, or {@code <account>} in their place when there is none. */
    public static ApiPaths forAccountOrPlaceholder(String accountId) {
        return accountId == null ? new ApiPaths(ACCOUNT_PLACEHOLDER) : forAccount(accountId);
    }

    /** {@code POST}: opens an upload session for the Worker's assets (phase 1). */
    public ApiPath uploadSession(String dispatchNamespace, String scriptName) {
        return new ApiPath(script(dispatchNamespace, scriptName) + "/assets-upload-session");
    }

    /** {@code POST}: one bucket of assets, each part the Base64 text of a file (phase 2). */
    public ApiPath assetsUpload() {
        return new ApiPath(account + "/workers/assets/upload?base64=true");
    }

    /** {@code POST}: one asset's raw bytes, when the upload token asks for one request per file (phase 2). */
    public ApiPath assetUpload(String hash) {
        return new ApiPath(account + "/workers/assets/upload/" + segment(PathName.ASSET_HASH, hash));
    }

    /** {@code PUT}: the Worker upload that deploys it (phase 3). */
    public ApiPath workerScript(String dispatchNamespace, String scriptName) {
        return new ApiPath(script(dispatchNamespace, scriptName) + "?excludeScript=true&bindings_inherit=strict");
    }

    /** {@code POST}: a new version of an account's Worker, not deployed (phase 3 with --version-only). */
    public ApiPath workerVersions(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/versions?bindings_inherit=strict");
    }

    /** The Worker: in the account, or in a Workers for Platforms dispatch namespace. */
    private String script(String dispatchNamespace, String scriptName) {
        return dispatchNamespace == null
                ? account + "/workers/scripts/" + segment(PathName.WORKER_NAME, scriptName)
                : account + "/workers/dispatch/namespaces/" + segment(PathName.DISPATCH_NAMESPACE, dispatchNamespace)
                        + "/scripts/" + segment(PathName.NAMESPACE_WORKER_NAME, scriptName);
    }

    /**
     * {@code name} as one path segment: checked against {@code kind}'s rule, then percent-encoded (UTF-8) but for
     * RFC 3986's unreserved characters, so nothing in it can end the segment or start a query.
     */
    private static String segment(PathName kind, String name) {
        String problem = kind.problem(kind.what(), name == null ? "" : name);
        if (problem != null) {
            throw AssetsDeployException.invalidInput(problem);
        }
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
