package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.fixtures.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file &lt; env section &lt; flags, for every field, in JSONC and in TOML. */
class ConfigPrecedenceTest {

    static final String JSONC = """
            {
              // top level: every field
              "name": "site",
              "main": "src/top.js",
              "account_id": "acc-top",
              "compatibility_date": "2024-01-01",
              "compatibility_flags": ["top_flag"],
              "assets": {
                "directory": "./public", // relative to this file
                "binding": "TOP_ASSETS",
                "html_handling": "none",
                "not_found_handling": "404-page",
                "run_worker_first": ["/api/*", "!/api/docs"],
              },
              "env": {
                "staging": {
                  "name": "site-stg",
                  "main": "src/env.js",
                  "account_id": "acc-env",
                  "compatibility_date": "2024-06-01",
                  "compatibility_flags": ["env_flag"],
                  "assets": {
                    "directory": "./env-public",
                    "binding": "ENV_ASSETS",
                    "html_handling": "drop-trailing-slash",
                    "not_found_handling": "single-page-application",
                    "run_worker_first": true,
                  },
                },
                "bare": {},
                "partial": {"assets": {"directory": "./partial"}},
              },
            }
            """;

    static final String TOML = """
            # top level: every field
            name = "site"
            main = "src/top.js"
            account_id = "acc-top"
            compatibility_date = "2024-01-01"
            compatibility_flags = ["top_flag"]

            [assets]
            directory = "./public"
            binding = "TOP_ASSETS"
            html_handling = "none"
            not_found_handling = "404-page"
            run_worker_first = ["/api/*", "!/api/docs"]

            [env.staging]
            name = "site-stg"
            main = "src/env.js"
            account_id = "acc-env"
            compatibility_date = "2024-06-01"
            compatibility_flags = ["env_flag"]

            [env.staging.assets]
            directory = "./env-public"
            binding = "ENV_ASSETS"
            html_handling = "drop-trailing-slash"
            not_found_handling = "single-page-application"
            run_worker_first = true

            [env.bare]

            [env.partial.assets]
            directory = "./partial"
            """;

    @TempDir
    Path root;

    Path project;
    Path cwd;

    @BeforeEach
    void layout() throws IOException {
        project = Files.createDirectories(root.resolve("project"));
        cwd = Files.createDirectories(project.resolve("sub/dir"));
    }

    private LoadedConfig load(String fileName, String text, ConfigOverrides flags) throws IOException {
        Files.writeString(project.resolve(fileName), text);
        return new ConfigLoader(cwd).load(flags, Requirements.NONE);
    }

    private ConfigOverrides env(String name) {
        return ConfigOverrides.builder().environment(name).build();
    }

    private ConfigOverrides allFlags(String env) {
        return ConfigOverrides.builder()
                .environment(env)
                .scriptName("from-flag")
                .main(Path.of("flag.js"))
                .compatibilityDate("2025-03-03")
                .compatibilityFlags(List.of("f1", "f2"))
                .assetsDirectory(Path.of("dist"))
                .binding("FLAG_ASSETS")
                .htmlHandling("force-trailing-slash")
                .notFoundHandling("none")
                .runWorkerFirst(List.of("/flag/*"))
                .build();
    }

    private void assertTopLevel(LoadedConfig loaded, String fileName) {
        DeployConfig c = loaded.config();
        assertEquals(project.resolve(fileName), c.configFile());
        assertEquals("site", c.scriptName());
        assertEquals(project.resolve("src/top.js"), c.main());
        assertEquals("acc-top", c.accountId());
        assertEquals("2024-01-01", c.compatibilityDate());
        assertEquals(List.of("top_flag"), c.compatibilityFlags());
        assertEquals(project.resolve("public"), c.assetsDirectory());
        assertEquals(
                new AssetsSettings(
                        "TOP_ASSETS",
                        HtmlHandling.NONE,
                        NotFoundHandling.NOT_FOUND_PAGE,
                        RunWorkerFirst.of(List.of("/api/*", "!/api/docs"))),
                c.assets());
        assertNull(loaded.environment());
    }

