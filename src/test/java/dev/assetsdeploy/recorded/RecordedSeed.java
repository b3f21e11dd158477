package dev.assetsdeploy.recorded;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.fakeapi.WorkerSeed;
import dev.assetsdeploy.fakeapi.WorkersState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recording's {@code seed.json} (the recording fake's state before the run, expanded) put into a
 * {@link FakeCloudflareApi} through its seeding API: the account id, subdomain, zones, routes and domains of every
 * Worker, the resources bindings name (queues, R2 buckets, KV namespaces, D1 databases, AI Search and Agent Memory
 * namespaces, Workflows, dispatch namespaces), and each Worker with its versions and deployments as they were,
 * ids and times included. The clock and the id counter are set last, so the fake's next ids and times are the ones
 * the recording fake gave wrangler.
 */
final class RecordedSeed {

    private RecordedSeed() {}

    static void apply(JsonObject seed, FakeCloudflareApi api) {
        api.settings.accountId = seed.get("account_id").getAsString();
        WorkersState state = api.workers();
        JsonElement subdomain = seed.get("subdomain");
        if (subdomain == null || subdomain.isJsonNull()) {
            state.noSubdomain();
        } else {
            state.subdomain(subdomain.getAsString());
        }
        state.workerUrls(!seed.has("worker_urls") || seed.get("worker_urls").getAsBoolean());
        for (JsonElement zone : array(seed, "zones")) {
            state.zone(string(zone, "name"), string(zone, "id"));
        }
        for (JsonElement queue : array(seed, "queues")) {
            state.queue(string(queue, "queue_name"), string(queue, "queue_id"));
        }
        for (JsonElement bucket : array(seed, "r2_buckets")) {
            if (bucket.isJsonObject()) {
                state.r2Bucket(string(bucket, "name"), string(bucket, "jurisdiction"));
            } else {
                state.r2Bucket(bucket.getAsString());
            }
        }
        for (JsonElement namespace : array(seed, "kv_namespaces")) {
            state.kvNamespace(string(namespace, "title"), string(namespace, "id"));
        }
        for (JsonElement database : array(seed, "d1_databases")) {
            state.d1Database(string(database, "name"), string(database, "uuid"));
        }
        array(seed, "ai_search_namespaces").forEach(n -> state.aiSearchNamespace(n.getAsString()));
        array(seed, "agent_memory_namespaces").forEach(n -> state.agentMemoryNamespace(n.getAsString()));
        if (seed.has("workflows") && seed.get("workflows").isJsonObject()) {
            seed.getAsJsonObject("workflows")
                    .entrySet()
                    .forEach(w -> state.workflow(w.getKey(), w.getValue().getAsJsonObject()));
        }
        if (seed.has("dispatch_namespaces")) {
            for (Map.Entry<String, JsonElement> ns :
                    seed.getAsJsonObject("dispatch_namespaces").entrySet()) {
                state.dispatchNamespace(ns.getKey());
                JsonObject scripts = ns.getValue().getAsJsonObject().getAsJsonObject("scripts");
                scripts.entrySet()
                        .forEach(s -> worker(
                                state, ns.getKey(), s.getKey(), s.getValue().getAsJsonObject()));
            }
        }
        seed.getAsJsonObject("scripts")
                .entrySet()
                .forEach(s -> worker(state, null, s.getKey(), s.getValue().getAsJsonObject()));
        for (JsonElement route : array(seed, "routes")) {
            state.route(string(route, "pattern"), string(route, "script"));
        }
        for (JsonElement domain : array(seed, "domains")) {
            state.domain(string(domain, "hostname"), string(domain, "service"));
        }
        state.now(Instant.parse(string(seed, "now")));
        state.idCounterAfter(strings(seed, new HashSet<>()));
    }

