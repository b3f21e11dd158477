package dev.assetsdeploy.api;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.PathName;
import java.net.URLEncoder;
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
    /** The account id as a query value ({@code account.id=}). */
    private final String accountQuery;

    private ApiPaths(String accountSegment, String accountQuery) {
        this.account = "/accounts/" + accountSegment;
        this.accountQuery = accountQuery;
    }

    public static ApiPaths forAccount(String accountId) {
        return new ApiPaths(segment(PathName.ACCOUNT_ID, accountId), query(accountId));
    }

    /** For a dry run's report: the account's paths, or {@code <account>} in their place when there is none. */
    public static ApiPaths forAccountOrPlaceholder(String accountId) {
        return accountId == null ? new ApiPaths(ACCOUNT_PLACEHOLDER, ACCOUNT_PLACEHOLDER) : forAccount(accountId);
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

    /** {@code GET}: the Worker's versions that can be deployed (the API keeps the last 100), in {@code result.items}. */
    public ApiPath deployableVersions(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/versions?deployable=true");
    }

    /** {@code GET}: the Worker's settings, among them its workers.dev state, URL and preview URL suffix. */
    public ApiPath worker(String scriptName) {
        return new ApiPath(account + "/workers/workers/" + segment(PathName.WORKER_NAME, scriptName));
    }

    /** {@code GET}: the account's workers.dev subdomain. */
    public ApiPath accountSubdomain() {
        return new ApiPath(account + "/workers/subdomain");
    }

    /** {@code POST}: turns the Worker's workers.dev route and its preview URLs on or off. */
    public ApiPath workerSubdomain(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/subdomain");
    }

    /** {@code PUT}: the Worker's zone routes, replacing the ones it had. */
    public ApiPath workerRoutes(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/routes");
    }

    /**
     * {@code POST}: what attaching exactly these custom domains would change (added, removed, updated,
     * conflicting); changes nothing itself.
     */
    public ApiPath domainsChangeset(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/domains/changeset?replace_state=true");
    }

    /** {@code PUT}: attaches the Worker's custom domains. */
    public ApiPath domainRecords(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/domains/records");
    }

    /** {@code PUT}: the Worker's cron schedules, replacing the ones it had. */
    public ApiPath schedules(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/schedules");
    }

    /** {@code GET}: the account's zones of exactly this name (a list of zero or one); the name is a query value. */
    public ApiPath zonesNamed(String zoneName) {
        return new ApiPath("/zones?name=" + query(zoneName) + "&account.id=" + accountQuery);
    }

    /** {@code GET}: the Workers routes of a zone, whichever Worker they serve. */
    public ApiPath zoneWorkerRoutes(String zoneId) {
        return new ApiPath("/zones/" + segment(PathName.ZONE_ID, zoneId) + "/workers/routes");
    }

    /** A query value as wrangler's {@code URLSearchParams} writes it. */
    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** {@code GET}: an account's Worker as a service (exists or not, tags, migration tag). */
    public ApiPath workerService(String scriptName) {
        return new ApiPath(account + "/workers/services/" + segment(PathName.WORKER_NAME, scriptName));
    }

    /** {@code GET}: a Worker in a dispatch namespace (exists or not, migration tag). */
    public ApiPath namespacedScript(String dispatchNamespace, String scriptName) {
        return new ApiPath(script(dispatchNamespace, scriptName));
    }

    /** {@code GET}: the names of the Worker's secrets. */
    public ApiPath workerSecrets(String dispatchNamespace, String scriptName) {
        return new ApiPath(script(dispatchNamespace, scriptName) + "/secrets");
    }

    /** {@code GET}: the Worker's current settings, bindings included. */
    public ApiPath workerSettings(String dispatchNamespace, String scriptName) {
        return new ApiPath(script(dispatchNamespace, scriptName) + "/settings");
    }

    /** {@code PATCH}: the settings that are not part of a version (logpush, observability, tail consumers, tags). */
    public ApiPath scriptSettings(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/script-settings");
    }

    /** {@code GET}: the Worker's deployments, newest first; {@code POST}: a new deployment. */
    public ApiPath workerDeployments(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/deployments");
    }

    /** {@code POST}: a new deployment even when the API objects (a rollback over changed secrets). */
    public ApiPath workerDeploymentsForced(String scriptName) {
        return new ApiPath(script(null, scriptName) + "/deployments?force=true");
    }

    /** {@code GET}: one version of the Worker. */
    public ApiPath workerVersion(String scriptName, String versionId) {
        return new ApiPath(script(null, scriptName) + "/versions/" + segment(PathName.VERSION_ID, versionId));
    }

    /** {@code GET}: the account's queues of that name (first page). */
    public ApiPath queuesNamed(String queueName) {
        return new ApiPath(account + "/queues?name=" + segment(PathName.QUEUE_NAME, queueName) + "&page=1");
    }

    /** {@code GET}: one R2 bucket (its jurisdiction, when not the default, goes in a header). */
    public ApiPath r2Bucket(String bucketName) {
        return new ApiPath(account + "/r2/buckets/" + segment(PathName.R2_BUCKET, bucketName));
    }

    /** {@code GET}: the account's dispatch namespaces (first page). */
    public ApiPath dispatchNamespaces() {
        return new ApiPath(account + "/workers/dispatch/namespaces?page=1");
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
        return encode(name);
    }

    /**
     * A name as one path segment or query value, percent-encoded (UTF-8) but for RFC 3986's unreserved characters:
     * for names with no rule of their own (a queue, a bucket, a version id the API checks).
     */
    private static String encode(String name) {
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
