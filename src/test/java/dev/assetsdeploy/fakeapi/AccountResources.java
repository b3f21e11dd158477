package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account's resources that bindings and triggers name (queues, R2 buckets, KV namespaces, D1 databases, AI Search
 * and Agent Memory namespaces, Workflows). Part of {@link WorkersState}, under its lock.
 */
final class AccountResources {

    /** An R2 bucket: the same name may exist once per jurisdiction (null: none). */
    record Bucket(String name, String jurisdiction) {}

    record Database(String uuid, String name, String createdAt, String jurisdiction) {

        JsonObject toJson() {
            JsonObject db = new JsonObject();
            db.addProperty("uuid", uuid);
            db.addProperty("name", name);
            db.addProperty("created_at", createdAt);
            db.addProperty("version", "production");
            if (jurisdiction != null) {
                db.addProperty("jurisdiction", jurisdiction);
            }
            return db;
        }
    }

    /** Queue name to id. */
    final Map<String, String> queues = new LinkedHashMap<>();

    final Set<Bucket> r2Buckets = new LinkedHashSet<>();
    /** KV namespace title to id. */
    final Map<String, String> kvNamespaces = new LinkedHashMap<>();

    final List<Database> d1Databases = new ArrayList<>();
    final Set<String> aiSearchNamespaces = new LinkedHashSet<>();
    final Set<String> agentMemoryNamespaces = new LinkedHashSet<>();
    /** Workflow name to what {@code GET .../workflows/NAME} answers. */
    final Map<String, JsonObject> workflows = new LinkedHashMap<>();

    boolean hasBucket(String name, String jurisdiction) {
        return r2Buckets.stream()
                .anyMatch(b -> b.name().equals(name) && Objects.equals(b.jurisdiction(), jurisdiction));
    }

    Map<String, List<String>> names() {
        Map<String, List<String>> all = new TreeMap<>();
        all.put("queues", sorted(queues.keySet()));
        all.put(
                "r2_buckets",
                sorted(r2Buckets.stream()
                        .map(b -> b.jurisdiction() == null ? b.name() : b.name() + " (" + b.jurisdiction() + ")")
                        .toList()));
        all.put("kv_namespaces", sorted(kvNamespaces.keySet()));
        all.put("d1_databases", sorted(d1Databases.stream().map(Database::name).toList()));
        all.put("ai_search_namespaces", sorted(aiSearchNamespaces));
        all.put("agent_memory_namespaces", sorted(agentMemoryNamespaces));
        all.put("workflows", sorted(workflows.keySet()));
        return all;
    }

    private static List<String> sorted(Collection<String> names) {
        return names.stream().sorted().toList();
    }
}
