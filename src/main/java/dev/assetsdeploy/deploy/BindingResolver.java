package dev.assetsdeploy.deploy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiJson;
import dev.assetsdeploy.api.ApiPath;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.config.Binding;
import dev.assetsdeploy.config.BindingKind;
import dev.assetsdeploy.config.InvalidConfigException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * wrangler 4.164's resource provisioning ({@code provisionBindings}), without the provisioning. For the kinds it
 * handles (KV, queue, R2, D1, dispatch namespace, Flagship; in the order of its normalised config) wrangler sends a
 * binding as {@code inherit} when the live Worker already has it (per {@code GET .../settings}), looks the named
 * resource up otherwise, and creates what is missing, drafts (a binding without its id) included. assets-deploy
 * creates nothing: a draft the live Worker cannot give, or a resource that does not exist, stops the deploy before
 * the upload, with what to create and which field to set. The look-ups are wrangler's own requests.
 */
public final class BindingResolver {

    /** The kinds wrangler provisions, and so may send as {@code inherit}, in its order: its normalised config's. */
    public static final List<BindingKind> KINDS = List.of(
            BindingKind.KV_NAMESPACE,
            BindingKind.QUEUE,
            BindingKind.R2_BUCKET,
            BindingKind.D1,
            BindingKind.DISPATCH_NAMESPACE,
            BindingKind.FLAGSHIP);

    /** R2's "bucket not found". */
    private static final int NO_SUCH_BUCKET = 10006;

    private final ApiClient api;

    public BindingResolver(ApiClient api) {
        this.api = api;
    }