    private void assertStaging(LoadedConfig loaded) {
        DeployConfig c = loaded.config();
        assertEquals("site-stg", c.scriptName());
        assertEquals(project.resolve("src/env.js"), c.main());
        assertEquals("acc-env", c.accountId());
        assertEquals("2024-06-01", c.compatibilityDate());
        assertEquals(List.of("env_flag"), c.compatibilityFlags());
        assertEquals(project.resolve("env-public"), c.assetsDirectory());
        assertEquals(
                new AssetsSettings(
                        "ENV_ASSETS",
                        HtmlHandling.DROP_TRAILING_SLASH,
                        NotFoundHandling.SINGLE_PAGE_APPLICATION,
                        RunWorkerFirst.of(true)),
                c.assets());
        assertEquals("staging", loaded.environment());
    }

    private void assertFlags(LoadedConfig loaded, String accountId) {
        DeployConfig c = loaded.config();
        assertEquals("from-flag", c.scriptName());
        assertEquals(cwd.resolve("flag.js"), c.main());
        assertEquals(accountId, c.accountId());
        assertEquals("2025-03-03", c.compatibilityDate());
        assertEquals(List.of("f1", "f2"), c.compatibilityFlags());
        assertEquals(cwd.resolve("dist"), c.assetsDirectory());
        assertEquals(
                new AssetsSettings(
                        "FLAG_ASSETS",
                        HtmlHandling.FORCE_TRAILING_SLASH,
                        NotFoundHandling.NONE,
                        RunWorkerFirst.of(List.of("/flag/*"))),
                c.assets());
    }

    @Test
    void jsoncTopLevel() throws IOException {
        assertTopLevel(load("wrangler.jsonc", JSONC, ConfigOverrides.NONE), "wrangler.jsonc");
    }

    @Test
    void tomlTopLevel() throws IOException {
        assertTopLevel(load("wrangler.toml", TOML, ConfigOverrides.NONE), "wrangler.toml");
    }

    @Test
    void jsoncEnvSectionOverridesEveryField() throws IOException {
        assertStaging(load("wrangler.jsonc", JSONC, env("staging")));
    }

    @Test
    void tomlEnvSectionOverridesEveryField() throws IOException {
        assertStaging(load("wrangler.toml", TOML, env("staging")));
    }

    @Test
    void flagsOverrideTheFile() throws IOException {
        assertFlags(load("wrangler.jsonc", JSONC, allFlags(null)), "acc-top");
    }

    @Test
    void flagsOverrideTheEnvSection() throws IOException {
        assertFlags(load("wrangler.toml", TOML, allFlags("staging")), "acc-env");
        assertFlags(load("wrangler.jsonc", JSONC, allFlags("staging")), "acc-env");
    }

    @Test
    void anEmptyEnvSectionInheritsEverythingAndSuffixesTheName() throws IOException {
        for (String[] file : new String[][] {{"wrangler.jsonc", JSONC}, {"wrangler.toml", TOML}}) {
            LoadedConfig loaded = load(file[0], file[1], env("bare"));
            DeployConfig c = loaded.config();
            assertEquals("site-bare", c.scriptName());
            assertEquals(project.resolve("src/top.js"), c.main());
            assertEquals("acc-top", c.accountId());
            assertEquals("2024-01-01", c.compatibilityDate());
            assertEquals(List.of("top_flag"), c.compatibilityFlags());
            assertEquals(project.resolve("public"), c.assetsDirectory());
            assertEquals("TOP_ASSETS", c.assets().binding());
            assertEquals(
                    "../../" + file[0] + ": name + \"-bare\" (--env bare)",
                    loaded.sources().get("name"));
            Files.delete(project.resolve(file[0]));
        }
    }

    @Test
    void anEnvSectionsAssetsReplaceTheTopLevelAssetsWhole() throws IOException {
        DeployConfig c = load("wrangler.jsonc", JSONC, env("partial")).config();
        assertEquals(project.resolve("partial"), c.assetsDirectory());
        assertEquals(AssetsSettings.NONE, c.assets());
    }

    @Test
    void onlyTheFlagsGivenOverride() throws IOException {
        DeployConfig c = load(
                        "wrangler.jsonc",
                        JSONC,
                        ConfigOverrides.builder()
                                .environment("staging")
                                .htmlHandling("none")
                                .build())
                .config();
        assertEquals(
                new AssetsSettings(
                        "ENV_ASSETS",
                        HtmlHandling.NONE,
                        NotFoundHandling.SINGLE_PAGE_APPLICATION,
                        RunWorkerFirst.of(true)),
                c.assets());
        assertEquals("site-stg", c.scriptName());
    }

