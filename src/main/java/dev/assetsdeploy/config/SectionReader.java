package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one section of a config file (the top level, or {@code env.NAME}) into typed values,
 * each with its origin. Wrong types, bad enum values and malformed dates are problems (errors);
 * fields nobody applies are warnings. Like wrangler, every section that takes part is checked,
 * including a top-level value that the selected environment overrides.
 */
final class SectionReader {

    /** The fields of one section; {@code null} when the section does not set them. */
    record Layer(
            Sourced<String> name,
            Sourced<String> main,
            Sourced<String> accountId,
            Sourced<String> compatibilityDate,
            Sourced<List<String>> compatibilityFlags,
            AssetsLayer assets,
            LiveFields.LiveLayer live) {}

    /** The {@code assets} table of a section; wrangler inherits it as a whole, not field by field. */
    record AssetsLayer(
            String origin,
            Sourced<String> directory,
            Sourced<String> binding,
            Sourced<HtmlHandling> htmlHandling,
            Sourced<NotFoundHandling> notFoundHandling,
            Sourced<RunWorkerFirst> runWorkerFirst) {}

    private final ConfigDocument doc;
    private final Path configFolder;
    private final boolean dispatchNamespace;
    private final List<String> problems;
    private final List<ConfigWarning> warnings;
    private final LiveFields live;

    SectionReader(ConfigDocument doc, boolean dispatchNamespace, List<String> problems, List<ConfigWarning> warnings) {
        this.doc = doc;
        this.configFolder = doc.file().getParent();
        this.dispatchNamespace = dispatchNamespace;
        this.problems = problems;
        this.warnings = warnings;
        this.live = new LiveFields(new FieldReader(doc, problems, warnings));
    }

    /** @param path {@code ""} for the top level, {@code "env.staging."} for an environment */
    Layer read(JsonObject section, String path, boolean topLevel) {
        warnAboutFields(section, path, topLevel);
        Sourced<String> name = string(section, path, "name");
        if (name != null) {
            problems.addAll(FieldChecks.scriptName(name.origin(), name.value(), dispatchNamespace));
        }
        Sourced<String> main = string(section, path, "main");
        if (main != null) {
            problems.addAll(FieldChecks.path(main.origin(), main.value(), "the Worker's main module file"));
            main = new Sourced<>(main.value(), main.origin(), configFolder);
        }
        Sourced<String> accountId = string(section, path, "account_id");
        if (accountId != null && accountId.value().isEmpty()) {
            // wrangler's mutateEmptyStringAccountIDValue: "" means unset, with a warning
            warnings.add(new ConfigWarning(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    accountId.origin() + " is empty: ignored (the account comes from CLOUDFLARE_ACCOUNT_ID)"));
            accountId = null;
        } else if (accountId != null) {
            problems.addAll(FieldChecks.accountId(accountId.origin(), accountId.value()));
        }
        Sourced<String> date = string(section, path, "compatibility_date");
        if (date != null) {
            problems.addAll(FieldChecks.date(date.origin(), date.value()));
        }
        Sourced<List<String>> flags = stringList(section, path, "compatibility_flags");
        return new Layer(name, main, accountId, date, flags, assets(section, path), live.read(section, path));
    }

    private AssetsLayer assets(JsonObject section, String path) {
        JsonElement value = section.get("assets");
        if (value == null) {
            return null;
        }
        String origin = origin(path + "assets");
        if (!value.isJsonObject()) {
            problems.add(origin + " is " + describe(value) + ", expected an object {\"directory\": ...}");
            return null;
        }
        JsonObject assets = value.getAsJsonObject();
        String assetsPath = path + "assets.";
        for (String key : assets.keySet()) {
            if (WranglerKeys.NOT_APPLIED_ASSETS.contains(key)) {
                notApplied(assetsPath + key);
            } else if (!WranglerKeys.APPLIED_ASSETS.contains(key)) {
                unknown(assetsPath + key);
            }
        }
        Sourced<String> directory = string(assets, assetsPath, "directory");
        if (directory != null) {
            problems.addAll(FieldChecks.path(directory.origin(), directory.value(), "the assets folder"));
            directory = new Sourced<>(directory.value(), directory.origin(), configFolder);
        }
        Sourced<String> binding = string(assets, assetsPath, "binding");
        if (binding != null) {
            problems.addAll(FieldChecks.notEmpty(binding.origin(), binding.value(), "a binding name like ASSETS"));
        }
        Sourced<HtmlHandling> html = FieldChecks.mode(
                string(assets, assetsPath, "html_handling"), HtmlHandling.values(), HtmlHandling::value, problems);
        Sourced<NotFoundHandling> notFound = FieldChecks.mode(
                string(assets, assetsPath, "not_found_handling"),
                NotFoundHandling.values(),
                NotFoundHandling::value,
                problems);
        return new AssetsLayer(origin, directory, binding, html, notFound, runWorkerFirst(assets, assetsPath));
    }

