package dev.assetsdeploy.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Every path the tool sends to the API, after the base URL, for one account: the one place where
 * names (account id, Worker name, dispatch namespace, asset hash) become path segments. The query
 * strings are wrangler 4.164's: {@code excludeScript=true} keeps the script body out of the answer,
 * {@code bindings_inherit=strict} makes the API fail rather than guess for "inherit" bindings.
 */
public final class ApiPaths {

    /** A Worker version id as the API gives it: a UUID, lower case, with its hyphens. */
    private static final Pattern VERSION_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String accountId;
    private final String account;

    private ApiPaths(String accountId) {
        this.accountId = accountId;
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

    /** {@code GET}: the Worker's versions that can be deployed (the API keeps the last 100), in {@code result.items}. */
    public String deployableVersions(String scriptName) {
        return script(null, scriptName) + "/versions?deployable=true";
    }

    /** {@code GET}: one version of the Worker; a version of another Worker is "not found" (100146) here. */
    public String workerVersion(String scriptName, String versionId) {
        if (!isVersionId(versionId)) {
            throw new IllegalArgumentException("not a version id in canonical form: " + versionId);
        }
        return script(null, scriptName) + "/versions/" + versionId;
    }

    /**
     * {@code GET}: the Worker's deployments, newest first; {@code POST}: a new deployment. {@code force} is what
     * wrangler's rollback adds after the API refused it with 10220 (secrets changed since that version).
     */
    public String workerDeployments(String scriptName, boolean force) {
        return script(null, scriptName) + "/deployments" + (force ? "?force=true" : "");
    }

    /** Whether {@code id} is a version id as {@link #workerVersion} takes it: a lower-case UUID with hyphens. */
    public static boolean isVersionId(String id) {
        return id != null && VERSION_ID.matcher(id).matches();
    }

    /** {@code GET}: the Worker's settings, among them its workers.dev state, URL and preview URL suffix. */
    public String worker(String scriptName) {
        return account + "/workers/workers/" + scriptName;
    }

    /** {@code GET}: the account's workers.dev subdomain. */
    public String accountSubdomain() {
        return account + "/workers/subdomain";
    }

    /** {@code POST}: turns the Worker's workers.dev route and its preview URLs on or off. */
    public String workerSubdomain(String scriptName) {
        return script(null, scriptName) + "/subdomain";
    }

    /** {@code PUT}: the Worker's zone routes, replacing the ones it had. */
    public String workerRoutes(String scriptName) {
        return script(null, scriptName) + "/routes";
    }

    /**
     * {@code POST}: what attaching exactly these custom domains would change (added, removed, updated,
     * conflicting); changes nothing itself.
     */
    public String domainsChangeset(String scriptName) {
        return script(null, scriptName) + "/domains/changeset?replace_state=true";
    }

    /** {@code PUT}: attaches the Worker's custom domains. */
    public String domainRecords(String scriptName) {
        return script(null, scriptName) + "/domains/records";
    }

    /** {@code PUT}: the Worker's cron schedules, replacing the ones it had. */
    public String schedules(String scriptName) {
        return script(null, scriptName) + "/schedules";
    }

    /** {@code GET}: the account's zones of exactly this name (a list of zero or one). */
    public String zonesNamed(String zoneName) {
        return "/zones?name=" + query(zoneName) + "&account.id=" + query(accountId);
    }

    /** {@code GET}: the Workers routes of a zone, whichever Worker they serve. */
    public String zoneWorkerRoutes(String zoneId) {
        return "/zones/" + zoneId + "/workers/routes";
    }

    /** A query value as wrangler's {@code URLSearchParams} writes it. */
    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The Worker: in the account, or in a Workers for Platforms dispatch namespace. */
    private String script(String dispatchNamespace, String scriptName) {
        return dispatchNamespace == null
                ? account + "/workers/scripts/" + scriptName
                : account + "/workers/dispatch/namespaces/" + dispatchNamespace + "/scripts/" + scriptName;
    }
}
