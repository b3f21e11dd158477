package dev.assetsdeploy.config;

import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.config.SectionReader.AssetsLayer;
import dev.assetsdeploy.config.SectionReader.Layer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values after file &lt; {@code env.NAME} section &lt; flags, each with its origin;
 * {@code null} when unset. Flag values are checked here with the same rules as the file's.
 */
record MergedConfig(
        Sourced<String> name,
        Sourced<String> main,
        Sourced<String> accountId,
        Sourced<String> compatibilityDate,
        Sourced<List<String>> compatibilityFlags,
        Sourced<String> directory,
        Sourced<String> binding,
        Sourced<HtmlHandling> htmlHandling,
        Sourced<NotFoundHandling> notFoundHandling,
        Sourced<RunWorkerFirst> runWorkerFirst,
        LiveSettings live) {

    DeployConfig toDeployConfig(ConfigDocument doc, WorkerBindings bindings, WorkerSettings settings) {
        return new DeployConfig(
                doc == null ? null : doc.file(),
                Sourced.valueOf(name),
                main == null ? null : main.resolvedPath(),
                Sourced.valueOf(accountId),
                Sourced.valueOf(compatibilityDate),
                compatibilityFlags == null ? List.of() : compatibilityFlags.value(),
                directory == null ? null : directory.resolvedPath(),
                new AssetsSettings(
                        Sourced.valueOf(binding),
                        Sourced.valueOf(htmlHandling),
                        Sourced.valueOf(notFoundHandling),
                        Sourced.valueOf(runWorkerFirst)),
                bindings,
                settings,
                live);
    }

    Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        put(sources, "name", name);
        put(sources, "main", main);
        put(sources, "account_id", accountId);
        put(sources, "compatibility_date", compatibilityDate);
        put(sources, "compatibility_flags", compatibilityFlags);
        put(sources, "assets.directory", directory);
        put(sources, "assets.binding", binding);
        put(sources, "assets.html_handling", htmlHandling);
        put(sources, "assets.not_found_handling", notFoundHandling);
        put(sources, "assets.run_worker_first", runWorkerFirst);
        return sources;
    }

    private static void put(Map<String, String> sources, String field, Sourced<?> value) {
        if (value != null) {
            sources.put(field, value.origin());
        }
    }

    static MergedConfig merge(
            Layer top,
            Layer section,
            String env,
            ConfigOverrides flags,
            Requirements requirements,
            Path workingDirectory,
            List<String> problems,
            List<ConfigWarning> warnings) {
        Sourced<String> name = Sourced.pick(top, section, Layer::name);
        if (section != null && section.name() == null && top.name() != null) {
            // wrangler's appendEnvName: an environment without its own name deploys <name>-<env>
            name = Sourced.of(
                    top.name().value() + "-" + env, top.name().origin() + " + \"-" + env + "\" (--env " + env + ")");
        }
        if (flags.scriptName() != null) {
            name = Sourced.of(flags.scriptName(), "--script");
            problems.addAll(FieldChecks.scriptName("--script", flags.scriptName(), requirements.dispatchNamespace()));
        }
        Sourced<String> main = Sourced.pick(top, section, Layer::main);
        if (flags.main() != null) {
            main = new Sourced<>(flags.main().toString(), "--main", workingDirectory);
            problems.addAll(FieldChecks.notEmpty("--main", flags.main().toString(), "the Worker's main module file"));
        }
        Sourced<String> date = Sourced.pick(top, section, Layer::compatibilityDate);
        if (flags.compatibilityDate() != null) {
            date = Sourced.of(flags.compatibilityDate(), "--compatibility-date");
            problems.addAll(FieldChecks.date("--compatibility-date", flags.compatibilityDate()));
        }
        Sourced<List<String>> compatibilityFlags = Sourced.pick(top, section, Layer::compatibilityFlags);
        if (!flags.compatibilityFlags().isEmpty()) {
            compatibilityFlags = Sourced.of(flags.compatibilityFlags(), "--compatibility-flag");
        }
        AssetsLayer assets =
                section != null && section.assets() != null ? section.assets() : top == null ? null : top.assets();
        Sourced<String> directory = assets == null ? null : assets.directory();
        if (flags.assetsDirectory() != null) {
            directory = new Sourced<>(flags.assetsDirectory().toString(), "DIR", workingDirectory);
        }
        Sourced<String> binding = assets == null ? null : assets.binding();
        if (flags.binding() != null) {
            binding = Sourced.of(flags.binding(), "--binding");
            problems.addAll(FieldChecks.notEmpty("--binding", flags.binding(), "a binding name like ASSETS"));
        }
        Sourced<HtmlHandling> html = assets == null ? null : assets.htmlHandling();
        if (flags.htmlHandling() != null) {
            html = FieldChecks.mode(
                    Sourced.of(flags.htmlHandling(), "--html-handling"),
                    HtmlHandling.values(),
                    HtmlHandling::value,
                    problems);
        }
        Sourced<NotFoundHandling> notFound = assets == null ? null : assets.notFoundHandling();
        if (flags.notFoundHandling() != null) {
            notFound = FieldChecks.mode(
                    Sourced.of(flags.notFoundHandling(), "--not-found-handling"),
                    NotFoundHandling.values(),
                    NotFoundHandling::value,
                    problems);
        }
        Sourced<RunWorkerFirst> runWorkerFirst = assets == null ? null : assets.runWorkerFirst();
        if (!flags.runWorkerFirst().isEmpty()) {
            runWorkerFirst = runWorkerFirstFlag(flags.runWorkerFirst(), problems);
        }
        return new MergedConfig(
                name,
                main,
                Sourced.pick(top, section, Layer::accountId),
                date,
                compatibilityFlags,
                directory,
                binding,
                html,
                notFound,
                runWorkerFirst,
                LiveFields.merge(
                        top == null ? null : top.live(),
                        section == null ? null : section.live(),
                        env,
                        flags.live(),
                        problems,
                        warnings));
    }

    /** A section's {@code assets} replaces the top-level one whole: say which top-level fields that drops. */
    static void warnAboutAssetsNotInherited(Layer top, Layer section, List<ConfigWarning> warnings) {
        if (section == null || section.assets() == null || top == null || top.assets() == null) {
            return;
        }
        AssetsLayer mine = section.assets();
        AssetsLayer theirs = top.assets();
        List<String> dropped = new ArrayList<>();
        addIfDropped(dropped, "directory", theirs.directory(), mine.directory());
        addIfDropped(dropped, "binding", theirs.binding(), mine.binding());
        addIfDropped(dropped, "html_handling", theirs.htmlHandling(), mine.htmlHandling());
        addIfDropped(dropped, "not_found_handling", theirs.notFoundHandling(), mine.notFoundHandling());
        addIfDropped(dropped, "run_worker_first", theirs.runWorkerFirst(), mine.runWorkerFirst());
        if (!dropped.isEmpty()) {
            warnings.add(new ConfigWarning(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    mine.origin()
                            + " replaces the top-level assets as a whole (as in wrangler), so the top-level assets."
                            + String.join(", assets.", dropped) + " " + (dropped.size() == 1 ? "does" : "do")
                            + " not apply: repeat " + (dropped.size() == 1 ? "it" : "them")
                            + " in the section if needed"));
        }
    }

    private static void addIfDropped(List<String> dropped, String field, Sourced<?> top, Sourced<?> section) {
        if (top != null && section == null) {
            dropped.add(field);
        }
    }

    /** {@code --run-worker-first true}, {@code false}, or one or more rules. */
    private static Sourced<RunWorkerFirst> runWorkerFirstFlag(List<String> values, List<String> problems) {
        List<String> booleans = values.stream()
                .filter(v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false"))
                .toList();
        if (booleans.isEmpty()) {
            return Sourced.of(RunWorkerFirst.of(values), "--run-worker-first");
        }
        if (values.size() > 1) {
            problems.add("--run-worker-first is given " + values.size() + " times with "
                    + booleans.get(0).toLowerCase(Locale.ROOT)
                    + ", expected either true, false, or one or more rules like /api/*");
            return null;
        }
        return Sourced.of(
                RunWorkerFirst.of(Boolean.parseBoolean(values.get(0).toLowerCase(Locale.ROOT))), "--run-worker-first");
    }
}