    /**
     * The names to send as {@code inherit}.
     *
     * @throws InvalidConfigException every binding that cannot be deployed without creating a resource
     */
    public Set<String> resolve(PreparedWorker worker, LiveWorker live) {
        Set<String> inherited = new LinkedHashSet<>();
        if (!worker.hasCode()) {
            return inherited; // an assets-only upload carries no bindings (wrangler skips provisioning for it too)
        }
        List<String> problems = new ArrayList<>();
        String script = worker.target().describe();
        for (BindingKind kind : KINDS) {
            for (Binding binding : worker.config().bindings().ofKind(kind)) {
                JsonObject liveBinding = live.binding(kind.wireType(), binding.name());
                switch (kind) {
                    case KV_NAMESPACE, FLAGSHIP -> {
                        if (binding.isDraft()) {
                            draft(binding, liveBinding != null, script, inherited, problems);
                        }
                    }
                    case D1 -> {
                        if (binding.isDraft()) {
                            // wrangler would compare the live database's name and jurisdiction (one more GET) before
                            // inheriting; with either set we ask for the id instead.
                            boolean same = liveBinding != null
                                    && binding.string("database_name") == null
                                    && binding.string("jurisdiction") == null;
                            draft(binding, same, script, inherited, problems);
                        }
                    }
                    case QUEUE ->
                        keepOrLookUp(
                                binding,
                                liveBinding,
                                "queue",
                                "queue_name",
                                "delivery_delay",
                                script,
                                inherited,
                                problems);
                    case DISPATCH_NAMESPACE ->
                        keepOrLookUp(
                                binding,
                                liveBinding,
                                "namespace",
                                "namespace",
                                "outbound",
                                script,
                                inherited,
                                problems);
                    case R2_BUCKET -> r2(binding, liveBinding, script, inherited, problems);
                    default -> throw new IllegalStateException(kind.name());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return inherited;
    }

    private static void draft(
            Binding binding, boolean liveHasIt, String script, Set<String> inherited, List<String> problems) {
        if (liveHasIt) {
            inherited.add(binding.name());
        } else {
            problems.add(nothingToInherit(binding, script));
        }
    }

    /**
     * Queues and dispatch namespaces: inherited when the live Worker has the binding (with the same resource, when
     * the config names one) and the config adds nothing to it ({@code delivery_delay}, {@code outbound}); otherwise
     * the named resource is looked up.
     */
    private void keepOrLookUp(
            Binding binding,
            JsonObject liveBinding,
            String field,
            String liveField,
            String extra,
            String script,
            Set<String> inherited,
            List<String> problems) {
        String resource = binding.string(field);
        boolean same =
                liveBinding != null && (resource == null || resource.equals(ApiJson.string(liveBinding, liveField)));
        if (same && !binding.has(extra)) {
            inherited.add(binding.name());
        } else if (resource == null) {
            // wrangler would fill in the live resource and still send the binding with its extra field: name it
            problems.add(nothingToInherit(binding, script));
        } else if (!exists(binding.kind(), resource)) {
            problems.add(missing(binding, resource));
        }
    }

    /**
     * R2: the live binding must match name, jurisdiction and (when set) bucket. wrangler inherits only a draft;
     * a binding that names a matching bucket is sent as it is, without a look-up.
     */
    private void r2(
            Binding binding, JsonObject liveBinding, String script, Set<String> inherited, List<String> problems) {
        String bucket = binding.string("bucket_name");
        boolean same = liveBinding != null
                && Objects.equals(binding.string("jurisdiction"), ApiJson.string(liveBinding, "jurisdiction"))
                && (bucket == null || bucket.equals(ApiJson.string(liveBinding, "bucket_name")));
        if (same) {
            if (bucket == null) {
                inherited.add(binding.name());
            }
        } else if (bucket == null) {
            problems.add(nothingToInherit(binding, script));
        } else if (!r2BucketExists(bucket, binding.string("jurisdiction"))) {
            problems.add(missing(binding, bucket));
        }
    }

    private boolean exists(BindingKind kind, String name) {
        if (kind == BindingKind.QUEUE) {
            return listed(api.paths().queuesNamed(name), "look up queue " + name, "queue_name", name);
        }
        return listed(api.paths().dispatchNamespaces(), "look up dispatch namespace " + name, "namespace_name", name);
    }

    /** wrangler reads the first page only, as here. */
    private boolean listed(ApiPath path, String step, String field, String name) {
        JsonElement result = api.call(ApiRequest.get(step, path)).result();
        if (result instanceof JsonArray items) {
            for (JsonElement item : items) {
                if (name.equals(ApiJson.string(item.getAsJsonObject(), field))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean r2BucketExists(String bucket, String jurisdiction) {
        ApiRequest request =
                ApiRequest.get("look up R2 bucket " + bucket, api.paths().r2Bucket(bucket));
        if (jurisdiction != null) {
            request = request.header("cf-r2-jurisdiction", jurisdiction);
        }
        try {
            api.call(request);
            return true;
        } catch (ApiException e) {
            if (e.hasCode(NO_SUCH_BUCKET)) {
                return false;
            }
            throw e;
        }
    }

    private static String nothingToInherit(Binding binding, String script) {
        BindingKind kind = binding.kind();
        String field = kind.resourceField();
        return binding.origin() + " (\"" + binding.name() + "\") has no " + field + ", and " + script + " has no "
                + kind.friendlyName() + " binding " + binding.name() + " to keep: wrangler would create "
                + resource(kind) + "; assets-deploy creates none: " + create(binding) + " and set its "
                + (field.endsWith("id") ? "id" : "name") + " in " + strip(binding.origin()) + "." + field;
    }

    private static String missing(Binding binding, String resource) {
        return binding.origin() + " (\"" + binding.name() + "\") binds " + resource(binding.kind()) + " " + resource
                + " that the account does not have: wrangler would create it; assets-deploy creates none: "
                + create(binding) + ", or fix " + strip(binding.origin()) + "."
                + binding.kind().resourceField();
    }

    private static String resource(BindingKind kind) {
        return switch (kind) {
            case KV_NAMESPACE -> "a KV namespace";
            case QUEUE -> "a queue";
            case R2_BUCKET -> "an R2 bucket";
            case D1 -> "a D1 database";
            case DISPATCH_NAMESPACE -> "a dispatch namespace";
            default -> "a Flagship app";
        };
    }

    private static String create(Binding binding) {
        String name = binding.string(binding.kind().resourceField());
        return switch (binding.kind()) {
            case KV_NAMESPACE -> "create one (`wrangler kv namespace create " + binding.name() + "`)";
            case QUEUE -> "create it (`wrangler queues create " + (name == null ? "NAME" : name) + "`)";
            case R2_BUCKET -> "create it (`wrangler r2 bucket create " + (name == null ? "NAME" : name) + "`)";
            case D1 ->
                binding.string("database_name") != null
                        ? "look up database " + binding.string("database_name") + " (`wrangler d1 info "
                                + binding.string("database_name") + "`)"
                        : "create one (`wrangler d1 create NAME`)";
            case DISPATCH_NAMESPACE ->
                "create it (`wrangler dispatch-namespace create " + (name == null ? "NAME" : name) + "`)";
            default -> "create one in the dashboard";
        };
    }

    private static String strip(String origin) {
        return origin.contains(": ") ? origin.substring(origin.indexOf(": ") + 2) : origin;
    }
}
