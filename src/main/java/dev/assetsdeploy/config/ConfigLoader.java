package dev.assetsdeploy.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.config.SectionReader.Layer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the wrangler config users already have, applies {@code --env} and the flags, and checks
 * everything before any request: file &lt; {@code env.NAME} section &lt; flags.
 *
 * <p>Environments work as in wrangler 4.164 ({@code normalizeAndValidateEnvironment}):
 * {@code main}, {@code account_id}, {@code compatibility_date}, {@code compatibility_flags} and
 * {@code assets} are inherited from the top level when the section does not set them;
 * {@code assets} is inherited as a whole (a section's {@code assets} replaces the top-level
 * one, it is not merged field by field); {@code name} becomes {@code <name>-<env>} unless the
 * section sets its own. Unlike wrangler, which only warns when the file has no {@code env}
 * at all (and then deploys {@code <name>-<env>}), a missing section is always an error here.
 */
public final class ConfigLoader {

    private final Path workingDirectory;

    /** @param workingDirectory where discovery starts and relative flag paths are resolved */
    public ConfigLoader(Path workingDirectory) {
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    }

    /**
     * @throws InvalidConfigException every problem found, one line each
     * @throws AssetsDeployException  (invalid input) the file cannot be found, read or parsed
     */
    public LoadedConfig load(ConfigOverrides flags, Requirements requirements) {
        List<String> problems = new ArrayList<>();
        List<ConfigWarning> warnings = new ArrayList<>();
        ConfigDocument doc = locate(flags.configFile())
                .map(f -> ConfigFileReader.read(f, displayName(f)))
                .orElse(null);
        String env = flags.environment() == null || flags.environment().isEmpty() ? null : flags.environment();

        Layer top = null;
        Layer section = null;
        WorkerSection topWorker = WorkerSection.EMPTY;
        WorkerSection sectionWorker = null;
        if (doc != null) {
            SectionReader reader = new SectionReader(doc, requirements.dispatchNamespace(), problems, warnings);
            top = reader.read(doc.root(), "", true);
            topWorker = WorkerSection.read(doc, doc.root(), "", true, problems, warnings);
            JsonObject envSection = environmentSection(doc, env, problems);
            if (envSection != null) {
                section = reader.read(envSection, "env." + env + ".", false);
                sectionWorker = WorkerSection.read(doc, envSection, "env." + env + ".", false, problems, warnings);
                WorkerSection.warnAboutNotInherited(doc.root(), envSection, env, doc.displayName(), warnings);
            }
        } else if (env != null) {
            problems.add("--env " + env + " needs a config file with an env." + env + " section, but there is no "
                    + String.join(", ", ConfigDiscovery.FILE_NAMES) + " in " + workingDirectory + " or above");
        }
        MergedConfig merged =
                MergedConfig.merge(top, section, env, flags, requirements, workingDirectory, problems, warnings);
        MergedConfig.warnAboutAssetsNotInherited(top, section, warnings);
        checkTogether(merged, doc, requirements, problems, warnings);
        WorkerParts.Parts worker = new WorkerParts(problems, warnings)
                .assemble(
                        WorkerSection.merge(topWorker, sectionWorker, doc == null ? "" : doc.displayName(), env),
                        merged.main() == null ? null : merged.binding(),
                        merged.name() == null ? null : merged.name().value(),
                        merged.main() != null,
                        requirements.workerUpload(),
                        requirements.triggersPhase(),
                        flags.allowUnsupported(),
                        serviceTags(doc, env, requirements.workerUpload() ? warnings : new ArrayList<>()));
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new LoadedConfig(
                merged.toDeployConfig(doc, worker.bindings(), worker.settings()), env, warnings, merged.sources());
    }

