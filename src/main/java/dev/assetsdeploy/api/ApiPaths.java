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

    /** Whether {@code id} is a version id as the API gives it: a lower-case UUID with hyphens. */
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

    /** {@code GET}: an account's Worker as a service (exists or not, tags, migration tag). */
    public String workerService(String scriptName) {
        return account + "/workers/services/" + scriptName;
    }

    /** {@code GET}: a Worker in a dispatch namespace (exists or not, migration tag). */
    public String namespacedScript(String dispatchNamespace, String scriptName) {
        return script(dispatchNamespace, scriptName);
    }

    /** {@code GET}: the names of the Worker's secrets. */
    public String workerSecrets(String dispatchNamespace, String scriptName) {
        return script(dispatchNamespace, scriptName) + "/secrets";
    }

    /** {@code GET}: the Worker's current settings, bindings included. */
    public String workerSettings(String dispatchNamespace, String scriptName) {
        return script(dispatchNamespace, scriptName) + "/settings";
    }

    /** {@code PATCH}: the settings that are not part of a version (logpush, observability, tail consumers, tags). */
    public String scriptSettings(String scriptName) {
        return script(null, scriptName) + "/script-settings";
    }

    /** {@code GET}: the Worker's deployments, newest first; {@code POST}: a new deployment. */
    public String workerDeployments(String scriptName) {
        return script(null, scriptName) + "/deployments";
    }

    /** {@code POST}: a new deployment even when the API objects (a rollback over changed secrets). */
    public String workerDeploymentsForced(String scriptName) {
        return workerDeployments(scriptName) + "?force=true";
    }

    /** {@code GET}: one version of the Worker. */
    public String workerVersion(String scriptName, String versionId) {
        return script(null, scriptName) + "/versions/" + segment(versionId);
    }

    /** {@code GET}: the account's queues of that name (first page). */
    public String queuesNamed(String queueName) {
        return account + "/queues?name=" + segment(queueName) + "&page=1";
    }

    /** {@code GET}: one R2 bucket (its jurisdiction, when not the default, goes in a header). */
    public String r2Bucket(String bucketName) {
        return account + "/r2/buckets/" + segment(bucketName);
    }

    /** {@code GET}: the account's dispatch namespaces (first page). */
    public String dispatchNamespaces() {
        return account + "/workers/dispatch/namespaces?page=1";
    }

    /** A name as one path segment or query value: RFC 3986 unreserved characters stay, the rest is percent-encoded. */
    private static String segment(String name) {
        StringBuilder out = new StringBuilder();
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    /** The Worker: in the account, or in a Workers for Platforms dispatch namespace. */
    private String script(String dispatchNamespace, String scriptName) {
        return dispatchNamespace == null
                ? account + "/workers/scripts/" + scriptName
                : account + "/workers/dispatch/namespaces/" + dispatchNamespace + "/scripts/" + scriptName;
    }
}