    private static void worker(WorkersState state, String namespace, String name, JsonObject script) {
        WorkerSeed worker = state.addWorker(namespace, name)
                .createdOn(string(script, "created_on"), string(script, "modified_on"))
                .tag(string(script, "tag"))
                .tags(array(script, "tags").asList().stream()
                        .map(JsonElement::getAsString)
                        .toArray(String[]::new))
                .migrationTag(string(script, "migration_tag"))
                .lastDeployedFrom(string(script, "last_deployed_from"))
                .workersDev(
                        script.getAsJsonObject("subdomain").get("enabled").getAsBoolean(),
                        script.getAsJsonObject("subdomain")
                                .get("previews_enabled")
                                .getAsBoolean())
                .schedules(array(script, "schedules").asList().stream()
                        .map(s -> string(s, "cron"))
                        .toArray(String[]::new))
                .secrets(array(script, "secrets").asList().stream()
                        .map(s -> string(s, "name"))
                        .toArray(String[]::new))
                .settings(script.getAsJsonObject("settings"));
        for (JsonElement element : array(script, "versions")) {
            JsonObject v = element.getAsJsonObject();
            JsonObject metadata = v.getAsJsonObject("metadata");
            JsonObject resources = v.getAsJsonObject("resources");
            JsonObject runtime = resources.getAsJsonObject("script_runtime");
            worker.version(
                    string(v, "id"),
                    seed -> seed.number(v.get("number").getAsInt())
                            .createdOn(string(metadata, "created_on"))
                            .source(string(metadata, "source"))
                            .hasPreview(metadata.get("has_preview").getAsBoolean())
                            .annotations(v.getAsJsonObject("annotations"))
                            .bindings(resources.getAsJsonArray("bindings"))
                            .etag(string(resources.getAsJsonObject("script"), "etag"))
                            .handlers(array(resources.getAsJsonObject("script"), "handlers").asList().stream()
                                    .map(JsonElement::getAsString)
                                    .toArray(String[]::new))
                            .compatibilityDate(string(runtime, "compatibility_date"))
                            .compatibilityFlags(array(runtime, "compatibility_flags").asList().stream()
                                    .map(JsonElement::getAsString)
                                    .toArray(String[]::new)));
        }
        List<JsonElement> deployments =
                new ArrayList<>(array(script, "deployments").asList());
        for (int i = deployments.size() - 1; i >= 0; i--) {
            JsonObject d = deployments.get(i).getAsJsonObject();
            worker.deployment(seed -> {
                seed.id(string(d, "id"))
                        .createdOn(string(d, "created_on"))
                        .source(string(d, "source"))
                        .annotations(d.getAsJsonObject("annotations"));
                for (JsonElement share : d.getAsJsonArray("versions")) {
                    seed.version(
                            string(share, "version_id"),
                            share.getAsJsonObject().get("percentage").getAsDouble());
                }
            });
        }
        if (script.has("secrets_changed_since")) {
            script.getAsJsonObject("secrets_changed_since")
                    .entrySet()
                    .forEach(e -> worker.secretsChangedSince(
                            e.getKey(),
                            e.getValue().getAsJsonArray().asList().stream()
                                    .map(JsonElement::getAsString)
                                    .toArray(String[]::new)));
        }
    }

    private static JsonArray array(JsonElement object, String key) {
        JsonElement value = object.getAsJsonObject().get(key);
        return value == null || value.isJsonNull() ? new JsonArray() : value.getAsJsonArray();
    }

    private static String string(JsonElement object, String key) {
        JsonElement value = object.getAsJsonObject().get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** Every string in the seed, for the id counter. */
    private static Set<String> strings(JsonElement json, Set<String> into) {
        if (json.isJsonPrimitive() && json.getAsJsonPrimitive().isString()) {
            into.add(json.getAsString());
        } else if (json.isJsonArray()) {
            json.getAsJsonArray().forEach(e -> strings(e, into));
        } else if (json.isJsonObject()) {
            json.getAsJsonObject().entrySet().forEach(e -> {
                into.add(e.getKey());
                strings(e.getValue(), into);
            });
        }
        return into;
    }
}
