package dev.assetsdeploy.versions;

import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiJson;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.live.MissingWorker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The versions and deployments of one Worker of the account, read through the API. Every read is a GET and is
 * retried ({@link ApiClient#call}). Lists come newest first, whatever order the API used.
 */
public final class WorkerVersions {

    /** The API's "no such Worker version" (HTTP 404), also for a version of another Worker: the path names ours. */
    public static final int VERSION_NOT_FOUND = 100146;

    /** Newest first; the ISO 8601 times of the API sort as text. A missing time sorts last. */
    static final Comparator<String> NEWEST_FIRST =
            Comparator.nullsLast(Comparator.<String>naturalOrder().reversed());

    private final ApiClient api;
    private final String scriptName;

    public WorkerVersions(ApiClient api, String scriptName) {
        this.api = api;
        this.scriptName = scriptName;
    }

    public String scriptName() {
        return scriptName;
    }

    /** The versions that can be deployed (the API keeps the last 100), newest first. */
    public List<WorkerVersion> deployable() {
        JsonObject result = read("list the Worker's versions", api.paths().deployableVersions(scriptName));
        List<WorkerVersion> versions = new ArrayList<>(ApiJson.objects(result, "items").stream()
                .map(WorkerVersion::of)
                .filter(Objects::nonNull)
                .toList());
        versions.sort(Comparator.comparing(WorkerVersion::createdOn, NEWEST_FIRST));
        return versions;
    }

    /** The Worker's deployments, newest (the current one) first. */
    public List<Deployment> deployments() {
        JsonObject result = read("list the Worker's deployments", api.paths().workerDeployments(scriptName));
        List<Deployment> deployments = new ArrayList<>(ApiJson.objects(result, "deployments").stream()
                .map(Deployment::of)
                .toList());
        deployments.sort(Comparator.comparing(Deployment::createdOn, NEWEST_FIRST));
        return deployments;
    }

    /** The version, or empty when the API does not know it (100146): deleted, or of another Worker. */
    public Optional<WorkerVersion> find(String versionId) {
        try {
            return Optional.ofNullable(WorkerVersion.of(
                    read("read version " + versionId, api.paths().workerVersion(scriptName, versionId))));
        } catch (ApiException e) {
            if (e.status() == 404 && e.hasCode(VERSION_NOT_FOUND)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The version; one the API does not know is bad input (exit 3), named with what to do, as it is for an id that is
     * not a version of this Worker.
     */
    public WorkerVersion get(String versionId) {
        return find(versionId)
                .orElseThrow(() -> AssetsDeployException.invalidInput("version " + versionId
                        + " is not a version of Worker " + scriptName + " (the API answered " + VERSION_NOT_FOUND
                        + ": not found); `assets-deploy versions list --script " + scriptName
                        + "` shows the ones it has"));
    }

    /**
     * The versions that serve {@code deployments}, by id, each read once; one the API no longer has (only the last 100
     * are kept) is left out.
     */
    public Map<String, WorkerVersion> versionsOf(List<Deployment> deployments) {
        Map<String, WorkerVersion> byId = new LinkedHashMap<>();
        deployments.stream()
                .flatMap(d -> d.versions().stream())
                .map(TrafficShare::versionId)
                .distinct()
                .filter(VersionIds::isVersionId)
                .forEach(id -> find(id).ifPresent(v -> byId.put(id, v)));
        return byId;
    }

    /** A GET's result; an unknown Worker (10007) is bad input: the name is wrong, or it was never deployed. */
    private JsonObject read(String step, ApiPath path) {
        JsonObject result = MissingWorker.get(api, step, path, scriptName);
        return result == null ? new JsonObject() : result;
    }
}
