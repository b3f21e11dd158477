package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Worker's state, as the API keeps it. Mutable, and only touched while holding the {@link WorkersState}'s lock;
 * tests see it through {@link WorkerSnapshot} and change it through {@link WorkerSeed}.
 */
final class Worker {

    final String name;
    /** The dispatch namespace, or null for a Worker of the account. */
    final String namespace;

    String tag;
    List<String> tags = new ArrayList<>();
    String migrationTag;
    String createdOn;
    String modifiedOn;
    String lastDeployedFrom = "wrangler";
    /** workers.dev and Preview URLs: both off for a Worker created through the API. */
    boolean workersDev;

    boolean previewsEnabled;
    List<String> crons = new ArrayList<>();
    String cronsModifiedOn;
    final List<String> secrets = new ArrayList<>();
    /** The non-versioned settings, in the order PATCH script-settings answers them. */
    JsonObject settings = defaultSettings();

    final List<Version> versions = new ArrayList<>();
    /** Newest first, as the deployments API lists them. */
    final List<Deployment> deployments = new ArrayList<>();
    /** Version id to the names of the secrets changed since it: a deployment of it alone needs {@code ?force=true}. */
    final Map<String, List<String>> secretsChangedSince = new LinkedHashMap<>();

    boolean hasAssets;

    Worker(String name, String namespace, String createdOn) {
        this.name = name;
        this.namespace = namespace;
        this.tag = Ids.hex("tag", name);
        this.createdOn = createdOn;
        this.modifiedOn = createdOn;
        this.cronsModifiedOn = createdOn;
    }

    static JsonObject defaultSettings() {
        JsonObject observability = new JsonObject();
        observability.addProperty("enabled", false);
        observability.addProperty("head_sampling_rate", 1);
        JsonObject settings = new JsonObject();
        settings.addProperty("logpush", false);
        settings.add("observability", observability);
        settings.add("tail_consumers", JsonNull.INSTANCE);
        settings.add("tags", JsonValues.strings(List.of()));
        return settings;
    }

    Version version(String id) {
        return versions.stream().filter(v -> v.id().equals(id)).findFirst().orElse(null);
    }

    /** The last version uploaded (deployed or not): what {@code inherit} and {@code keep_bindings} take from. */
    Version latestVersion() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    /** The version that serves most of the traffic, or the latest when nothing is deployed. */
    Version servingVersion() {
        if (deployments.isEmpty()) {
            return latestVersion();
        }
        Deployment.Share top = deployments.get(0).versions().get(0);
        for (Deployment.Share share : deployments.get(0).versions()) {
            if (share.percentage() > top.percentage()) {
                top = share;
            }
        }
        return version(top.versionId());
    }

    void setTags(List<String> newTags) {
        tags = new ArrayList<>(newTags);
        settings.add("tags", JsonValues.strings(tags));
    }
}
