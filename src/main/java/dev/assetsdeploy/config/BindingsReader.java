package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.PathName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the binding keys of one config section (the top level, or {@code env.NAME}) into {@link Binding}s, checking
 * what wrangler 4.164's validation checks for each kind and the fields the upload sends. Each entry is kept as parsed;
 * the deploy step maps it to the wire.
 */
final class BindingsReader {

    /** wrangler's {@code isValidWorkflowName}. */
    private static final Pattern WORKFLOW_NAME = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9_-]{0,63}");

    private static final Set<String> WORKFLOW_SETTINGS =
            Set.of("limits", "concurrency", "schedules", "default_retention", "jurisdiction");

    private final FieldReader fields;
    private final List<UnsupportedKey> unsupported;

    BindingsReader(FieldReader fields, List<UnsupportedKey> unsupported) {
        this.fields = fields;
        this.unsupported = unsupported;
    }

    /**
     * The bindings of the section, by config key (in {@link BindingKind} order), for the keys the section has.
     *
     * @param prefix {@code ""} or {@code "env.staging."}
     */
    Map<String, List<Binding>> read(JsonObject section, String prefix) {
        Map<String, List<Binding>> byKey = new LinkedHashMap<>();
        for (BindingKind kind : BindingKind.values()) {
            if (kind == BindingKind.JSON || kind == BindingKind.ASSETS || !section.has(kind.configKey())) {
                continue;
            }
            JsonElement value = section.get(kind.configKey());
            String path = prefix + kind.configKey();
            List<Binding> bindings = switch (kind.shape()) {
                case VARS -> vars(value, path);
                case LIST -> entries(kind, value, path);
                case NESTED -> nested(kind, value, path);
                case PRODUCERS -> producers(value, path);
                case SINGLE -> single(kind, value, path);
                case ASSETS -> List.of();
            };
            byKey.put(kind.configKey(), bindings);
        }
        return byKey;
    }

    private List<Binding> vars(JsonElement value, String path) {
        JsonObject vars = fields.object(value, path, "an object of names and values {\"NAME\": \"value\"}");
        if (vars == null) {
            return List.of();
        }
        List<Binding> bindings = new ArrayList<>();
        for (Map.Entry<String, JsonElement> var : vars.entrySet()) {
            String varPath = path + "." + var.getKey();
            if (fields.isTomlDate(var.getValue())) {
                fields.problem(fields.at(varPath) + " is " + fields.describe(var.getValue())
                        + ", which wrangler does not accept: put the date in quotes");
                continue;
            }
            BindingKind kind = fields.isString(var.getValue()) ? BindingKind.PLAIN_TEXT : BindingKind.JSON;
            bindings.add(new Binding(kind, var.getKey(), var.getValue(), fields.at(varPath)));
        }
        return bindings;
    }

    private List<Binding> entries(BindingKind kind, JsonElement value, String path) {
        JsonArray array = fields.array(value, path, "a list of bindings [{\"" + kind.nameField() + "\": ...}]");
        List<Binding> bindings = new ArrayList<>();
        if (array != null) {
            for (int i = 0; i < array.size(); i++) {
                Binding binding = entry(kind, array.get(i), path + "[" + i + "]");
                if (binding != null) {
                    bindings.add(binding);
                }
            }
        }
        return bindings;
    }

    private List<Binding> nested(BindingKind kind, JsonElement value, String path) {
        JsonObject object = fields.object(value, path, "an object {\"bindings\": [...]}");
        if (object == null || !object.has("bindings")) {
            return List.of();
        }
        return entries(kind, object.get("bindings"), path + ".bindings");
    }

    private List<Binding> producers(JsonElement value, String path) {
        JsonObject queues = fields.object(value, path, "an object {\"producers\": [...]}");
        if (queues == null) {
            return List.of();
        }
        fields.unknownFields(queues, path, Set.of("producers", "consumers"));
        JsonElement consumers = queues.get("consumers");
        if (consumers != null && !(consumers instanceof JsonArray array && array.isEmpty())) {
            unsupported.add(new UnsupportedKey(
                    "queues.consumers",
                    "queues",
                    fields.at(path + ".consumers"),
                    "a queue consumer is registered after the upload, which assets-deploy does not do"));
        }
        return queues.has("producers")
                ? entries(BindingKind.QUEUE, queues.get("producers"), path + ".producers")
                : List.of();
    }

    private List<Binding> single(BindingKind kind, JsonElement value, String path) {
        Binding binding = entry(kind, value, path);
        return binding == null ? List.of() : List.of(binding);
    }

    /** One entry: its name, then the fields of its kind; {@code null} when it cannot be sent. */
    private Binding entry(BindingKind kind, JsonElement value, String path) {
        JsonObject entry = fields.object(value, path, "an object {\"" + kind.nameField() + "\": ...}");
        if (entry == null) {
            return null;
        }
        boolean ok = fields.requiredString(entry, path, kind.nameField(), "the binding's name, like \"MY_BINDING\"");
        if (entry.has("raw")) {
            unsupported.add(new UnsupportedKey(
                    "raw",
                    kind.configKey(),
                    fields.at(path + ".raw"),
                    "wrangler would send this field verbatim in the binding"));
        }
        ok &= fields.optionalBoolean(entry, path, "remote");
        ok &= checkKind(kind, entry, path);
        fields.unknownFields(entry, path, known(kind));
        return ok ? new Binding(kind, entry.get(kind.nameField()).getAsString(), entry, fields.at(path)) : null;
    }

    private boolean checkKind(BindingKind kind, JsonObject e, String p) {
        return switch (kind) {
            case KV_NAMESPACE -> fields.optionalString(e, p, "id", "the KV namespace's id");
            case SEND_EMAIL -> sendEmail(e, p);
            case DURABLE_OBJECT -> durableObject(e, p);
            case WORKFLOW -> workflow(e, p);
            case QUEUE -> queue(e, p);
            case R2_BUCKET -> r2Bucket(e, p);
            case D1 ->
                fields.optionalString(e, p, "database_id", "the D1 database's id")
                        & fields.optionalString(e, p, "database_internal_env", "a string")
                        & fields.optionalAnyString(e, p, "database_name", "a string")
                        & fields.optionalAnyString(e, p, "preview_database_id", "a string")
                        & fields.optionalAnyString(e, p, "jurisdiction", "a string");
            case VECTORIZE -> fields.requiredString(e, p, "index_name", "the Vectorize index's name");
            case AI_SEARCH -> fields.requiredString(e, p, "instance_name", "the AI Search instance's name");
            case HYPERDRIVE -> fields.requiredString(e, p, "id", "the Hyperdrive config's id");
            case SECRETS_STORE_SECRET ->
                fields.requiredString(e, p, "store_id", "the secrets store's id")
                        & fields.requiredString(e, p, "secret_name", "the secret's name in the store");
            case ARTIFACTS -> fields.requiredString(e, p, "namespace", "the Artifacts namespace");
            case UNSAFE_HELLO_WORLD -> fields.optionalBoolean(e, p, "enable_timer");
            case FLAGSHIP -> fields.optionalString(e, p, "app_id", "the Flagship app's id");
            case RATELIMIT -> rateLimit(e, p);
            case VPC_SERVICE -> fields.requiredString(e, p, "service_id", "the VPC service's id");
            case VPC_NETWORK -> vpcNetwork(e, p);
            case SERVICE ->
                fields.requiredString(e, p, "service", "the name of the Worker to bind")
                        & fields.optionalAnyString(e, p, "environment", "a string")
                        & fields.optionalAnyString(e, p, "entrypoint", "the name of an exported entrypoint")
                        & fields.optionalObject(e, p, "props", "an object");
            case ANALYTICS_ENGINE -> fields.optionalString(e, p, "dataset", "the dataset's name");
            case DISPATCH_NAMESPACE -> dispatchNamespace(e, p);
            case MTLS_CERTIFICATE -> fields.requiredString(e, p, "certificate_id", "the mTLS certificate's id");
            case PIPELINES -> pipelines(e, p);
            case K2 -> k2(e, p);
            case LOGFWDR -> fields.requiredString(e, p, "destination", "the logfwdr destination");
            case AI -> fields.optionalBoolean(e, p, "staging");
            default -> true;
        };
    }

    private boolean sendEmail(JsonObject e, String p) {
        boolean ok = fields.optionalString(e, p, "destination_address", "an email address")
                & fields.optionalStrings(e, p, "allowed_destination_addresses", "a list of email addresses")
                & fields.optionalStrings(e, p, "allowed_sender_addresses", "a list of email addresses");
        if (e.has("destination_address") && e.has("allowed_destination_addresses")) {
            fields.problem(fields.at(p) + " has both destination_address and allowed_destination_addresses:"
                    + " expected one of them at most");
            return false;
        }
        return ok;
    }

    private boolean durableObject(JsonObject e, String p) {
        boolean ok = fields.requiredString(e, p, "class_name", "the Durable Object's class name")
                & fields.optionalAnyString(e, p, "script_name", "the name of the Worker that defines the class")
                & fields.optionalAnyString(e, p, "environment", "a string");
        if (e.has("environment") && !e.has("script_name")) {
            fields.problem(fields.at(p) + " has an environment but no script_name: set script_name too");
            return false;
        }
        return ok;
    }

    private boolean workflow(JsonObject e, String p) {
        boolean ok = fields.requiredString(e, p, "name", "the workflow's name")
                & fields.requiredString(e, p, "class_name", "the workflow's class name")
                & fields.optionalAnyString(e, p, "script_name", "the name of the Worker that defines the workflow");
        if (ok && !WORKFLOW_NAME.matcher(e.get("name").getAsString()).matches()) {
            fields.problem(fields.at(p + ".name") + " is " + fields.describe(e.get("name"))
                    + ", expected 1-64 letters, digits, _ and - (not starting with -)");
            return false;
        }
        return ok;
    }

    private boolean queue(JsonObject e, String p) {
        boolean ok = fields.optionalString(e, p, "queue", "the queue's name")
                & fields.optionalNumber(e, p, "delivery_delay", "a number of seconds");
        if (e.has("delivery_delay")) {
            fields.warn(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    fields.at(p + ".delivery_delay") + " is deprecated and has no effect (as in wrangler, which still"
                            + " sends it); set the queue's delivery delay with `wrangler queues update` instead");
        }
        return ok;
    }

    private boolean r2Bucket(JsonObject e, String p) {
        boolean ok = fields.optionalString(e, p, "bucket_name", "the R2 bucket's name")
                & fields.optionalAnyString(e, p, "preview_bucket_name", "a string")
                & fields.optionalAnyString(e, p, "jurisdiction", "a jurisdiction like \"eu\"");
        // wrangler's bucket name rule (bucketFormatMessage), which the API path checks again
        String problem = ok && e.has("bucket_name")
                ? PathName.R2_BUCKET.problem(
                        fields.at(p + ".bucket_name"), e.get("bucket_name").getAsString())
                : null;
        if (problem != null) {
            fields.problem(problem);
            return false;
        }
        return ok;
    }

    private boolean rateLimit(JsonObject e, String p) {
        boolean ok = fields.requiredString(e, p, "namespace_id", "the rate limit's namespace id, like \"1001\"");
        if (!e.has("simple")) {
            fields.problem(fields.at(p) + " has no simple: expected {\"limit\": 100, \"period\": 60}");
            return false;
        }
        JsonObject simple = fields.object(e.get("simple"), p + ".simple", "{\"limit\": 100, \"period\": 60}");
        if (simple == null) {
            return false;
        }
        fields.unknownFields(simple, p + ".simple", Set.of("limit", "period"));
        if (!FieldReader.isNumber(simple.get("limit"))) {
            fields.problem(fields.at(p + ".simple.limit") + " is " + fields.describe(simple.get("limit"))
                    + ", expected a number of requests");
            ok = false;
        }
        JsonElement period = simple.get("period");
        if (!FieldReader.isNumber(period) || period.getAsDouble() != 10 && period.getAsDouble() != 60) {
            fields.problem(fields.at(p + ".simple.period") + " is " + fields.describe(period) + ", expected 10 or 60");
            ok = false;
        }
        return ok;
    }

    private boolean vpcNetwork(JsonObject e, String p) {
        boolean ok = fields.optionalString(e, p, "tunnel_id", "the tunnel's id")
                & fields.optionalString(e, p, "network_id", "the network's id");
        if (e.has("tunnel_id") == e.has("network_id")) {
            fields.problem(fields.at(p) + " needs exactly one of tunnel_id and network_id");
            return false;
        }
        return ok;
    }

    private boolean dispatchNamespace(JsonObject e, String p) {
        boolean ok = fields.optionalString(e, p, "namespace", "the dispatch namespace's name");
        if (!e.has("outbound")) {
            return ok;
        }
        JsonObject outbound = fields.object(e.get("outbound"), p + ".outbound", "{\"service\": \"outbound-worker\"}");
        if (outbound == null) {
            return false;
        }
        fields.unknownFields(outbound, p + ".outbound", Set.of("service", "environment", "parameters"));
        return ok
                & fields.requiredString(outbound, p + ".outbound", "service", "the outbound Worker's name")
                & fields.optionalAnyString(outbound, p + ".outbound", "environment", "a string")
                & fields.optionalStrings(outbound, p + ".outbound", "parameters", "a list of parameter names");
    }

    private boolean pipelines(JsonObject e, String p) {
        if (!e.has("stream") && !e.has("pipeline")) {
            fields.problem(fields.at(p) + " has no stream: expected the stream's id");
            return false;
        }
        if (e.has("pipeline") && !e.has("stream")) {
            fields.warn(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    fields.at(p + ".pipeline") + " is deprecated (as in wrangler): use stream instead");
        }
        return fields.optionalString(e, p, "stream", "the stream's id")
                & fields.optionalString(e, p, "pipeline", "the pipeline's name");
    }

    private boolean k2(JsonObject e, String p) {
        boolean ok = fields.requiredString(e, p, "stream", "the K2 stream");
        if (e.get("remote") != null
                && FieldReader.isBoolean(e.get("remote"))
                && !e.get("remote").getAsBoolean()) {
            fields.problem(fields.at(p + ".remote") + " is false, but a K2 binding always writes to the real stream:"
                    + " remove it (as wrangler requires)");
            return false;
        }
        return ok;
    }

    /** The fields wrangler knows for each kind (others are ignored, with a warning), besides {@code raw}. */
    static Set<String> known(BindingKind kind) {
        return switch (kind) {
            case KV_NAMESPACE -> Set.of("binding", "id", "preview_id", "remote", "raw");
            case SEND_EMAIL ->
                Set.of(
                        "name",
                        "binding",
                        "destination_address",
                        "allowed_destination_addresses",
                        "allowed_sender_addresses",
                        "remote",
                        "raw");
            case DURABLE_OBJECT -> Set.of("name", "class_name", "script_name", "environment", "remote", "raw");
            case WORKFLOW ->
                Set.of(
                        "binding",
                        "name",
                        "class_name",
                        "script_name",
                        "limits",
                        "concurrency",
                        "schedules",
                        "default_retention",
                        "jurisdiction",
                        "remote",
                        "raw");
            case QUEUE -> Set.of("binding", "queue", "delivery_delay", "remote", "raw");
            case R2_BUCKET ->
                Set.of("binding", "bucket_name", "preview_bucket_name", "jurisdiction", "remote", "local_dev", "raw");
            case D1 ->
                Set.of(
                        "binding",
                        "database_id",
                        "database_name",
                        "preview_database_id",
                        "jurisdiction",
                        "migrations_dir",
                        "migrations_table",
                        "migrations_pattern",
                        "database_internal_env",
                        "remote",
                        "raw");
            case VECTORIZE -> Set.of("binding", "index_name", "remote", "raw");
            case AI_SEARCH -> Set.of("binding", "instance_name", "remote", "raw");
            case HYPERDRIVE -> Set.of("binding", "id", "localConnectionString", "remote", "raw");
            case SECRETS_STORE_SECRET -> Set.of("binding", "store_id", "secret_name", "raw");
            case ARTIFACTS -> Set.of("binding", "namespace", "remote", "raw");
            case UNSAFE_HELLO_WORLD -> Set.of("binding", "enable_timer", "raw");
            case FLAGSHIP -> Set.of("binding", "app_id", "remote", "raw");
            case RATELIMIT -> Set.of("name", "namespace_id", "simple", "raw");
            case VPC_SERVICE -> Set.of("binding", "service_id", "remote", "raw");
            case VPC_NETWORK -> Set.of("binding", "tunnel_id", "network_id", "remote", "raw");
            case SERVICE ->
                Set.of(
                        "binding",
                        "service",
                        "environment",
                        "entrypoint",
                        "props",
                        "cross_account_grant",
                        "remote",
                        "dev",
                        "raw");
            case ANALYTICS_ENGINE -> Set.of("binding", "dataset", "remote", "raw");
            case DISPATCH_NAMESPACE -> Set.of("binding", "namespace", "outbound", "remote", "raw");
            case MTLS_CERTIFICATE -> Set.of("binding", "certificate_id", "remote", "raw");
            case PIPELINES -> Set.of("binding", "stream", "pipeline", "remote", "raw");
            case K2 -> Set.of("binding", "stream", "remote", "raw");
            case LOGFWDR -> Set.of("name", "destination", "raw");
            case AI -> Set.of("binding", "staging", "remote", "raw");
            default -> Set.of("binding", "remote", "raw");
        };
    }

    /**
     * A workflow this Worker defines (no {@code script_name}, or its own name) needs the workflow registered after the
     * upload ({@code PUT /workflows/NAME}), which assets-deploy does not do; one defined by another Worker is a plain
     * binding, and settings that belong to the defining Worker are a problem (wrangler fails on them after uploading).
     */
    static boolean ownedBy(Binding workflow, String scriptName) {
        String script = workflow.string("script_name");
        return script == null || script.isEmpty() || script.equals(scriptName);
    }

    /** The workflow settings that only the Worker defining the workflow may set. */
    static List<String> settingsOfOwner(Binding workflow) {
        return WORKFLOW_SETTINGS.stream().filter(workflow::has).sorted().toList();
    }
}
