package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.assetsdeploy.config.WorkerSettings.Migration;
import java.util.List;

/**
 * Which Durable Object migrations an upload carries, as wrangler 4.164's {@code getMigrationsToUpload} decides from
 * the live Worker's migration tag: all of them for a Worker that has none; those after its tag; none when it has the
 * last one; all of them, with a warning, when its tag is not in the config.
 */
final class Migrations {

    /**
     * @param json    the metadata's {@code migrations}, or {@code null} when nothing is pending
     * @param warning what to tell the user, or {@code null}
     */
    record Pending(JsonObject json, String warning) {}

    private Migrations() {}

    /** @param liveTag the live Worker's {@code migration_tag}, or {@code null} (a new Worker, or never migrated) */
    static Pending toSend(List<Migration> migrations, String liveTag) {
        if (migrations.isEmpty()) {
            return new Pending(null, null);
        }
        String last = migrations.get(migrations.size() - 1).tag();
        if (liveTag == null) {
            return new Pending(json(null, last, migrations), null);
        }
        if (liveTag.equals(last)) {
            return new Pending(null, null);
        }
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).tag().equals(liveTag)) {
                return new Pending(json(liveTag, last, migrations.subList(i + 1, migrations.size())), null);
            }
        }
        return new Pending(
                json(liveTag, last, migrations),
                "the Worker's migration tag " + liveTag + " is not in the config's migrations (deleted from it?):"
                        + " all of them are sent, as wrangler does");
    }

    private static JsonObject json(String oldTag, String newTag, List<Migration> steps) {
        JsonObject json = new JsonObject();
        if (oldTag != null) {
            json.addProperty("old_tag", oldTag);
        }
        json.addProperty("new_tag", newTag);
        JsonArray list = new JsonArray();
        steps.forEach(m -> list.add(m.step()));
        json.add("steps", list);
        return json;
    }
}
