package dev.assetsdeploy.config;

import static dev.assetsdeploy.Failures.assertFails;
import static dev.assetsdeploy.Failures.assertFailsContaining;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every validation error, with its exact text. */
class ConfigValidationTest {

    /** What a command that sends no Worker needs: a name and a folder (as preview needs a folder). */
    private static final Requirements NAME_AND_FOLDER = new Requirements(true, false, false, true, false);

    private static final Requirements NAME_ONLY = NAME_AND_FOLDER.withAssetsDirectory(false);

    @TempDir
    Path dir;

    private List<String> problems(String jsonc, ConfigOverrides flags, Requirements requirements) throws IOException {
        if (jsonc != null) {
            Files.writeString(dir.resolve("wrangler.jsonc"), jsonc);
        }
        InvalidConfigException e =
                assertThrows(InvalidConfigException.class, () -> new ConfigLoader(dir).load(flags, requirements));
        assertEquals(AssetsDeployException.Kind.INVALID_INPUT, e.kind());
        assertEquals(String.join("\n", e.problems()), e.getMessage());
        return e.problems();
    }

    private List<String> problems(String jsonc) throws IOException {
        return problems(jsonc, ConfigOverrides.NONE, Requirements.NONE);
    }

    private List<String> flagProblems(ConfigOverrides flags) throws IOException {
        Files.deleteIfExists(dir.resolve("wrangler.jsonc"));
        return problems(null, flags, Requirements.NONE);
    }

    private static ConfigOverrides.Builder flags() {
        return ConfigOverrides.builder();
    }

    private List<String> rulesProblems(String rulesJson) throws IOException {
        Files.writeString(dir.resolve("w.js"), "");
        return problems("{\"main\": \"w.js\", \"assets\": {\"run_worker_first\": " + rulesJson + "}}");
    }

