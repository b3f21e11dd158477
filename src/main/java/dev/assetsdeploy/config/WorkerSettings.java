package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * The Worker's settings beyond its bindings, as the config wrote them (validated; {@code null} when not set, which
 * differs from empty: wrangler sends {@code "limits": {}} and {@code "tail_consumers": []}). JSON values are copied in
 * and out: the record stays immutable. After {@code --env}: {@code observability}, {@code logpush}, {@code placement},
 * {@code limits}, {@code migrations} and {@code cache} are inherited from the top level, {@code tail_consumers},
 * {@code streaming_tail_consumers} and {@code durable_objects} are not (wrangler 4.164).
 *
 * @param observability          {@code observability}, sent as written
 * @param logpush                {@code logpush}
 * @param tailConsumers          {@code tail_consumers}, sent as written
 * @param streamingTailConsumers {@code streaming_tail_consumers}, sent as written
 * @param placement              {@code placement} as written (the wire form is normalised by the deploy step)
 * @param limits                 {@code limits}, sent as written
 * @param migrations             {@code migrations}, in order
 * @param codeUpdateStrategy     {@code durable_objects.code_update_strategy}, or {@code null} for wrangler's default
 * @param cache                  {@code cache}, sent as {@code cache_options}
 * @param serviceTags            the tags that group the Worker with its sibling environments, or {@code null} when the
 *                               config defines no environments
 */
public record WorkerSettings(
        JsonObject observability,
        Boolean logpush,
        JsonArray tailConsumers,
        JsonArray streamingTailConsumers,
        JsonObject placement,
        JsonObject limits,
        List<Migration> migrations,
        CodeUpdateStrategy codeUpdateStrategy,
        JsonObject cache,
        ServiceTags serviceTags) {

    public static final WorkerSettings NONE =
            new WorkerSettings(null, null, null, null, null, null, List.of(), null, null, null);

    /**
     * wrangler's {@code applyServiceAndEnvironmentTags}: a config with environments tags its Workers
     * {@code cf:service=<top-level name>} and, for an environment, {@code cf:environment=<env>}.
     *
     * @param service     the top-level {@code name}, or {@code null} when there is none (then no tag at all)
     * @param environment the {@code --env} name, or {@code null}
     */
    public record ServiceTags(String service, String environment) {}

    /**
     * One Durable Object migration.
     *
     * @param tag  its {@code tag}
     * @param step the migration without its tag, keys in config order: what the metadata's {@code steps} hold
     */
    public record Migration(String tag, JsonObject step) {
        public Migration {
            step = step.deepCopy();
        }

        @Override
        public JsonObject step() {
            return step.deepCopy();
        }

        /** The class names of one step field ({@code new_classes}, ...), empty when absent. */
        public List<String> classes(String field) {
            if (!(step.get(field) instanceof JsonArray array)) {
                return List.of();
            }
            return array.asList().stream().map(e -> e.getAsString()).toList();
        }

        /** The {@code from}/{@code to} pairs of {@code renamed_classes} or {@code transferred_classes}. */
        public List<JsonObject> pairs(String field) {
            if (!(step.get(field) instanceof JsonArray array)) {
                return List.of();
            }
            return array.asList().stream()
                    .map(e -> e.getAsJsonObject().deepCopy())
                    .toList();
        }
    }

    public WorkerSettings {
        observability = copy(observability);
        tailConsumers = copy(tailConsumers);
        streamingTailConsumers = copy(streamingTailConsumers);
        placement = copy(placement);
        limits = copy(limits);
        migrations = List.copyOf(migrations);
        cache = copy(cache);
    }

    @Override
    public JsonObject observability() {
        return copy(observability);
    }

    @Override
    public JsonArray tailConsumers() {
        return copy(tailConsumers);
    }

    @Override
    public JsonArray streamingTailConsumers() {
        return copy(streamingTailConsumers);
    }

    @Override
    public JsonObject placement() {
        return copy(placement);
    }

    @Override
    public JsonObject limits() {
        return copy(limits);
    }

    @Override
    public JsonObject cache() {
        return copy(cache);
    }

    /** The code update strategy deployments use: the config's, or wrangler's default. */
    public CodeUpdateStrategy effectiveCodeUpdateStrategy() {
        return codeUpdateStrategy == null ? CodeUpdateStrategy.DEFAULT : codeUpdateStrategy;
    }

    private static JsonObject copy(JsonObject value) {
        return value == null ? null : value.deepCopy();
    }

    private static JsonArray copy(JsonArray value) {
        return value == null ? null : value.deepCopy();
    }
}
