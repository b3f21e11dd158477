package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Worker settings of one config section ({@code observability}, {@code logpush}, {@code tail_consumers},
 * {@code placement}, {@code limits}, {@code migrations}, {@code cache}, {@code durable_objects.code_update_strategy},
 * {@code secrets}, {@code keep_vars}) with wrangler 4.164's checks, and notes the keys assets-deploy refuses. Values
 * are kept as parsed: most are sent as written.
 */
final class SettingsReader {

    /** Key of {@code durable_objects.code_update_strategy} in the result. */
    static final String CODE_UPDATE_STRATEGY = "durable_objects.code_update_strategy";

    /** The top-level keys read here (besides {@code durable_objects}, a binding key). */
    static final List<String> KEYS = List.of(
            "observability",
            "logpush",
            "tail_consumers",
            "streaming_tail_consumers",
            "placement",
            "limits",
            "migrations",
            "cache",
            "secrets",
            "keep_vars");

    private static final double MAX_DELAY_SECONDS = 24 * 60 * 60;

    private final FieldReader fields;
    private final List<UnsupportedKey> unsupported;

    SettingsReader(FieldReader fields, List<UnsupportedKey> unsupported) {
        this.fields = fields;
        this.unsupported = unsupported;
    }

    /** The valid settings of the section, by key. */
    Map<String, JsonElement> read(JsonObject section, String prefix, boolean topLevel) {
        Map<String, JsonElement> settings = new LinkedHashMap<>();
        check(section, prefix, "observability", settings, this::observability);
        check(section, prefix, "logpush", settings, fields::bool);
        check(section, prefix, "tail_consumers", settings, (v, p) -> consumers(v, p, true));
        check(section, prefix, "streaming_tail_consumers", settings, (v, p) -> consumers(v, p, false));
        check(section, prefix, "placement", settings, this::placement);
        check(section, prefix, "limits", settings, this::limits);
        check(section, prefix, "migrations", settings, this::migrations);
        check(section, prefix, "cache", settings, this::cache);
        check(section, prefix, "secrets", settings, this::secrets);
        if (topLevel) {
            check(section, prefix, "keep_vars", settings, fields::bool);
        }
        if (section.get("durable_objects") instanceof JsonObject durableObjects) {
            fields.unknownFields(
                    durableObjects, prefix + "durable_objects", Set.of("bindings", "code_update_strategy"));
            JsonElement strategy = durableObjects.get("code_update_strategy");
            if (strategy != null && codeUpdateStrategy(strategy, prefix + CODE_UPDATE_STRATEGY)) {
                settings.put(CODE_UPDATE_STRATEGY, strategy);
            }
        }
        refused(section, prefix, topLevel);
        return settings;
    }

    private interface Check {
        boolean valid(JsonElement value, String path);
    }

    private void check(JsonObject section, String prefix, String key, Map<String, JsonElement> into, Check check) {
        JsonElement value = section.get(key);
        if (value != null && check.valid(value, prefix + key)) {
            into.put(key, value);
        }
    }

    private boolean observability(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object like {\"enabled\": true}");
        if (o == null) {
            return false;
        }
        boolean any = FieldReader.isBoolean(o.get("enabled"));
        for (String part : List.of("logs", "traces", "issues")) {
            any |= o.get(part) instanceof JsonObject nested && FieldReader.isBoolean(nested.get("enabled"));
        }
        boolean ok = fields.optionalBoolean(o, path, "enabled")
                & fields.optionalNumber(o, path, "head_sampling_rate", "a number from 0 to 1");
        if (!any) {
            fields.problem(fields.at(path) + " sets none of enabled, logs.enabled, traces.enabled, issues.enabled:"
                    + " expected at least one of them (true or false)");
            return false;
        }
        return ok;
    }

