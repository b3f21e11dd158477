package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Worker part of one config section (bindings, settings, refused keys), and how an {@code env.NAME} section
 * combines with the top level: as in wrangler 4.164's {@code normalizeAndValidateEnvironment}, bindings, vars,
 * secrets, tail consumers and {@code durable_objects} are not inherited (the section has its own or none), while
 * {@code observability}, {@code logpush}, {@code placement}, {@code limits}, {@code migrations}, {@code cache} and
 * {@code logfwdr} are (the section's value, else the top level's).
 *
 * @param bindings    by config key, for the keys the section has
 * @param settings    the valid settings, by key ({@link SettingsReader})
 * @param unsupported the keys assets-deploy refuses
 */
record WorkerSection(
        Map<String, List<Binding>> bindings, Map<String, JsonElement> settings, List<UnsupportedKey> unsupported) {

    static final WorkerSection EMPTY = new WorkerSection(Map.of(), Map.of(), List.of());

    private static final Set<String> INHERITED = Set.of(
            "observability",
            "logpush",
            "placement",
            "limits",
            "migrations",
            "cache",
            "logfwdr",
            "exports",
            "first_party_worker",
            "compliance_region",
            "triggers");

    /** Keys an environment does not inherit, that wrangler warns about when the top level has them and it does not. */
    private static final Set<String> WARN_NOT_INHERITED =
            Set.of("secrets", "tail_consumers", "streaming_tail_consumers");

    static WorkerSection read(
            ConfigDocument doc,
            JsonObject section,
            String prefix,
            boolean topLevel,
            List<String> problems,
            List<ConfigWarning> warnings) {
        FieldReader fields = new FieldReader(doc, problems, warnings);
        List<UnsupportedKey> unsupported = new ArrayList<>();
        Map<String, List<Binding>> bindings = new BindingsReader(fields, unsupported).read(section, prefix);
        Map<String, JsonElement> settings = new SettingsReader(fields, unsupported).read(section, prefix, topLevel);
        return new WorkerSection(bindings, settings, unsupported);
    }

    private static boolean inherited(String key) {
        return INHERITED.contains(key);
    }

    /**
     * What the Worker gets with the top level and, when {@code --env} selects one, its section.
     *
     * @param section {@code null} without {@code --env}
     * @param file    the config file's display name, for {@link Merged#origins()}
     */
    static Merged merge(WorkerSection top, WorkerSection section, String file, String env) {
        List<Binding> bindings = new ArrayList<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String key : bindingKeys()) {
            boolean mine = section != null && (section.bindings.containsKey(key) || !inherited(key));
            List<Binding> list = (mine ? section : top).bindings.get(key);
            if (list != null) {
                bindings.addAll(list);
                origins.put(key, file + ": " + (mine ? "env." + env + "." : "") + key);
            }
        }
        Map<String, JsonElement> settings = new LinkedHashMap<>();
        for (String key : settingKeys(top, section)) {
            boolean mine = section != null
                    && !WranglerKeys.TOP_LEVEL_ONLY.contains(key)
                    && (section.settings.containsKey(key) || !inherited(key));
            JsonElement value = (mine ? section : top).settings.get(key);
            if (value != null) {
                settings.put(key, value);
                origins.put(key, file + ": " + (mine ? "env." + env + "." : "") + key);
            }
        }
        List<UnsupportedKey> unsupported = new ArrayList<>();
        for (UnsupportedKey key : top.unsupported) {
            String configKey = key.configKey();
            boolean fromTop = section == null
                    || WranglerKeys.TOP_LEVEL_ONLY.contains(configKey)
                    || inherited(configKey)
                            && section.unsupported.stream()
                                    .noneMatch(u -> u.configKey().equals(configKey));
            if (fromTop) {
                unsupported.add(key);
            }
        }
        if (section != null) {
            unsupported.addAll(section.unsupported);
        }
        return new Merged(bindings, settings, unsupported, origins);
    }

    /**
     * wrangler's warnings for what an environment does not inherit: a key the top level has and the section lacks, and
     * the var and binding names of the top level the section's own lists lack.
     */
    static void warnAboutNotInherited(
            JsonObject topJson, JsonObject sectionJson, String env, String file, List<ConfigWarning> warnings) {
        String section = "env." + env;
        List<String> keys = new ArrayList<>();
        for (BindingKind kind : BindingKind.values()) {
            if (kind != BindingKind.JSON && kind != BindingKind.ASSETS && !inherited(kind.configKey())) {
                keys.add(kind.configKey());
            }
        }
        keys.addAll(WARN_NOT_INHERITED);
        for (String key : new LinkedHashSet<>(keys)) {
            JsonElement top = topJson.get(key);
            JsonElement mine = sectionJson.get(key);
            if (top == null) {
                continue;
            }
            if (mine == null) {
                warnings.add(new ConfigWarning(
                        ConfigWarning.Code.SUSPICIOUS_VALUE,
                        file + ": " + section + " has no " + key + ", and environments do not inherit the top-level "
                                + key + " (as in wrangler): add " + key + " to " + section
                                + " if the Worker needs it"));
                continue;
            }
            List<String> missing = names(key, top);
            missing.removeAll(names(key, mine));
            if (!missing.isEmpty()) {
                warnings.add(new ConfigWarning(
                        ConfigWarning.Code.SUSPICIOUS_VALUE,
                        file + ": " + section + "." + key + " lacks " + String.join(", ", missing)
                                + " of the top-level " + key + ", and environments do not inherit it (as in wrangler):"
                                + " add " + (missing.size() == 1 ? "it" : "them") + " to " + section + "." + key
                                + " if the Worker needs " + (missing.size() == 1 ? "it" : "them")));
            }
        }
    }

    /** The names a binding key's value binds (var names, binding names), for the warnings above. */
    private static List<String> names(String key, JsonElement value) {
        List<String> names = new ArrayList<>();
        if (key.equals("vars")) {
            if (value instanceof JsonObject vars) {
                names.addAll(vars.keySet());
            }
            return names;
        }
        for (BindingKind kind : BindingKind.values()) {
            if (!kind.configKey().equals(key) || kind.shape() == BindingKind.Shape.SINGLE) {
                continue;
            }
            JsonElement list = switch (kind.shape()) {
                case NESTED -> value instanceof JsonObject o ? o.get("bindings") : null;
                case PRODUCERS -> value instanceof JsonObject o ? o.get("producers") : null;
                default -> value;
            };
            if (list instanceof JsonArray array) {
                for (JsonElement item : array) {
                    if (item instanceof JsonObject entry && entry.get(kind.nameField()) instanceof JsonPrimitive name) {
                        names.add(name.getAsString());
                    }
                }
            }
        }
        return names;
    }

    private static List<String> bindingKeys() {
        List<String> keys = new ArrayList<>();
        for (BindingKind kind : BindingKind.values()) {
            if (!keys.contains(kind.configKey()) && kind != BindingKind.ASSETS) {
                keys.add(kind.configKey());
            }
        }
        return keys;
    }

    private static Set<String> settingKeys(WorkerSection top, WorkerSection section) {
        Set<String> keys = new LinkedHashSet<>(top.settings.keySet());
        if (section != null) {
            keys.addAll(section.settings.keySet());
        }
        return keys;
    }

    /**
     * The merged Worker part, before the loader adds the assets binding and checks the whole.
     *
     * @param origins where each key in effect comes from: {@code wrangler.json: env.staging.kv_namespaces}
     */
    record Merged(
            List<Binding> bindings,
            Map<String, JsonElement> settings,
            List<UnsupportedKey> unsupported,
            Map<String, String> origins) {}
}
