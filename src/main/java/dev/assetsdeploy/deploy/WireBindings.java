package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.BindingKind;
import dev.assetsdeploy.config.WorkerBindings;
import java.util.EnumSet;
import java.util.Set;

/**
 * The metadata's {@code bindings}, object for object as wrangler 4.164's {@code createWorkerUploadForm} writes them:
 * the required secrets first (as {@code inherit}), then kind by kind in {@link BindingKind} order, each kind in the
 * order wrangler iterates it ({@link WorkerBindings#inWranglerOrder}). Each wire
 * object picks the config fields by name, in wrangler's field order; fields it would leave undefined are left out.
 */
final class WireBindings {

    private WireBindings() {}

    /**
     * @param inherited the names sent as {@code {"name": ..., "type": "inherit"}} instead of their binding: draft
     *                  bindings and queue or dispatch namespace bindings the live Worker already has
     */
    static JsonArray json(WorkerBindings bindings, Set<String> inherited) {
        JsonArray wire = new JsonArray();
        for (String secret : bindings.requiredSecrets()) {
            wire.add(inherit(secret));
        }
        for (BindingKind kind : BindingKind.values()) {
            for (Binding binding : bindings.inWranglerOrder(EnumSet.of(kind))) {
                wire.add(inherited.contains(binding.name()) ? inherit(binding.name()) : wire(binding));
            }
        }
        return wire;
    }

    static JsonObject inherit(String name) {
        JsonObject inherit = new JsonObject();
        inherit.addProperty("name", name);
        inherit.addProperty("type", "inherit");
        return inherit;
    }

    /** One binding on the wire: the one place each kind's fields are mapped. */
    static JsonObject wire(Binding binding) {
        BindingKind kind = binding.kind();
        JsonObject out = new JsonObject();
        if (kind == BindingKind.PLAIN_TEXT || kind == BindingKind.JSON) {
            named(out, binding);
            out.add(kind == BindingKind.PLAIN_TEXT ? "text" : "json", binding.config());
            return out;
        }
        JsonObject c = binding.entry();
        switch (kind) {
            case KV_NAMESPACE -> {
                named(out, binding);
                out.add("namespace_id", c.get("id"));
            }
            case SEND_EMAIL -> {
                named(out, binding);
                copy(c, "allowed_sender_addresses", out);
                if (c.has("destination_address")) {
                    copy(c, "destination_address", out);
                } else {
                    copy(c, "allowed_destination_addresses", out);
                }
            }
            case DURABLE_OBJECT -> {
                named(out, binding);
                copy(c, "class_name", out);
                copyIfTruthy(c, "script_name", out);
                copyIfTruthy(c, "environment", out);
            }
            case WORKFLOW -> {
                typed(out, binding);
                out.add("workflow_name", c.get("name"));
                copy(c, "class_name", out);
                copy(c, "script_name", out);
            }
            case QUEUE -> {
                typed(out, binding);
                out.add("queue_name", c.get("queue"));
                copy(c, "delivery_delay", out);
            }
            case R2_BUCKET -> {
                named(out, binding);
                copy(c, "bucket_name", out);
                copy(c, "jurisdiction", out);
            }
            case D1 -> {
                named(out, binding);
                out.add("id", c.get("database_id"));
                if (c.has("database_internal_env")) {
                    out.add("internalEnv", c.get("database_internal_env"));
                }
            }
            case VECTORIZE -> field(out, binding, c, "index_name");
            case AI_SEARCH -> field(out, binding, c, "instance_name");
            case HYPERDRIVE -> field(out, binding, c, "id");
            case SECRETS_STORE_SECRET -> {
                field(out, binding, c, "store_id");
                copy(c, "secret_name", out);
            }
            case ARTIFACTS -> field(out, binding, c, "namespace");
            case UNSAFE_HELLO_WORLD -> field(out, binding, c, "enable_timer");
            case FLAGSHIP -> field(out, binding, c, "app_id");
            case RATELIMIT -> {
                field(out, binding, c, "namespace_id");
                copy(c, "simple", out);
            }
            case VPC_SERVICE -> field(out, binding, c, "service_id");
            case VPC_NETWORK -> field(out, binding, c, c.has("tunnel_id") ? "tunnel_id" : "network_id");
            case SERVICE -> {
                field(out, binding, c, "service");
                copy(c, "cross_account_grant", out);
                copyIfTruthy(c, "environment", out);
                copyIfTruthy(c, "entrypoint", out);
                copyIfTruthy(c, "props", out);
            }
            case ANALYTICS_ENGINE -> field(out, binding, c, "dataset");
            case DISPATCH_NAMESPACE -> {
                field(out, binding, c, "namespace");
                if (truthy(c.get("outbound"))) {
                    out.add("outbound", outbound(c.getAsJsonObject("outbound")));
                }
            }
            case MTLS_CERTIFICATE -> field(out, binding, c, "certificate_id");
            case PIPELINES -> field(out, binding, c, truthy(c.get("stream")) ? "stream" : "pipeline");
            case K2 -> field(out, binding, c, "stream");
            case LOGFWDR -> field(out, binding, c, "destination");
            case AI -> {
                out.addProperty("name", binding.name());
                copy(c, "staging", out);
                out.addProperty("type", kind.wireType());
            }
            default -> named(out, binding); // worker_loader, browser, analytics, images, stream, media, ...
        }
        return out;
    }

    /** {@code {"worker": {"service", "environment"?}, "params"?: [{"name": p}, ...]}} from the config's outbound. */
    private static JsonObject outbound(JsonObject config) {
        JsonObject worker = new JsonObject();
        copy(config, "service", worker);
        copy(config, "environment", worker);
        JsonObject outbound = new JsonObject();
        outbound.add("worker", worker);
        if (config.get("parameters") instanceof JsonArray parameters) {
            JsonArray params = new JsonArray();
            for (JsonElement parameter : parameters) {
                JsonObject param = new JsonObject();
                param.add("name", parameter);
                params.add(param);
            }
            outbound.add("params", params);
        }
        return outbound;
    }

    private static void named(JsonObject out, Binding binding) {
        out.addProperty("name", binding.name());
        out.addProperty("type", binding.kind().wireType());
    }

    /** {@code workflow} and {@code queue} put {@code type} before {@code name}. */
    private static void typed(JsonObject out, Binding binding) {
        out.addProperty("type", binding.kind().wireType());
        out.addProperty("name", binding.name());
    }

    private static void field(JsonObject out, Binding binding, JsonObject config, String field) {
        named(out, binding);
        copy(config, field, out);
    }

    /** wrangler's {@code field: config.field}: left out only when the config does not have it. */
    private static void copy(JsonObject config, String field, JsonObject out) {
        if (config.has(field)) {
            out.add(field, config.get(field));
        }
    }

    /** wrangler's {@code ...field && {field}}: left out when falsy ({@code ""}, 0, false, null). */
    private static void copyIfTruthy(JsonObject config, String field, JsonObject out) {
        if (truthy(config.get(field))) {
            out.add(field, config.get(field));
        }
    }

    private static boolean truthy(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (value instanceof JsonPrimitive p) {
            if (p.isBoolean()) {
                return p.getAsBoolean();
            }
            if (p.isNumber()) {
                double d = p.getAsDouble();
                return d != 0 && !Double.isNaN(d);
            }
            return !p.getAsString().isEmpty();
        }
        return true;
    }
}