    private Sourced<RunWorkerFirst> runWorkerFirst(JsonObject assets, String path) {
        JsonElement value = assets.get("run_worker_first");
        if (value == null) {
            return null;
        }
        String origin = origin(path + "run_worker_first");
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()) {
            return Sourced.of(RunWorkerFirst.of(value.getAsBoolean()), origin);
        }
        if (value.isJsonArray()) {
            List<String> rules = strings(value.getAsJsonArray(), origin);
            return rules == null ? null : Sourced.of(RunWorkerFirst.of(rules), origin);
        }
        problems.add(origin + " is " + describe(value) + ", expected true, false or a list of rules like [\"/api/*\"]");
        return null;
    }

    private Sourced<String> string(JsonObject section, String path, String key) {
        JsonElement value = section.get(key);
        if (value == null) {
            return null;
        }
        String origin = origin(path + key);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && !doc.isTomlDate(value)) {
            return Sourced.of(value.getAsString(), origin);
        }
        problems.add(origin + " is " + describe(value) + ", expected a string" + tomlDateHint(value));
        return null;
    }

    private Sourced<List<String>> stringList(JsonObject section, String path, String key) {
        JsonElement value = section.get(key);
        if (value == null) {
            return null;
        }
        String origin = origin(path + key);
        if (!value.isJsonArray()) {
            problems.add(origin + " is " + describe(value) + ", expected a list of strings");
            return null;
        }
        List<String> strings = strings(value.getAsJsonArray(), origin);
        return strings == null ? null : Sourced.of(strings, origin);
    }

    private List<String> strings(JsonArray array, String origin) {
        List<String> strings = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString() && !doc.isTomlDate(item)) {
                strings.add(item.getAsString());
            } else {
                problems.add(origin + "[" + i + "] is " + describe(item) + ", expected a string" + tomlDateHint(item));
                ok = false;
            }
        }
        return ok ? strings : null;
    }

    private void warnAboutFields(JsonObject section, String path, boolean topLevel) {
        for (Map.Entry<String, JsonElement> field : section.entrySet()) {
            String key = field.getKey();
            boolean known = topLevel ? WranglerKeys.knownAtTopLevel(key) : WranglerKeys.ENVIRONMENT.contains(key);
            if (key.equals("env") && topLevel) {
                continue;
            }
            if (!known) {
                unknown(path + key);
            } else if (!WranglerKeys.APPLIED.contains(key)
                    && !WranglerKeys.WORKER.contains(key)
                    && !WranglerKeys.QUIET.contains(key)) {
                notApplied(path + key);
            }
        }
    }

    private void unknown(String field) {
        warnings.add(new ConfigWarning(
                ConfigWarning.Code.UNKNOWN_FIELD, doc.displayName() + ": unknown field " + field + " (ignored)"));
    }

    private void notApplied(String field) {
        warnings.add(new ConfigWarning(
                ConfigWarning.Code.NOT_APPLIED,
                doc.displayName() + ": " + field
                        + " is a wrangler setting that assets-deploy does not apply (ignored)"));
    }

    private String origin(String field) {
        return doc.displayName() + ": " + field;
    }

    private String describe(JsonElement value) {
        return Values.describe(value, doc.isTomlDate(value));
    }

    private String tomlDateHint(JsonElement value) {
        return doc.isTomlDate(value) ? " (put the date in quotes: \"" + value.getAsString() + "\")" : "";
    }
}