    @Test
    void enumValuesInTheFile() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: assets.html_handling is \"trailing\", expected one of auto-trailing-slash,"
                                + " force-trailing-slash, drop-trailing-slash, none",
                        "wrangler.jsonc: assets.not_found_handling is \"spa\", expected one of none, 404-page,"
                                + " single-page-application"),
                problems("{\"assets\": {\"html_handling\": \"trailing\", \"not_found_handling\": \"spa\"}}"));
    }

    @Test
    void enumValuesInAnEnvSectionNameTheSection() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: env.prod.assets.html_handling is \"None\", expected one of"
                        + " auto-trailing-slash, force-trailing-slash, drop-trailing-slash, none"),
                problems(
                        "{\"env\": {\"prod\": {\"assets\": {\"html_handling\": \"None\"}}}}",
                        flags().environment("prod").build(),
                        Requirements.NONE));
    }

    @Test
    void enumValuesOfFlagsNameTheFlag() throws IOException {
        assertEquals(
                List.of(
                        "--html-handling is \"trailing\", expected one of auto-trailing-slash, force-trailing-slash,"
                                + " drop-trailing-slash, none",
                        "--not-found-handling is \"404\", expected one of none, 404-page, single-page-application"),
                flagProblems(
                        flags().htmlHandling("trailing").notFoundHandling("404").build()));
    }

    @Test
    void wrongTypes() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: name is 42, expected a string",
                        "wrangler.jsonc: main is true, expected a string",
                        "wrangler.jsonc: account_id is null, expected a string",
                        "wrangler.jsonc: compatibility_date is 20250101, expected a string",
                        "wrangler.jsonc: compatibility_flags is \"nodejs_compat\", expected a list of strings",
                        "wrangler.jsonc: assets is \"./public\", expected an object {\"directory\": ...}"),
                problems("{\"name\": 42, \"main\": true, \"account_id\": null, \"compatibility_date\": 20250101,"
                        + " \"compatibility_flags\": \"nodejs_compat\", \"assets\": \"./public\"}"));
    }

    @Test
    void wrongTypesInsideListsAndAssets() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: compatibility_flags[1] is 3, expected a string",
                        "wrangler.jsonc: assets.directory is an object, expected a string",
                        "wrangler.jsonc: assets.binding is a list, expected a string",
                        "wrangler.jsonc: assets.run_worker_first is \"yes\", expected true, false or a list of rules"
                                + " like [\"/api/*\"]"),
                problems("{\"compatibility_flags\": [\"a\", 3], \"assets\": {\"directory\": {}, \"binding\": [\"A\"],"
                        + " \"run_worker_first\": \"yes\"}}"));
        assertEquals(
                List.of("wrangler.jsonc: assets.run_worker_first[0] is false, expected a string"),
                problems("{\"assets\": {\"run_worker_first\": [false]}}"));
    }

    @Test
    void aTomlDateWhereWranglerWantsAString() throws IOException {
        Files.writeString(dir.resolve("wrangler.toml"), "compatibility_date = 2025-01-01\n");
        InvalidConfigException e = assertFails(
                InvalidConfigException.class,
                Kind.INVALID_INPUT,
                "wrangler.toml: compatibility_date is the TOML date 2025-01-01, expected a string"
                        + " (put the date in quotes: \"2025-01-01\")",
                () -> new ConfigLoader(dir).load(ConfigOverrides.NONE, Requirements.NONE));
        assertEquals(List.of(e.getMessage()), e.problems());
    }

    @Test
    void compatibilityDateFormat() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: compatibility_date is \"2025-1-1\", expected a date yyyy-mm-dd"
                        + " (like 2025-01-01)"),
                problems("{\"compatibility_date\": \"2025-1-1\"}"));
        assertEquals(
                List.of("wrangler.jsonc: compatibility_date is \"2025-02-30\", which is not a date:"
                        + " expected yyyy-mm-dd"),
                problems("{\"compatibility_date\": \"2025-02-30\"}"));
        assertEquals(
                List.of("--compatibility-date is \"2025\u201301\u201301\", expected a date yyyy-mm-dd"
                        + " (like 2025-01-01)"),
                flagProblems(flags().compatibilityDate("2025\u201301\u201301").build()));
    }

    @Test
    void accountIdFormat() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: account_id is \"abc def\", expected letters, digits, _ and - only"),
                problems("{\"account_id\": \"abc def\"}"));
    }

    @Test
    void scriptNameFollowsWranglersRuleExceptInADispatchNamespace() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: name is \"My Site\", expected lowercase letters, digits, - and _ only"
                        + " (not starting with -)"),
                problems("{\"name\": \"My Site\"}"));
        assertEquals(
                List.of("--script is \"-site\", expected lowercase letters, digits, - and _ only"
                        + " (not starting with -)"),
                flagProblems(flags().scriptName("-site").build()));
        assertEquals(
                List.of("--script is empty, expected a Worker name"),
                flagProblems(flags().scriptName("").build()));
        assertEquals(
                "Customer_A",
                new ConfigLoader(dir)
                        .load(flags().scriptName("Customer_A").build(), Requirements.NONE.withDispatchNamespace(true))
                        .config()
                        .scriptName());
        assertEquals(
                List.of("wrangler.jsonc: name is \"" + "a".repeat(64) + "\", expected at most 63 characters, not 64"),
                problems("{\"name\": \"" + "a".repeat(64) + "\"}"));
        assertFailsContaining(
                Kind.INVALID_INPUT,
                () -> new ConfigLoader(dir)
                        .load(flags().scriptName("../a").build(), Requirements.NONE.withDispatchNamespace(true)),
                "--script is \"../a\", expected no /, \\, ?, #, % or control characters, and not . or ..");
    }

    @Test
    void anInvalidFileValueIsReportedEvenWhenAFlagOverridesItAsWranglerDoes() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: assets.html_handling is \"x\", expected one of auto-trailing-slash,"
                        + " force-trailing-slash, drop-trailing-slash, none"),
                problems(
                        "{\"assets\": {\"html_handling\": \"x\"}}",
                        flags().htmlHandling("none").build(),
                        Requirements.NONE));
    }

    @Test
    void emptyStrings() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: main is empty, expected the Worker's main module file",
                        "wrangler.jsonc: assets.directory is empty, expected the assets folder",
                        "wrangler.jsonc: assets.binding is empty, expected a binding name like ASSETS"),
                problems("{\"main\": \"\", \"assets\": {\"directory\": \"\", \"binding\": \"\"}}"));
    }

    @Test
    void runWorkerFirstRuleCount() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: assets.run_worker_first is an empty list, expected 1 to 100 rules"
                        + " (or true/false)"),
                rulesProblems("[]"));
        String many = IntStream.range(0, 101)
                .mapToObj(i -> "\"/p" + i + "\"")
                .toList()
                .toString();
        assertEquals(
                List.of("wrangler.jsonc: assets.run_worker_first has 101 rules, expected at most 100"),
                rulesProblems(many));
        String hundred = IntStream.range(0, 100)
                .mapToObj(i -> "\"/p" + i + "\"")
                .toList()
                .toString();
        Files.writeString(
                dir.resolve("wrangler.jsonc"),
                "{\"main\": \"w.js\", \"assets\": {\"run_worker_first\": " + hundred + "}}");
        assertEquals(
                100,
                new ConfigLoader(dir)
                        .load(ConfigOverrides.NONE, Requirements.NONE)
                        .config()
                        .assets()
                        .runWorkerFirst()
                        .rules()
                        .size());
    }

    @Test
    void runWorkerFirstRuleShapes() throws IOException {
        String long101 = "/" + "a".repeat(100);
        String long100 = "/" + "b".repeat(99);
        assertEquals(
                List.of(
                        "wrangler.jsonc: assets.run_worker_first: rule \"api/*\" must start with \"/\" (or \"!/\" to exclude)",
                        "wrangler.jsonc: assets.run_worker_first: rule \"!api\" must start with \"/\" (or \"!/\" to exclude)",
                        "wrangler.jsonc: assets.run_worker_first: rule \"" + long101 + "\" is 101 characters long,"
                                + " expected at most 100",
                        "wrangler.jsonc: assets.run_worker_first: rule \"/x\" is listed twice, expected unique rules"),
                rulesProblems("[\"api/*\", \"!api\", \"" + long101 + "\", \"" + long100 + "\", \"/x\", \"/x\"]"));
    }

    @Test
    void runWorkerFirstRedundantRulesAsWranglerRefusesThem() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: assets.run_worker_first: rule \"/api/users\" is redundant: \"/api/*\" already covers it",
                        "wrangler.jsonc: assets.run_worker_first: rule \"!/api/docs/v1\" is redundant:"
                                + " \"!/api/docs/*\" already covers it"),
                rulesProblems("[\"/api/*\", \"/api/users\", \"!/api/docs/*\", \"!/api/docs/v1\"]"));
    }

    @Test
    void runWorkerFirstOnlyNegativeRules() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: assets.run_worker_first has only negative rules (\"!/...\"),"
                        + " expected at least one rule starting with \"/\""),
                rulesProblems("[\"!/assets/*\"]"));
    }

    @Test
    void runWorkerFirstFlagRules() throws IOException {
        assertEquals(
                List.of(
                        "--run-worker-first: rule \"api\" must start with \"/\" (or \"!/\" to exclude)",
                        "--run-worker-first: rule \"/a\" is listed twice, expected unique rules"),
                flagProblems(flags().main(Path.of("w.js"))
                        .runWorkerFirst(List.of("api", "/a", "/a"))
                        .build()));
        assertEquals(
                List.of("--run-worker-first is given 2 times with true, expected either true, false,"
                        + " or one or more rules like /api/*"),
                flagProblems(flags().main(Path.of("w.js"))
                        .runWorkerFirst(List.of("/api/*", "true"))
                        .build()));
    }

    @Test
    void bindingAndRunWorkerFirstNeedWorkerCode() throws IOException {
        assertEquals(
                List.of(
                        "wrangler.jsonc: assets.binding is set, but the Worker has no code: set main (or --main),"
                                + " or remove the binding",
                        "wrangler.jsonc: assets.run_worker_first sends requests to the Worker, but the Worker has no code:"
                                + " set main (or --main), or remove run_worker_first"),
                problems("{\"assets\": {\"binding\": \"ASSETS\", \"run_worker_first\": [\"/api/*\"]}}"));
        assertEquals(
                List.of(
                        "--binding is set, but the Worker has no code: set main (or --main), or remove the binding",
                        "--run-worker-first sends requests to the Worker, but the Worker has no code:"
                                + " set main (or --main), or remove run_worker_first"),
                flagProblems(flags().binding("ASSETS")
                        .runWorkerFirst(List.of("true"))
                        .build()));
    }

    @Test
    void runWorkerFirstFalseNeedsNoCode() throws IOException {
        Files.writeString(dir.resolve("wrangler.jsonc"), "{\"assets\": {\"run_worker_first\": false}}");
        assertEquals(
                Boolean.FALSE,
                new ConfigLoader(dir)
                        .load(ConfigOverrides.NONE, Requirements.NONE)
                        .config()
                        .assets()
                        .runWorkerFirst()
                        .all());
    }

    @Test
    void missingNameAndCompatibilityDateForCommandsThatDeploy() throws IOException {
        Files.writeString(dir.resolve("w.js"), "");
        assertEquals(
                List.of(
                        "no Worker name: set \"name\" in wrangler.jsonc, or pass --script NAME",
                        "no compatibility date: set \"compatibility_date\" in wrangler.jsonc, or pass --compatibility-date"
                                + " YYYY-MM-DD (like 2025-01-01)"),
                problems("{\"main\": \"w.js\"}", ConfigOverrides.NONE, Requirements.DEPLOY));
    }

    @Test
    void missingValuesWithoutAConfigFileNameTheFlags() throws IOException {
        assertEquals(
                List.of(
                        "no Worker name: pass --script NAME (or set \"name\" in a wrangler.jsonc)",
                        "no compatibility date: pass --compatibility-date YYYY-MM-DD (like 2025-01-01)",
                        "no assets folder: pass DIR"),
                problems(null, ConfigOverrides.NONE, Requirements.ALL));
    }

    @Test
    void eachCommandRequiresItsOwnFields() throws IOException {
        Files.createDirectories(dir.resolve("public"));
        Files.writeString(dir.resolve("wrangler.jsonc"), "{\"assets\": {\"directory\": \"public\"}}");
        ConfigLoader loader = new ConfigLoader(dir);
        loader.load(ConfigOverrides.NONE, Requirements.PREVIEW);
        assertFails(
                InvalidConfigException.class,
                Kind.INVALID_INPUT,
                "no Worker name: set \"name\" in wrangler.jsonc, or pass --script NAME",
                () -> loader.load(ConfigOverrides.NONE, NAME_AND_FOLDER));
        loader.load(flags().scriptName("s").build(), NAME_AND_FOLDER);
        assertFails(
                InvalidConfigException.class,
                Kind.INVALID_INPUT,
                "no compatibility date: set \"compatibility_date\""
                        + " in wrangler.jsonc, or pass --compatibility-date YYYY-MM-DD (like 2025-01-01)",
                () -> loader.load(flags().scriptName("s").build(), Requirements.ALL));
    }

    @Test
    void missingAssetsFolder() throws IOException {
        assertEquals(
                List.of("no assets folder: pass DIR, or set \"assets.directory\" in wrangler.jsonc"),
                problems("{\"name\": \"s\"}", ConfigOverrides.NONE, Requirements.PREVIEW));
        Path absent = dir.resolve("nope");
        assertEquals(
                List.of("wrangler.jsonc: assets.directory is \"./nope\", but there is no such folder (" + absent + ")"),
                problems("{\"assets\": {\"directory\": \"./nope\"}}", ConfigOverrides.NONE, Requirements.PREVIEW));
        Files.writeString(dir.resolve("file.txt"), "");
        assertEquals(
                List.of("DIR is \"file.txt\", but " + dir.resolve("file.txt") + " is not a folder"),
                problems(null, flags().assetsDirectory(Path.of("file.txt")).build(), Requirements.PREVIEW));
    }

    @Test
    void mainMustExistWhenTheCodeIsDeployed() throws IOException {
        Path absent = dir.resolve("dist/worker.js");
        assertEquals(
                List.of("wrangler.jsonc: main is \"dist/worker.js\", but there is no such file (" + absent + ")"),
                problems(
                        "{\"name\": \"s\", \"compatibility_date\": \"2025-01-01\", \"main\": \"dist/worker.js\"}",
                        ConfigOverrides.NONE,
                        Requirements.DEPLOY));
        Files.createDirectories(dir.resolve("src"));
        assertEquals(
                List.of("--main is \"src\", but " + dir.resolve("src") + " is not a file"),
                problems(
                        null,
                        flags().scriptName("s")
                                .compatibilityDate("2025-01-01")
                                .main(Path.of("src"))
                                .build(),
                        Requirements.DEPLOY));
        // a command that sends no code: an unbuilt main is no reason to stop it
        assertEquals(
                dir.resolve("missing.js"),
                new ConfigLoader(dir)
                        .load(
                                flags().scriptName("s")
                                        .main(Path.of("missing.js"))
                                        .build(),
                                NAME_ONLY)
                        .config()
                        .main());
    }

    @Test
    void envSectionMissing() throws IOException {
        assertEquals(
                List.of("--env prod: wrangler.jsonc has no env.prod; it defines staging, preview"),
                problems(
                        "{\"env\": {\"staging\": {}, \"preview\": {}}}",
                        flags().environment("prod").build(),
                        Requirements.NONE));
        assertEquals(
                List.of("--env prod: wrangler.jsonc defines no environments; add \"env\": {\"prod\": {...}}"),
                problems("{\"name\": \"s\"}", flags().environment("prod").build(), Requirements.NONE));
        Files.delete(dir.resolve("wrangler.jsonc"));
        Files.writeString(dir.resolve("wrangler.toml"), "name = \"s\"\n");
        assertEquals(
                List.of("--env prod: wrangler.toml defines no environments; add [env.prod]"),
                problems(null, flags().environment("prod").build(), Requirements.NONE));
    }

    @Test
    void envWithoutAnyConfigFile() throws IOException {
        assertEquals(
                List.of("--env prod needs a config file with an env.prod section, but there is no"
                        + " wrangler.json, wrangler.jsonc, wrangler.toml in "
                        + dir.toAbsolutePath().normalize() + " or above"),
                flagProblems(flags().environment("prod").build()));
    }

    @Test
    void envOfTheWrongType() throws IOException {
        assertEquals(
                List.of("wrangler.jsonc: env is a list, expected an object of environments {\"staging\": {...}}"),
                problems("{\"env\": [1]}"));
        assertEquals(
                List.of("wrangler.jsonc: env.prod is \"x\", expected an object"),
                problems(
                        "{\"env\": {\"prod\": \"x\"}}",
                        flags().environment("prod").build(),
                        Requirements.NONE));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        List<String> all = new ArrayList<>(problems(
                "{\"name\": \"A\", \"compatibility_date\": \"today\"," + " \"assets\": {\"html_handling\": \"x\"}}",
                flags().notFoundHandling("y").build(),
                Requirements.NONE));
        assertEquals(4, all.size(), String.join("\n", all));
    }

    @Test
    void configFlagProblems() throws IOException {
        assertFails(
                Kind.INVALID_INPUT,
                "--config prod.toml: no such file",
                () -> new ConfigLoader(dir)
                        .load(flags().configFile(Path.of("prod.toml")).build(), Requirements.NONE));
        Files.writeString(dir.resolve("wrangler.yaml"), "name: x");
        assertFails(
                Kind.INVALID_INPUT,
                "--config wrangler.yaml: expected a wrangler config file ending in .json, .jsonc or .toml",
                () -> new ConfigLoader(dir)
                        .load(flags().configFile(Path.of("wrangler.yaml")).build(), Requirements.NONE));
        assertFails(
                Kind.INVALID_INPUT,
                "--config " + dir + ": not a file",
                () -> new ConfigLoader(dir).load(flags().configFile(dir).build(), Requirements.NONE));
    }

    @Test
    void invalidPathsAreProblems() throws IOException {
        Files.writeString(
                dir.resolve("wrangler.jsonc"),
                "{\"name\": \"s\", \"compatibility_date\": \"2025-01-01\", \"main\": \"a\\u0000b\"}");
        assertFails(
                InvalidConfigException.class,
                Kind.INVALID_INPUT,
                "wrangler.jsonc: main is \"a\\u0000b\", which is"
                        + " not a valid path: expected the Worker's main module file",
                () -> new ConfigLoader(dir).load(ConfigOverrides.NONE, Requirements.DEPLOY));
    }
}
