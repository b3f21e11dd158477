package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * One Worker as the fake holds it at one moment (a copy: later requests do not change it).
 *
 * @param namespace the dispatch namespace, or null for a Worker of the account
 * @param workersDev whether it answers on {@code NAME.SUBDOMAIN.workers.dev}
 * @param previewsEnabled whether its versions answer on Preview URLs
 * @param routes its routes, in the order they were set
 * @param domains its custom domains
 * @param schedules its cron triggers
 * @param settings the non-versioned settings: {@code logpush}, {@code observability}, {@code tail_consumers},
 *     {@code tags} (and {@code streaming_tail_consumers} once set)
 * @param versions oldest first
 * @param deployments newest first
 */
public record WorkerSnapshot(
        String name,
        String namespace,
        String tag,
        List<String> tags,
        String migrationTag,
        boolean workersDev,
        boolean previewsEnabled,
        List<ZoneRoute> routes,
        List<CustomDomain> domains,
        List<String> schedules,
        List<String> secrets,
        JsonObject settings,
        List<Version> versions,
        List<Deployment> deployments) {

    static WorkerSnapshot of(Worker w, WorkersState state) {
        return new WorkerSnapshot(
                w.name,
                w.namespace,
                w.tag,
                List.copyOf(w.tags),
                w.migrationTag,
                w.workersDev,
                w.previewsEnabled,
                state.allRoutes().stream()
                        .filter(r -> w.namespace == null && r.script().equals(w.name))
                        .toList(),
                state.allDomains().stream()
                        .filter(d -> w.namespace == null && d.service().equals(w.name))
                        .toList(),
                List.copyOf(w.crons),
                List.copyOf(w.secrets),
                w.settings.deepCopy(),
                List.copyOf(w.versions),
                List.copyOf(w.deployments));
    }

    @Override
    public JsonObject settings() {
        return settings.deepCopy();
    }

    /** The route patterns, in order. */
    public List<String> routePatterns() {
        return routes.stream().map(ZoneRoute::pattern).toList();
    }

    /** The custom domains' hostnames. */
    public List<String> domainNames() {
        return domains.stream().map(CustomDomain::hostname).toList();
    }

    /** The deployment serving traffic now, or null when there is none. */
    public Deployment currentDeployment() {
        return deployments.isEmpty() ? null : deployments.get(0);
    }

    /** The version with this id, or null. */
    public Version version(String id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }

    /** The last version uploaded, or null. */
    public Version latestVersion() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The bindings of the last version uploaded ({@code []} when there is none). */
    public JsonArray bindings() {
        Version latest = latestVersion();
        return latest == null ? new JsonArray() : latest.bindings();
    }
}
