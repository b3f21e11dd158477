package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binding types a Worker upload may carry and the fields each needs: the wire objects of wrangler 4.164's
 * {@code createWorkerUploadForm} (notes/bindings.md §1.4), plus {@code secret_text} and {@code secret_key}, which
 * the dashboard and {@code wrangler secret put} create. The real API's wording for a refusal is not known; the
 * messages here are the fake's own, under the API's validation code 10021.
 */
final class BindingRules {

    /** Type to the fields it must have; a list of alternatives is "one of". */
    private static final Map<String, List<List<String>>> REQUIRED = Map.ofEntries(
            Map.entry("inherit", List.of()),
            Map.entry("plain_text", List.of(List.of("text"))),
            Map.entry("json", List.of(List.of("json"))),
            Map.entry("secret_text", List.of(List.of("text"))),
            Map.entry("secret_key", List.of(List.of("algorithm"), List.of("format"), List.of("usages"))),
            Map.entry("kv_namespace", List.of(List.of("namespace_id"))),
            Map.entry("send_email", List.of()),
            Map.entry("durable_object_namespace", List.of(List.of("class_name"))),
            Map.entry("workflow", List.of(List.of("workflow_name"), List.of("class_name"))),
            Map.entry("queue", List.of(List.of("queue_name"))),
            Map.entry("r2_bucket", List.of(List.of("bucket_name"))),
            Map.entry("d1", List.of(List.of("id"))),
            Map.entry("vectorize", List.of(List.of("index_name"))),
            Map.entry("ai_search_namespace", List.of(List.of("namespace"))),
            Map.entry("ai_search", List.of(List.of("instance_name"))),
            Map.entry("agent_memory", List.of(List.of("namespace"))),
            Map.entry("hyperdrive", List.of(List.of("id"))),
            Map.entry("secrets_store_secret", List.of(List.of("store_id"), List.of("secret_name"))),
            Map.entry("artifacts", List.of(List.of("namespace"))),
            Map.entry("unsafe_hello_world", List.of()),
            Map.entry("flagship", List.of(List.of("app_id"))),
            Map.entry("ratelimit", List.of(List.of("namespace_id"), List.of("simple"))),
            Map.entry("vpc_service", List.of(List.of("service_id"))),
            Map.entry("vpc_network", List.of(List.of("tunnel_id", "network_id"))),
            Map.entry("service", List.of(List.of("service"))),
            Map.entry("analytics_engine", List.of()),
            Map.entry("dispatch_namespace", List.of(List.of("namespace"))),
            Map.entry("mtls_certificate", List.of(List.of("certificate_id"))),
            Map.entry("pipelines", List.of(List.of("stream", "pipeline"))),
            Map.entry("k2", List.of(List.of("stream"))),
            Map.entry("worker_loader", List.of()),
            Map.entry("logfwdr", List.of(List.of("destination"))),
            Map.entry("wasm_module", List.of(List.of("part"))),
            Map.entry("text_blob", List.of(List.of("part"))),
            Map.entry("data_blob", List.of(List.of("part"))),
            Map.entry("browser", List.of()),
            Map.entry("analytics", List.of()),
            Map.entry("ai", List.of()),
            Map.entry("images", List.of()),
            Map.entry("stream", List.of()),
            Map.entry("media", List.of()),
            Map.entry("version_metadata", List.of()),
            Map.entry("assets", List.of()));

    /** Types whose {@code part} field names another part of the upload. */
    private static final Set<String> PART_TYPES = Set.of("wasm_module", "text_blob", "data_blob");

    private BindingRules() {}

    /**
     * What is wrong with one binding of the upload, or null.
     *
     * @param partNames the names of the upload's other parts
     */
    static String problem(JsonElement element, Set<String> partNames) {
        if (!element.isJsonObject()) {
            return "a binding must be an object, got " + element;
        }
        JsonObject binding = element.getAsJsonObject();
        if (!JsonValues.isString(binding.get("name"))
                || binding.get("name").getAsString().isEmpty()) {
            return "binding " + binding + " has no \"name\"";
        }
        String name = binding.get("name").getAsString();
        if (!JsonValues.isString(binding.get("type"))) {
            return "binding '" + name + "' has no \"type\"";
        }
        String type = binding.get("type").getAsString();
        List<List<String>> required = REQUIRED.get(type);
        if (required == null) {
            return "binding '" + name + "' has an unknown type '" + type + "'";
        }
        for (List<String> oneOf : required) {
            if (oneOf.stream().noneMatch(binding::has)) {
                return "binding '" + name + "' (" + type + ") is missing the required field '"
                        + String.join("' or '", oneOf) + "'";
            }
            for (String field : oneOf) {
                JsonElement value = binding.get(field);
                boolean content = field.equals("text") || field.equals("json");
                if (value != null && !content && (value.isJsonNull() || isEmptyString(value))) {
                    return "binding '" + name + "' (" + type + ") has an empty '" + field + "'";
                }
            }
        }
        if (PART_TYPES.contains(type) && !partNames.contains(binding.get("part").getAsString())) {
            return "binding '" + name + "' (" + type + ") names part '"
                    + binding.get("part").getAsString() + "', which the upload does not have";
        }
        return null;
    }

    private static boolean isEmptyString(JsonElement value) {
        return JsonValues.isString(value) && value.getAsString().isEmpty();
    }
}