    private Optional<Path> locate(Path configFlag) {
        if (configFlag == null) {
            return ConfigDiscovery.find(workingDirectory);
        }
        Path file = workingDirectory.resolve(configFlag).normalize();
        if (!Files.exists(file)) {
            throw AssetsDeployException.invalidInput("--config " + configFlag + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw AssetsDeployException.invalidInput("--config " + configFlag + ": not a file");
        }
        if (!ConfigFileReader.isConfigFileName(file)) {
            throw AssetsDeployException.invalidInput(
                    "--config " + configFlag + ": expected a wrangler config file ending in .json, .jsonc or .toml");
        }
        return Optional.of(file);
    }

    private String displayName(Path file) {
        try {
            return workingDirectory.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    private static JsonObject environmentSection(ConfigDocument doc, String env, List<String> problems) {
        JsonElement envs = doc.root().get("env");
        if (envs != null && !envs.isJsonObject()) {
            problems.add(doc.displayName() + ": env is " + Values.describe(envs, doc.isTomlDate(envs))
                    + ", expected an object of environments {\"staging\": {...}}");
            return null;
        }
        if (env == null) {
            return null;
        }
        if (envs == null || envs.getAsJsonObject().isEmpty()) {
            problems.add("--env " + env + ": " + doc.displayName() + " defines no environments; add "
                    + (doc.file().toString().endsWith(".toml")
                            ? "[env." + env + "]"
                            : "\"env\": {\"" + env + "\": {...}}"));
            return null;
        }
        JsonElement section = envs.getAsJsonObject().get(env);
        if (section == null) {
            problems.add("--env " + env + ": " + doc.displayName() + " has no env." + env + "; it defines "
                    + String.join(", ", envs.getAsJsonObject().keySet()));
            return null;
        }
        if (!section.isJsonObject()) {
            problems.add(doc.displayName() + ": env." + env + " is " + Values.describe(section, doc.isTomlDate(section))
                    + ", expected an object");
            return null;
        }
        return section.getAsJsonObject();
    }

    /**
     * The service and environment tags wrangler gives the Worker of a config that defines environments; {@code null}
     * when it defines none. Without a top-level name there are none either, and wrangler says so.
     */
    private static WorkerSettings.ServiceTags serviceTags(
            ConfigDocument doc, String env, List<ConfigWarning> warnings) {
        if (doc == null || !(doc.root().get("env") instanceof JsonObject envs) || envs.isEmpty()) {
            return null;
        }
        JsonElement name = doc.root().get("name");
        if (name == null || !name.isJsonPrimitive() || name.getAsString().isEmpty()) {
            warnings.add(new ConfigWarning(
                    ConfigWarning.Code.SUSPICIOUS_VALUE,
                    doc.displayName() + " defines environments but no top-level name: add one, so that the dashboard"
                            + " groups this Worker with its sibling environments (as wrangler's service tags do)"));
            return new WorkerSettings.ServiceTags(null, env);
        }
        return new WorkerSettings.ServiceTags(name.getAsString(), env);
    }

    /** Rules that involve several fields, and what the command requires. */
    private static void checkTogether(
            MergedConfig m,
            ConfigDocument doc,
            Requirements requirements,
            List<String> problems,
            List<ConfigWarning> warnings) {
        RunWorkerFirst rwf =
                m.runWorkerFirst() == null ? null : m.runWorkerFirst().value();
        if (rwf != null && rwf.rules() != null) {
            problems.addAll(FieldChecks.runWorkerFirstRules(m.runWorkerFirst().origin(), rwf.rules()));
        }
        boolean routesToWorker = rwf != null && (rwf.rules() != null || Boolean.TRUE.equals(rwf.all()));
        if (m.main() == null) {
            // wrangler: "Cannot use assets with a binding in an assets-only Worker", "Cannot set run_worker_first
            // without a Worker script"
            if (m.binding() != null) {
                problems.add(m.binding().origin()
                        + " is set, but the Worker has no code: set main (or --main), or remove the binding");
            }
            if (routesToWorker) {
                problems.add(m.runWorkerFirst().origin() + " sends requests to the Worker, but the Worker has no code:"
                        + " set main (or --main), or remove run_worker_first");
            }
        } else if (rwf != null && Boolean.TRUE.equals(rwf.all()) && m.binding() == null) {
            warnings.add(
                    new ConfigWarning(
                            ConfigWarning.Code.SUSPICIOUS_VALUE,
                            m.runWorkerFirst().origin()
                                    + " is true without an assets binding: the Worker runs for every request and cannot fetch the assets"));
        }
        String inFile = doc == null ? "" : " in " + doc.displayName();
        if (requirements.scriptName() && m.name() == null) {
            problems.add(
                    doc == null
                            ? "no Worker name: pass --script NAME (or set \"name\" in a wrangler.jsonc)"
                            : "no Worker name: set \"name\"" + inFile + ", or pass --script NAME");
        }
        if (requirements.compatibilityDate() && m.compatibilityDate() == null) {
            problems.add(
                    "no compatibility date: " + (doc == null ? "" : "set \"compatibility_date\"" + inFile + ", or ")
                            + "pass --compatibility-date YYYY-MM-DD (like 2025-01-01)");
        }
        if (requirements.workerUpload() && m.main() != null && usablePath(m.main())) {
            Path file = m.main().resolvedPath();
            if (!Files.isRegularFile(file)) {
                problems.add(m.main().origin() + " is " + Json.quote(m.main().value()) + ", but "
                        + (Files.exists(file) ? file + " is not a file" : "there is no such file (" + file + ")"));
            }
        }
        if (requirements.assetsDirectory()) {
            if (m.directory() == null) {
                problems.add(
                        "no assets folder: pass DIR" + (doc == null ? "" : ", or set \"assets.directory\"" + inFile));
            } else if (usablePath(m.directory())) {
                Path dir = m.directory().resolvedPath();
                if (!Files.isDirectory(dir)) {
                    problems.add(m.directory().origin() + " is "
                            + Json.quote(m.directory().value()) + ", but "
                            + (Files.exists(dir) ? dir + " is not a folder" : "there is no such folder (" + dir + ")"));
                }
            }
        }
    }

    /** Empty or invalid paths were reported already. */
    private static boolean usablePath(Sourced<String> path) {
        return FieldChecks.path("", path.value(), "").isEmpty();
    }
}
