package dev.assetsdeploy.api;

/**
 * Every path the tool sends to the API, after the base URL, for one account: the one place where
 * names (account id, Worker name, dispatch namespace, asset hash) become path segments. The query
 * strings are wrangler 4.164's: {@code excludeScript=true} keeps the script body out of the answer,
 * {@code bindings_inherit=strict} makes the API fail rather than guess for "inherit" bindings.
 */
public final class ApiPaths {

    private final String account;

    private ApiPaths(String accountId) {
        this.account = "/accounts/" + accountId;
    }

    public static ApiPaths forAccount(String accountId) {
        return new ApiPaths(accountId);
    }

    /** {@code POST}: opens an upload session for the Worker's assets (phase 1). */
    public String uploadSession(String dispatchNamespace, String scriptName) {
        return script(dispatchNamespace, scriptName) + "/assets-upload-session";
    }

    /** {@code POST}: one bucket of assets, each part the Base64 text of a file (phase 2). */
    public String assetsUpload() {
        return account + "/workers/assets/upload?base64=true";
    }

    /** {@code POST}: one asset's raw bytes, when the upload token asks for one request per file (phase 2). */
    public String assetUpload(String hash) {
        return account + "/workers/assets/upload/" + hash;
    }

    /** {@code PUT}: the Worker upload that deploys it (phase 3). */
    public String workerScript(String dispatchNamespace, String scriptName) {
        return script(dispatchNamespace, scriptName) + "?excludeScript=true&bindings_inherit=strict";
    }

    /** {@code POST}: a new version of an account's Worker, not deployed (phase 3 with --version-only). */
    public String workerVersions(String scriptName) {
        return script(null, scriptName) + "/versions?bindings_inherit=strict";
    }

    /** The Worker: in the account, or in a Workers for Platforms dispatch namespace. */
    private String script(String dispatchNamespace, String scriptName) {
        return dispatchNamespace == null
                ? account + "/workers/scripts/" + scriptName
                : account + "/workers/dispatch/namespaces/" + dispatchNamespace + "/scripts/" + scriptName;
    }
}