    private boolean consumers(JsonElement value, String path, boolean withEnvironment) {
        JsonArray array = fields.array(value, path, "a list of Workers [{\"service\": \"my-tail-worker\"}]");
        if (array == null) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String item = path + "[" + i + "]";
            JsonObject consumer = fields.object(array.get(i), item, "an object {\"service\": \"my-tail-worker\"}");
            ok &= consumer != null
                    && fields.requiredString(consumer, item, "service", "the name of the Worker that receives events")
                    && (!withEnvironment || fields.optionalAnyString(consumer, item, "environment", "a string"));
        }
        return ok;
    }

    /** wrangler's {@code normalizeAndValidatePlacement}: smart (with a hint) or targeted (one of region, host, hostname). */
    private boolean placement(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object like {\"mode\": \"smart\"}");
        if (o == null) {
            return false;
        }
        List<String> targets =
                List.of("region", "host", "hostname").stream().filter(o::has).toList();
        JsonElement mode = o.get("mode");
        if (o.has("hint") && !targets.isEmpty()) {
            fields.problem(fields.at(path) + " has both hint (smart placement) and " + targets.get(0)
                    + " (targeted placement): expected one of them");
            return false;
        }
        if (targets.size() > 1) {
            fields.problem(fields.at(path) + " has " + String.join(" and ", targets) + ": expected only one of them");
            return false;
        }
        List<String> modes = o.has("hint")
                ? List.of("off", "smart")
                : targets.isEmpty() ? List.of("off", "smart", "targeted") : List.of("targeted");
        boolean modeRequired = targets.isEmpty();
        if (mode == null && modeRequired) {
            fields.problem(fields.at(path) + " has no mode: expected one of " + String.join(", ", modes));
            return false;
        }
        if (mode != null && !(fields.isString(mode) && modes.contains(mode.getAsString()))) {
            fields.problem(fields.at(path + ".mode") + " is " + fields.describe(mode) + ", expected one of "
                    + String.join(", ", modes));
            return false;
        }
        if (o.has("hint")) {
            if (!fields.isString(o.get("hint"))) {
                fields.problem(
                        fields.at(path + ".hint") + " is " + fields.describe(o.get("hint")) + ", expected a string");
                return false;
            }
            if (!o.get("hint").getAsString().isEmpty() && !"smart".equals(mode.getAsString())) {
                fields.problem(fields.at(path + ".hint") + " is set, but mode is not \"smart\": set mode to \"smart\"");
                return false;
            }
        }
        if (targets.isEmpty() && mode != null && "targeted".equals(mode.getAsString())) {
            fields.problem(fields.at(path) + " is targeted but has none of region, host, hostname: set one of them");
            return false;
        }
        return targets.isEmpty() || fields.optionalString(o, path, targets.get(0), "a non-empty string");
    }

    private boolean limits(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object like {\"cpu_ms\": 50}");
        return o != null
                && fields.optionalNumber(o, path, "cpu_ms", "a number of milliseconds")
                        & fields.optionalNumber(o, path, "subrequests", "a number");
    }

    private boolean cache(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object like {\"enabled\": true}");
        if (o == null) {
            return false;
        }
        fields.unknownFields(o, path, Set.of("enabled", "cross_version_cache"));
        if (!o.has("enabled")) {
            fields.problem(fields.at(path) + " has no enabled: expected true or false");
            return false;
        }
        return fields.optionalBoolean(o, path, "enabled") & fields.optionalBoolean(o, path, "cross_version_cache");
    }

    private boolean secrets(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object {\"required\": [\"API_KEY\"]}");
        if (o == null) {
            return false;
        }
        fields.unknownFields(o, path, Set.of("required"));
        return fields.optionalStrings(o, path, "required", "a list of secret names");
    }

    private boolean migrations(JsonElement value, String path) {
        JsonArray array = fields.array(value, path, "a list of migrations [{\"tag\": \"v1\", ...}]");
        if (array == null) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String item = path + "[" + i + "]";
            JsonObject m = fields.object(array.get(i), item, "an object {\"tag\": \"v1\", ...}");
            if (m == null) {
                ok = false;
                continue;
            }
            fields.unknownFields(
                    m,
                    item,
                    Set.of(
                            "tag",
                            "new_classes",
                            "new_sqlite_classes",
                            "renamed_classes",
                            "deleted_classes",
                            "transferred_classes"));
            ok &= fields.requiredString(m, item, "tag", "the migration's tag, like \"v1\"")
                    & fields.optionalStrings(m, item, "new_classes", "a list of class names")
                    & fields.optionalStrings(m, item, "new_sqlite_classes", "a list of class names")
                    & fields.optionalStrings(m, item, "deleted_classes", "a list of class names")
                    & classPairs(m, item, "renamed_classes", List.of("from", "to"))
                    & classPairs(m, item, "transferred_classes", List.of("from", "from_script", "to"));
        }
        return ok;
    }

    private boolean classPairs(JsonObject migration, String path, String field, List<String> keys) {
        JsonElement value = migration.get(field);
        if (value == null) {
            return true;
        }
        String shape = "a list of {"
                + String.join(", ", keys.stream().map(k -> "\"" + k + "\": ...").toList()) + "}";
        JsonArray array = fields.array(value, path + "." + field, shape);
        if (array == null) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            String item = path + "." + field + "[" + i + "]";
            JsonObject pair = fields.object(array.get(i), item, shape.substring("a list of ".length()));
            if (pair == null) {
                ok = false;
                continue;
            }
            for (String key : keys) {
                ok &= fields.requiredString(pair, item, key, "a class name");
            }
        }
        return ok;
    }

    private boolean codeUpdateStrategy(JsonElement value, String path) {
        JsonObject o = fields.object(value, path, "an object like {\"mode\": \"deferred\", \"max_delay\": 300}");
        if (o == null) {
            return false;
        }
        fields.unknownFields(o, path, Set.of("mode", "max_delay"));
        JsonElement mode = o.get("mode");
        if (!(fields.isString(mode) && List.of("immediate", "deferred").contains(mode.getAsString()))) {
            fields.problem(fields.at(path + ".mode") + " is " + fields.describe(mode)
                    + ", expected one of immediate, deferred");
            return false;
        }
        if (!fields.optionalNumber(o, path, "max_delay", "a number of seconds")) {
            return false;
        }
        if (o.has("max_delay")) {
            double delay = o.get("max_delay").getAsDouble();
            double millis = delay * 1000;
            if (delay < 0 || delay > MAX_DELAY_SECONDS) {
                fields.problem(fields.at(path + ".max_delay") + " is " + fields.describe(o.get("max_delay"))
                        + ", expected 0 to 86400 seconds");
                return false;
            }
            if (delay > 0 && Math.round(millis) == 0 || Math.abs(millis - Math.round(millis)) > 1e-6) {
                fields.problem(fields.at(path + ".max_delay") + " is " + fields.describe(o.get("max_delay"))
                        + ", expected whole milliseconds (at most 3 decimals)");
                return false;
            }
        }
        return true;
    }

    /** The keys wrangler would act on and assets-deploy does not (see {@link UnsupportedKey}). */
    private void refused(JsonObject section, String prefix, boolean topLevel) {
        refuse(section, prefix, "unsafe", "arbitrary bindings and metadata that wrangler passes through unchecked");
        refuse(section, prefix, "containers", "container images are built and pushed by wrangler");
        refuse(section, prefix, "cloudchamber", "container images are built and pushed by wrangler");
        refuse(section, prefix, "exports", "wrangler applies exports (the Durable Object lifecycle) itself");
        refuse(
                section,
                prefix,
                "ai_search_namespaces",
                "wrangler looks the namespace up and creates it when it is missing; assets-deploy creates no resources");
        refuse(
                section,
                prefix,
                "agent_memory",
                "wrangler looks the namespace up and creates it when it is missing; assets-deploy creates no resources");
        refuse(section, prefix, "first_party_worker", "an internal Cloudflare setting");
        if (section.get("compliance_region") != null
                && fields.isString(section.get("compliance_region"))
                && section.get("compliance_region").getAsString().equals("fedramp_high")) {
            refuse(section, prefix, "compliance_region", "FedRAMP High accounts use another API host");
        }
        if (section.get("triggers") instanceof JsonObject triggers && nonEmpty(triggers.get("events"))) {
            unsupported.add(new UnsupportedKey(
                    "triggers.events",
                    "triggers",
                    fields.at(prefix + "triggers.events"),
                    "event subscriptions are registered after the upload, which assets-deploy does not do"));
        }
        if (topLevel) {
            for (String blobs : List.of("wasm_modules", "text_blobs", "data_blobs")) {
                refuse(
                        section,
                        prefix,
                        blobs,
                        "wrangler refuses it for an ES module Worker too (import the file in your code instead)");
            }
            refuse(section, prefix, "site", "Workers Sites is the older way to serve static files: use assets");
            refuse(
                    section,
                    prefix,
                    "addresses",
                    "Email Routing addresses are set up after the upload (wrangler's triggers phase), which"
                            + " assets-deploy does not do");
        }
    }

    private void refuse(JsonObject section, String prefix, String key, String reason) {
        if (nonEmpty(section.get(key))) {
            unsupported.add(new UnsupportedKey(key, key, fields.at(prefix + key), reason));
        }
    }

    /** Empty lists and objects (and {@code false}) change nothing that wrangler sends. */
    private static boolean nonEmpty(JsonElement value) {
        if (value == null || value.isJsonNull()) {
            return false;
        }
        if (value instanceof JsonArray array) {
            return !array.isEmpty();
        }
        if (value instanceof JsonObject object) {
            return !object.isEmpty();
        }
        return !(FieldReader.isBoolean(value) && !value.getAsBoolean());
    }
}