    @Test
    void runWorkerFirstFlagTakesBooleans() throws IOException {
        Files.writeString(project.resolve("wrangler.jsonc"), JSONC);
        ConfigLoader loader = new ConfigLoader(cwd);
        for (String value : List.of("false", "FALSE")) {
            assertEquals(
                    RunWorkerFirst.of(false),
                    loader.load(
                                    ConfigOverrides.builder()
                                            .runWorkerFirst(List.of(value))
                                            .build(),
                                    Requirements.NONE)
                            .config()
                            .assets()
                            .runWorkerFirst());
        }
        assertEquals(
                RunWorkerFirst.of(true),
                loader.load(
                                ConfigOverrides.builder()
                                        .runWorkerFirst(List.of("true"))
                                        .build(),
                                Requirements.NONE)
                        .config()
                        .assets()
                        .runWorkerFirst());
    }

    @Test
    void sourcesSayWhereEachValueCameFrom() throws IOException {
        LoadedConfig loaded = load(
                "wrangler.jsonc",
                JSONC,
                ConfigOverrides.builder()
                        .environment("staging")
                        .binding("B")
                        .assetsDirectory(Path.of("out"))
                        .compatibilityFlags(List.of("x"))
                        .build());
        assertEquals(
                Map.of(
                        "name", "../../wrangler.jsonc: env.staging.name",
                        "main", "../../wrangler.jsonc: env.staging.main",
                        "account_id", "../../wrangler.jsonc: env.staging.account_id",
                        "compatibility_date", "../../wrangler.jsonc: env.staging.compatibility_date",
                        "compatibility_flags", "--compatibility-flag",
                        "assets.directory", "DIR",
                        "assets.binding", "--binding",
                        "assets.html_handling", "../../wrangler.jsonc: env.staging.assets.html_handling",
                        "assets.not_found_handling", "../../wrangler.jsonc: env.staging.assets.not_found_handling",
                        "assets.run_worker_first", "../../wrangler.jsonc: env.staging.assets.run_worker_first"),
                loaded.sources());
        assertEquals(
                List.of(
                        "name",
                        "main",
                        "account_id",
                        "compatibility_date",
                        "compatibility_flags",
                        "assets.directory",
                        "assets.binding",
                        "assets.html_handling",
                        "assets.not_found_handling",
                        "assets.run_worker_first"),
                List.copyOf(loaded.sources().keySet()));
    }

    @Test
    void configFlagIsResolvedAgainstTheWorkingFolderAndPathsInItAgainstItsOwnFolder() throws IOException {
        Path other = Files.createDirectories(root.resolve("elsewhere/conf"));
        Files.writeString(other.resolve("prod.toml"), "main = \"w.js\"\n[assets]\ndirectory = \"../site\"\n");
        DeployConfig c = new ConfigLoader(cwd)
                .load(
                        ConfigOverrides.builder()
                                .configFile(Path.of("../../../elsewhere/conf/prod.toml"))
                                .build(),
                        Requirements.NONE)
                .config();
        assertEquals(other.resolve("prod.toml"), c.configFile());
        assertEquals(other.resolve("w.js"), c.main());
        assertEquals(root.resolve("elsewhere/site"), c.assetsDirectory());
    }

    @Test
    void noConfigFileIsFineWhenFlagsSayEverything() throws IOException {
        Path lonely = Files.createDirectories(root.resolve("lonely"));
        Files.createDirectories(lonely.resolve("public"));
        Files.writeString(lonely.resolve("w.js"), "export default {}");
        LoadedConfig loaded = new ConfigLoader(lonely)
                .load(
                        ConfigOverrides.builder()
                                .scriptName("s")
                                .compatibilityDate("2025-01-01")
                                .main(Path.of("w.js"))
                                .assetsDirectory(Path.of("public"))
                                .build(),
                        Requirements.ALL);
        assertEquals(
                Configs.assetsWorker(
                        null,
                        "s",
                        lonely.resolve("w.js"),
                        null,
                        "2025-01-01",
                        List.of(),
                        lonely.resolve("public"),
                        AssetsSettings.NONE),
                loaded.config());
        assertEquals(List.of(), loaded.warnings());
    }
}
