package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the Worker's bindings and settings together once the sections are merged, and checks what involves several of
 * them: names bound twice, workflows this Worker defines, Durable Object migrations, the keys assets-deploy refuses,
 * and keys that do nothing for an assets-only Worker.
 */
final class WorkerParts {

    /** What {@code --allow-unsupported} may name. */
    static final Set<String> REFUSABLE = new LinkedHashSet<>(List.of(
            "unsafe",
            "containers",
            "cloudchamber",
            "exports",
            "first_party_worker",
            "compliance_region",
            "ai_search_namespaces",
            "agent_memory",
            "workflows",
            "queues.consumers",
            "triggers.events",
            "wasm_modules",
            "text_blobs",
            "data_blobs",
            "site",
            "addresses",
            "raw"));

    /** The refused keys wrangler applies in its triggers phase (after the upload, and in {@code triggers deploy}). */
    static final Set<String> TRIGGERS_PHASE = Set.of("workflows", "queues.consumers", "triggers.events", "addresses");

    /**
     * Settings that only a Worker with code gets (wrangler sends none of them for an assets-only Worker).
     * {@code observability}, {@code logpush} and {@code tail_consumers} are not here: wrangler still applies them to an
     * existing assets-only Worker through its script settings.
     */
    private static final List<String> CODE_ONLY_SETTINGS = List.of(
            "secrets",
            "keep_vars",
            "migrations",
            SettingsReader.CODE_UPDATE_STRATEGY,
            "placement",
            "limits",
            "streaming_tail_consumers",
            "cache");

    record Parts(WorkerBindings bindings, WorkerSettings settings) {}

    private final List<String> problems;
    private final List<ConfigWarning> warnings;

    WorkerParts(List<String> problems, List<ConfigWarning> warnings) {
        this.problems = problems;
        this.warnings = warnings;
    }

    /**
     * @param assetsBinding  {@code assets.binding} (or {@code --binding}), or {@code null}
     * @param scriptName     the Worker's name, which tells a workflow it defines from one it binds
     * @param hasCode        the Worker has {@code main}
     * @param workerUpload   the command uploads the Worker: refuse what cannot be sent, warn about what does nothing
     * @param triggersPhase  the command applies only the triggers phase: refuse what that phase cannot apply
     * @param allowed        {@code --allow-unsupported} keys
     * @param serviceTags    the tags of a config with environments, or {@code null}
     */
    Parts assemble(
            WorkerSection.Merged merged,
            Sourced<String> assetsBinding,
            String scriptName,
            boolean hasCode,
            boolean workerUpload,
            boolean triggersPhase,
            List<String> allowed,
            WorkerSettings.ServiceTags serviceTags) {
        List<Binding> bindings = new ArrayList<>(merged.bindings());
        if (assetsBinding != null && !assetsBinding.value().isEmpty()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("binding", assetsBinding.value());
            bindings.add(new Binding(BindingKind.ASSETS, assetsBinding.value(), entry, assetsBinding.origin()));
        }
        Map<String, JsonElement> settings = merged.settings();
        List<Sourced<String>> secrets =
                requiredSecrets(settings, merged.origins().get("secrets"));
        List<UnsupportedKey> unsupported = new ArrayList<>(merged.unsupported());
        for (Binding workflow : bindings) {
            if (workflow.kind() != BindingKind.WORKFLOW) {
                continue;
            }
            if (BindingsReader.ownedBy(workflow, scriptName)) {
                unsupported.add(new UnsupportedKey(
                        "workflows",
                        "workflows",
                        workflow.origin(),
                        "a workflow this Worker defines (no script_name, or its own name) is registered after the"
                                + " upload, which assets-deploy does not do"));
            } else if (!BindingsReader.settingsOfOwner(workflow).isEmpty()) {
                problems.add(workflow.origin() + " binds workflow " + Json.quote(workflow.string("name"))
                        + " of Worker " + workflow.string("script_name") + ", but sets "
                        + String.join(", ", BindingsReader.settingsOfOwner(workflow))
                        + ": only the Worker that defines a workflow configures it; remove them here");
            }
        }
        checkUniqueNames(bindings, secrets);
        if (workerUpload) {
            bindings = refuseOrDrop(unsupported, allowed, bindings);
            if (!hasCode) {
                warnAboutAssetsOnly(bindings, merged.origins());
            }
        } else if (triggersPhase) {
            bindings = refuseOrDrop(
                    unsupported.stream()
                            .filter(k -> TRIGGERS_PHASE.contains(k.key()))
                            .toList(),
                    allowed,
                    bindings);
        }
        List<WorkerSettings.Migration> migrations = migrations(settings.get("migrations"));
        checkMigrations(migrations, merged.origins().get("migrations"));
        return new Parts(
                new WorkerBindings(
                        bindings,
                        secrets.stream().map(Sourced::value).toList(),
                        settings.get("keep_vars") != null
                                && settings.get("keep_vars").getAsBoolean()),
                new WorkerSettings(
                        object(settings.get("observability")),
                        settings.get("logpush") == null
                                ? null
                                : settings.get("logpush").getAsBoolean(),
                        array(settings.get("tail_consumers")),
                        array(settings.get("streaming_tail_consumers")),
                        object(settings.get("placement")),
                        object(settings.get("limits")),
                        migrations,
                        codeUpdateStrategy(object(settings.get(SettingsReader.CODE_UPDATE_STRATEGY))),
                        object(settings.get("cache")),
                        serviceTags));
    }

