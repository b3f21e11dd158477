package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Seeds one Worker of {@link WorkersState}: each call changes the Worker at once and returns this seed.
 *
 * <pre>{@code
 * api.workers().zone("example.com");
 * api.workers().addWorker("site")
 *         .workersDev(true, true)
 *         .secrets("API_KEY")
 *         .version("11111111-1111-4111-8111-111111111111", v -> v.message("initial"))
 *         .version("22222222-2222-4222-8222-222222222222", v -> v.tag("v1.2.1"))
 *         .deployment("11111111-1111-4111-8111-111111111111")
 *         .deployment("11111111-1111-4111-8111-111111111111", 90, "22222222-2222-4222-8222-222222222222", 10)
 *         .routes("example.com/app/*")
 *         .schedules("0 3 * * *");
 * }</pre>
 */
public final class WorkerSeed {

    private final WorkersState state;
    private final Worker worker;

    WorkerSeed(WorkersState state, Worker worker) {
        this.state = state;
        this.worker = worker;
    }

    /** workers.dev on or off, and Preview URLs on or off (both off unless set, as for a Worker the API created). */
    public WorkerSeed workersDev(boolean enabled, boolean previewsEnabled) {
        synchronized (state) {
            worker.workersDev = enabled;
            worker.previewsEnabled = previewsEnabled;
        }
        return this;
    }

    /** The Worker's tag (its service id, {@code md5("tag/" + name)} unless set). */
    public WorkerSeed tag(String tag) {
        synchronized (state) {
            worker.tag = tag;
        }
        return this;
    }

    /** The Worker's tags (also the {@code tags} script setting). */
    public WorkerSeed tags(String... tags) {
        synchronized (state) {
            worker.setTags(List.of(tags));
        }
        return this;
    }

    /** The tag of the last Durable Object migration applied (none unless set). */
    public WorkerSeed migrationTag(String tag) {
        synchronized (state) {
            worker.migrationTag = tag;
        }
        return this;
    }

    /** Which client last deployed it ({@code wrangler} unless set; {@code dash} and {@code api} make wrangler warn). */
    public WorkerSeed lastDeployedFrom(String source) {
        synchronized (state) {
            worker.lastDeployedFrom = source;
        }
        return this;
    }

    /** {@code created_on} and {@code modified_on}, as the API writes times. */
    public WorkerSeed createdOn(String createdOn, String modifiedOn) {
        synchronized (state) {
            worker.createdOn = createdOn;
            worker.modifiedOn = modifiedOn;
            worker.cronsModifiedOn = createdOn;
        }
        return this;
    }

    /** Secrets set on the Worker (names). Call before adding versions: those get a binding for each. */
    public WorkerSeed secrets(String... names) {
        synchronized (state) {
            worker.secrets.addAll(List.of(names));
        }
        return this;
    }

    /** Its cron triggers. */
    public WorkerSeed schedules(String... crons) {
        synchronized (state) {
            worker.crons = new ArrayList<>(List.of(crons));
        }
        return this;
    }

    /** Routes bound to it, on the account's zones (seed the zones first). */
    public WorkerSeed routes(String... patterns) {
        for (String pattern : patterns) {
            state.route(pattern, worker.name);
        }
        return this;
    }

    /** Custom domains it answers on, hostnames of the account's zones (seed the zones first). */
    public WorkerSeed domains(String... hostnames) {
        for (String hostname : hostnames) {
            state.domain(hostname, worker.name);
        }
        return this;
    }

    /** The non-versioned settings exactly: {@code {"logpush":..., "observability":..., "tail_consumers":..., "tags":...}}. */
    public WorkerSeed settings(JsonObject settings) {
        synchronized (state) {
            worker.settings = settings.deepCopy();
            JsonElement tags = settings.get("tags");
            if (tags != null && tags.isJsonArray()) {
                worker.tags = JsonValues.strings(tags.getAsJsonArray());
            }
        }
        return this;
    }

    /** The {@code logpush} setting. */
    public WorkerSeed logpush(boolean on) {
        synchronized (state) {
            worker.settings.addProperty("logpush", on);
        }
        return this;
    }

    /** The {@code observability} setting. */
    public WorkerSeed observability(JsonObject observability) {
        synchronized (state) {
            worker.settings.add("observability", observability.deepCopy());
        }
        return this;
    }

    /** The {@code tail_consumers} setting ({@code [{"service":"tail-worker"}]}). */
    public WorkerSeed tailConsumers(JsonArray consumers) {
        synchronized (state) {
            worker.settings.add("tail_consumers", consumers.deepCopy());
        }
        return this;
    }

    /** A version with every default of {@link VersionSeed}. */
    public WorkerSeed version(String id) {
        return version(id, v -> {});
    }

    /** A version, uploaded after the ones before it (not deployed: add a deployment). */
    public WorkerSeed version(String id, Consumer<VersionSeed> how) {
        VersionSeed seed = new VersionSeed();
        how.accept(seed);
        synchronized (state) {
            if (worker.version(id) != null) {
                throw new IllegalArgumentException("Worker " + worker.name + " already has version " + id);
            }
            worker.versions.add(seed.build(id, worker, state));
        }
        return this;
    }

    /** {@code n} versions with counted ids and default fields, none deployed. */
    public WorkerSeed versions(int n) {
        for (int i = 0; i < n; i++) {
            String id;
            synchronized (state) {
                id = state.nextId("version");
            }
            version(id);
        }
        return this;
    }

    /** {@code n} versions, each deployed at 100 % when it was uploaded: the history of {@code n} plain deploys. */
    public WorkerSeed deployedVersions(int n) {
        for (int i = 0; i < n; i++) {
            versions(1);
            String id;
            synchronized (state) {
                id = worker.latestVersion().id();
            }
            deployment(id);
        }
        return this;
    }

    /** A deployment of one version at 100 %, newer than the ones before it. */
    public WorkerSeed deployment(String versionId) {
        return deployment(d -> d.version(versionId, 100));
    }

    /** A deployment that splits the traffic between two versions. */
    public WorkerSeed deployment(String versionA, double percentA, String versionB, double percentB) {
        return deployment(d -> d.version(versionA, percentA).version(versionB, percentB));
    }

    /** A deployment, newer than the ones before it. */
    public WorkerSeed deployment(Consumer<DeploymentSeed> how) {
        DeploymentSeed seed = new DeploymentSeed();
        how.accept(seed);
        synchronized (state) {
            worker.deployments.add(0, seed.build(worker, state));
        }
        return this;
    }

    /** A deployment of version {@code versionId} alone is refused with 10220 (secrets changed) unless forced. */
    public WorkerSeed secretsChangedSince(String versionId, String... names) {
        synchronized (state) {
            worker.secretsChangedSince.put(versionId, List.of(names));
        }
        return this;
    }
}
