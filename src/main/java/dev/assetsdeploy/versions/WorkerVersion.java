package dev.assetsdeploy.versions;

import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiJson;
import java.util.List;

/**
 * One version of a Worker, as {@code GET .../versions/{id}} and the list of deployable versions give it: what the
 * versions commands show of it. Strings are as the API sent them; the report makes them safe to print.
 *
 * @param number      its number among the Worker's versions (1, 2, ...), or {@code null} when the answer has none
 * @param createdOn   {@code metadata.created_on} (ISO 8601)
 * @param source      {@code metadata.source}: {@code wrangler}, {@code api}, {@code dash}, {@code terraform}, ...
 * @param triggeredBy the {@code workers/triggered_by} annotation: {@code upload}, {@code secret}, {@code rollback},
 *                    {@code promotion}, or {@code null}
 * @param tag         the {@code workers/tag} annotation, or {@code null}
 * @param message     the {@code workers/message} annotation, or {@code null}
 * @param alias       the {@code workers/alias} annotation (its preview alias), or {@code null}
 * @param hasPreview  {@code metadata.has_preview}: Cloudflare made preview URLs for it
 */
public record WorkerVersion(
        String id,
        Integer number,
        String createdOn,
        String authorEmail,
        String source,
        String triggeredBy,
        String tag,
        String message,
        String alias,
        boolean hasPreview,
        List<String> handlers,
        String compatibilityDate,
        List<String> compatibilityFlags,
        List<Binding> bindings) {

    /** A binding of the version: its name in {@code env} and its type ({@code assets}, {@code kv_namespace}, ...). */
    public record Binding(String name, String type) {}

    public WorkerVersion {
        handlers = List.copyOf(handlers);
        compatibilityFlags = List.copyOf(compatibilityFlags);
        bindings = List.copyOf(bindings);
    }

    /** From the API's version object; {@code null} when it has no id. */
    static WorkerVersion of(JsonObject json) {
        String id = ApiJson.string(json, "id");
        if (id == null) {
            return null;
        }
        JsonObject metadata = ApiJson.object(json, "metadata");
        JsonObject annotations = ApiJson.object(json, "annotations");
        JsonObject resources = ApiJson.object(json, "resources");
        JsonObject runtime = ApiJson.object(resources, "script_runtime");
        List<Binding> bindings = ApiJson.objects(resources, "bindings").stream()
                .map(b -> new Binding(ApiJson.string(b, "name"), ApiJson.string(b, "type")))
                .toList();
        return new WorkerVersion(
                id,
                ApiJson.integer(json, "number"),
                ApiJson.string(metadata, "created_on"),
                ApiJson.string(metadata, "author_email"),
                ApiJson.string(metadata, "source"),
                ApiJson.string(annotations, "workers/triggered_by"),
                ApiJson.string(annotations, "workers/tag"),
                ApiJson.string(annotations, "workers/message"),
                ApiJson.string(annotations, "workers/alias"),
                ApiJson.isTrue(metadata, "has_preview"),
                ApiJson.strings(ApiJson.object(resources, "script"), "handlers"),
                ApiJson.string(runtime, "compatibility_date"),
                ApiJson.strings(runtime, "compatibility_flags"),
                bindings);
    }
}