    private static List<Sourced<String>> requiredSecrets(Map<String, JsonElement> settings, String origin) {
        List<Sourced<String>> secrets = new ArrayList<>();
        if (settings.get("secrets") instanceof JsonObject object && object.get("required") instanceof JsonArray list) {
            for (int i = 0; i < list.size(); i++) {
                secrets.add(Sourced.of(list.get(i).getAsString(), origin + ".required[" + i + "]"));
            }
        }
        return secrets;
    }

    /**
     * Every name is bound once, the required secrets included (wrangler's {@code validateBindingsHaveUniqueNames}).
     * wrangler misses the names of {@code send_email} and {@code ratelimits} entries and then silently keeps one of
     * the two bindings; here they count like any other, so no binding is lost without a word.
     */
    private void checkUniqueNames(List<Binding> bindings, List<Sourced<String>> secrets) {
        Map<String, List<String>> originsByName = new LinkedHashMap<>();
        Map<String, List<String>> kindsByName = new LinkedHashMap<>();
        for (Binding binding : bindings) {
            originsByName
                    .computeIfAbsent(binding.name(), n -> new ArrayList<>())
                    .add(binding.origin());
            kindsByName
                    .computeIfAbsent(binding.name(), n -> new ArrayList<>())
                    .add(binding.kind().configKey());
        }
        for (Sourced<String> secret : secrets) {
            originsByName
                    .computeIfAbsent(secret.value(), n -> new ArrayList<>())
                    .add(secret.origin());
            kindsByName.computeIfAbsent(secret.value(), n -> new ArrayList<>()).add("secrets");
        }
        originsByName.forEach((name, origins) -> {
            if (origins.size() < 2) {
                return;
            }
            List<String> kinds = kindsByName.get(name);
            if (origins.size() == 2 && kinds.contains("vars") && kinds.contains("secrets")) {
                problems.add(origins.get(kinds.indexOf("vars")) + " is also a required secret ("
                        + strip(origins.get(kinds.indexOf("secrets"))) + "): the var would replace the secret;"
                        + " rename the var, or remove " + Json.quote(name) + " from secrets.required");
                return;
            }
            problems.add(common(origins) + Json.quote(name) + " is bound "
                    + (origins.size() == 2 ? "twice" : origins.size() + " times") + ", by "
                    + join(origins.stream()
                            .map(o -> sameFile(origins) ? strip(o) : o)
                            .toList())
                    + ": binding names must be unique (the Worker's env holds one value per name); rename all but one");
        });
    }

    private List<Binding> refuseOrDrop(List<UnsupportedKey> unsupported, List<String> allowed, List<Binding> bindings) {
        for (String key : allowed) {
            if (!REFUSABLE.contains(key)) {
                problems.add("--allow-unsupported " + key + ": not a key assets-deploy refuses; expected one of "
                        + String.join(", ", REFUSABLE));
            }
        }
        List<Binding> kept = new ArrayList<>(bindings);
        for (UnsupportedKey key : unsupported) {
            if (allowed.contains(key.key())) {
                warnings.add(new ConfigWarning(
                        ConfigWarning.Code.NOT_APPLIED,
                        key.origin() + " is not sent (--allow-unsupported " + key.key()
                                + "): the Worker is deployed without it"));
                if (key.key().equals("workflows")) {
                    kept.removeIf(
                            b -> b.kind() == BindingKind.WORKFLOW && b.origin().equals(key.origin()));
                }
            } else {
                problems.add(
                        key.origin() + " is not supported by assets-deploy: " + key.reason() + "; remove it, or pass"
                                + " --allow-unsupported " + key.key() + " to deploy the Worker without it");
            }
        }
        return kept;
    }

    /** wrangler sends none of these for a Worker without code, and says nothing; we say so. */
    private void warnAboutAssetsOnly(List<Binding> bindings, Map<String, String> origins) {
        Set<String> keys = new LinkedHashSet<>();
        for (Binding binding : bindings) {
            if (binding.kind() != BindingKind.ASSETS) {
                keys.add(binding.kind().configKey());
            }
        }
        for (String setting : CODE_ONLY_SETTINGS) {
            if (origins.containsKey(setting)) {
                keys.add(setting);
            }
        }
        for (String key : keys) {
            warnings.add(new ConfigWarning(
                    ConfigWarning.Code.NOT_APPLIED,
                    origins.get(key) + " has no effect on an assets-only Worker: add main, or remove it"));
        }
    }

    private static List<WorkerSettings.Migration> migrations(JsonElement value) {
        List<WorkerSettings.Migration> migrations = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonElement item : array) {
                JsonObject step = item.getAsJsonObject().deepCopy();
                String tag = step.remove("tag").getAsString();
                migrations.add(new WorkerSettings.Migration(tag, step));
            }
        }
        return migrations;
    }

    /**
     * wrangler's class check before any upload ({@code getDurableObjectClassNameToUseSQLiteMap}): each migration in
     * order deletes, then renames, then creates classes, and each must make sense after the ones before it.
     */
    private void checkMigrations(List<WorkerSettings.Migration> migrations, String origin) {
        Set<String> classes = new LinkedHashSet<>();
        for (int i = 0; i < migrations.size(); i++) {
            WorkerSettings.Migration m = migrations.get(i);
            String at = origin + "[" + i + "]";
            for (String deleted : m.classes("deleted_classes")) {
                if (!classes.remove(deleted)) {
                    problems.add(at + ".deleted_classes deletes " + deleted
                            + ", which no earlier migration creates: remove it, or create the class first");
                }
            }
            for (JsonObject renamed : m.pairs("renamed_classes")) {
                String from = renamed.get("from").getAsString();
                if (!classes.remove(from)) {
                    problems.add(at + ".renamed_classes renames " + from
                            + ", which no earlier migration creates: remove it, or create the class first");
                } else {
                    classes.add(renamed.get("to").getAsString());
                }
            }
            for (String field : List.of("new_classes", "new_sqlite_classes")) {
                for (String created : m.classes(field)) {
                    if (!classes.add(created)) {
                        problems.add(at + "." + field + " creates " + created
                                + ", which an earlier migration already created: remove it");
                    }
                }
            }
        }
    }

    private static CodeUpdateStrategy codeUpdateStrategy(JsonObject value) {
        if (value == null) {
            return null;
        }
        boolean immediate = value.get("mode").getAsString().equals("immediate");
        double delay = value.has("max_delay")
                ? value.get("max_delay").getAsDouble()
                : CodeUpdateStrategy.DEFAULT.maxDelaySeconds();
        return new CodeUpdateStrategy(immediate, delay);
    }

    private static JsonObject object(JsonElement value) {
        return value instanceof JsonObject object ? object : null;
    }

    private static JsonArray array(JsonElement value) {
        return value instanceof JsonArray array ? array : null;
    }

    /** {@code "wrangler.json: "} when every origin is in the same file, else {@code ""}. */
    private static String common(List<String> origins) {
        return sameFile(origins) ? origins.get(0).substring(0, origins.get(0).indexOf(": ") + 2) : "";
    }

    private static boolean sameFile(List<String> origins) {
        Set<String> files = origins.stream()
                .map(o -> o.contains(": ") ? o.substring(0, o.indexOf(": ")) : o)
                .collect(Collectors.toSet());
        return files.size() == 1 && origins.get(0).contains(": ");
    }

    private static String strip(String origin) {
        return origin.contains(": ") ? origin.substring(origin.indexOf(": ") + 2) : origin;
    }

    private static String join(List<String> items) {
        if (items.size() <= 2) {
            return String.join(" and ", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
