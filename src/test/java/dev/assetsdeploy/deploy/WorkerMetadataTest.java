package dev.assetsdeploy.deploy;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.AssetsSettings.RunWorkerFirst;
import dev.assetsdeploy.config.DeployConfig;
import dev.assetsdeploy.config.RoutingFiles;
import dev.assetsdeploy.fixtures.Configs;
import dev.assetsdeploy.fixtures.WranglerFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerMetadataTest {

    static final Path COMPAT_SITE = WranglerFixtures.COMPAT_SITE;
    static final Path COMPAT_EXPECTED = WranglerFixtures.COMPAT_EXPECTED;

    /** A new Worker's {@code PUT}, or a version upload: no live Worker involved. */
    static JsonObject metadata(
            DeployConfig config,
            List<WorkerModule> modules,
            AssetsSource assets,
            RoutingFiles routing,
            String message,
            boolean versionOnly) {
        return WorkerMetadata.json(
                config,
                modules,
                assets,
                routing,
                VersionAnnotations.message(message),
                versionOnly ? UploadKind.VERSION : UploadKind.SCRIPT,
                java.util.Set.of(),
                null);
    }

    static DeployConfig config(Path main, Path assetsDir, AssetsSettings assets, List<String> flags) {
        return Configs.assetsWorker(null, "my-worker", main, null, "2025-01-01", flags, assetsDir, assets);
    }

    @Test
    void compatSiteAssetsConfigEqualsWhatWranglerSent() throws IOException {
        AssetsSettings settings = new AssetsSettings(null, null, NotFoundHandling.NOT_FOUND_PAGE, null);
        JsonObject meta = metadata(
                config(null, COMPAT_SITE, settings, List.of()),
                List.of(),
                AssetsSource.token("JWT"),
                RoutingFiles.read(COMPAT_SITE),
                null,
                false);

        JsonObject expected = JsonParser.parseString(Files.readString(COMPAT_EXPECTED))
                .getAsJsonObject()
                .getAsJsonObject("assetsConfig");
        assertEquals(expected, meta.getAsJsonObject("assets").getAsJsonObject("config"));
        // Same fields in the same order as wrangler wrote them.
        assertEquals(
                Json.compact(expected),
                Json.compact(meta.getAsJsonObject("assets").getAsJsonObject("config")));
    }

    @Test
    void assetsOnlyWorkerIsAssetsThenCompatibilityAndNothingElse() {
        JsonObject meta = metadata(
                config(null, null, AssetsSettings.NONE, List.of("nodejs_compat")),
                List.of(),
                AssetsSource.token("JWT"),
                RoutingFiles.NONE,
                null,
                false);
        assertEquals(
                "{\"assets\":{\"jwt\":\"JWT\",\"config\":{}},\"compatibility_date\":\"2025-01-01\","
                        + "\"compatibility_flags\":[\"nodejs_compat\"]}",
                Json.compact(meta));
    }

    @Test
    void workerWithCodeHasMainModuleBindingKeepBindingsAndFullConfig(@TempDir Path dir) throws IOException {
        Path main = Files.writeString(dir.resolve("index.js"), "export default {}");
        AssetsSettings settings = new AssetsSettings(
                "ASSETS",
                HtmlHandling.DROP_TRAILING_SLASH,
                NotFoundHandling.SINGLE_PAGE_APPLICATION,
                RunWorkerFirst.of(List.of("/api/*", "!/api/docs")));
        JsonObject meta = metadata(
                config(main, null, settings, List.of()),
                WorkerModules.resolve(main, List.of()),
                AssetsSource.token("JWT"),
                new RoutingFiles("/*\n  X-A: b\n", "/a /b 301\n"),
                "release 7",
                false);
        assertEquals(
                "{\"main_module\":\"index.js\",\"bindings\":[{\"name\":\"ASSETS\",\"type\":\"assets\"}],"
                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300},\"keep_bindings\":[\"secret_text\",\"secret_key\"],"
                        + "\"annotations\":{\"workers/message\":\"release 7\"},"
                        + "\"assets\":{\"jwt\":\"JWT\",\"config\":{\"html_handling\":\"drop-trailing-slash\","
                        + "\"not_found_handling\":\"single-page-application\",\"run_worker_first\":[\"/api/*\",\"!/api/docs\"],"
                        + "\"_redirects\":\"/a /b 301\\n\",\"_headers\":\"/*\\n  X-A: b\\n\"}}}",
                Json.compact(meta));
    }

    @Test
    void codeWithoutBindingSendsEmptyBindingsAndBooleanRunWorkerFirst(@TempDir Path dir) throws IOException {
        Path main = Files.writeString(dir.resolve("worker.mjs"), "export default {}");
        JsonObject meta = metadata(
                config(main, null, new AssetsSettings(null, null, null, RunWorkerFirst.of(true)), List.of()),
                WorkerModules.resolve(main, List.of()),
                AssetsSource.token("JWT"),
                RoutingFiles.NONE,
                null,
                false);
        assertEquals("worker.mjs", meta.get("main_module").getAsString());
        assertEquals("[]", Json.compact(meta.get("bindings")));
        assertEquals(
                "{\"run_worker_first\":true}",
                Json.compact(meta.getAsJsonObject("assets").get("config")));
    }

    @Test
    void keepAssetsReplacesTheTokenButKeepsTheConfig(@TempDir Path dir) throws IOException {
        Path main = Files.writeString(dir.resolve("index.js"), "export default {}");
        AssetsSettings settings = new AssetsSettings("ASSETS", HtmlHandling.NONE, null, null);
        JsonObject withCode = metadata(
                config(main, null, settings, List.of()),
                WorkerModules.resolve(main, List.of()),
                AssetsSource.keepExisting(),
                RoutingFiles.NONE,
                null,
                false);
        assertEquals(
                "{\"main_module\":\"index.js\",\"bindings\":[{\"name\":\"ASSETS\",\"type\":\"assets\"}],"
                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                        + "\"code_update_strategy\":{\"mode\":\"deferred\",\"max_delay\":300},\"keep_bindings\":[\"secret_text\",\"secret_key\"],\"keep_assets\":true,"
                        + "\"assets\":{\"config\":{\"html_handling\":\"none\"}}}",
                Json.compact(withCode));

        JsonObject assetsOnly = metadata(
                config(null, null, AssetsSettings.NONE, List.of()),
                List.of(),
                AssetsSource.keepExisting(),
                RoutingFiles.NONE,
                null,
                false);
        assertEquals(
                "{\"assets\":{\"config\":{}},\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[],"
                        + "\"keep_assets\":true}",
                Json.compact(assetsOnly));
    }

    @Test
    void versionsAlwaysCarryAnnotationsDeployOnlyWithAMessage() {
        DeployConfig cfg = config(null, null, AssetsSettings.NONE, List.of());
        JsonObject version = metadata(cfg, List.of(), AssetsSource.token("J"), RoutingFiles.NONE, null, true);
        assertEquals("{}", Json.compact(version.get("annotations")));
        JsonObject versionWithMessage =
                metadata(cfg, List.of(), AssetsSource.token("J"), RoutingFiles.NONE, "hi \"there\"", true);
        assertEquals("{\"workers/message\":\"hi \\\"there\\\"\"}", Json.compact(versionWithMessage.get("annotations")));
        JsonObject deploy = metadata(cfg, List.of(), AssetsSource.token("J"), RoutingFiles.NONE, null, false);
        assertEquals(false, deploy.has("annotations"));
    }

    @Test
    void bindingOrRunWorkerFirstWithoutCodeIsRefused() {
        String message =
                "assets.binding and assets.run_worker_first need Worker code: set main (or --main), or remove them";
        for (AssetsSettings assets : List.of(
                new AssetsSettings("ASSETS", null, null, null),
                new AssetsSettings(null, null, null, RunWorkerFirst.of(true)),
                new AssetsSettings(null, null, null, RunWorkerFirst.of(List.of("/api/*"))))) {
            assertFails(
                    Kind.INVALID_INPUT,
                    message,
                    () -> metadata(
                            config(null, null, assets, List.of()),
                            List.of(),
                            AssetsSource.token("J"),
                            RoutingFiles.NONE,
                            null,
                            false));
        }
    }

    @Test
    void runWorkerFirstFalseIsAllowedAndSentWithoutCode() {
        JsonObject meta = metadata(
                config(null, null, new AssetsSettings(null, null, null, RunWorkerFirst.of(false)), List.of()),
                List.of(),
                AssetsSource.token("J"),
                RoutingFiles.NONE,
                null,
                false);
        assertEquals("{\"jwt\":\"J\",\"config\":{\"run_worker_first\":false}}", Json.compact(meta.get("assets")));
    }

    @Test
    void missingCompatibilityDateIsRefused() {
        DeployConfig cfg = Configs.assetsWorker(null, "w", null, null, null, List.of(), null, AssetsSettings.NONE);
        assertFails(
                Kind.INVALID_INPUT,
                "compatibility_date is required: set it in the config file or pass"
                        + " --compatibility-date yyyy-mm-dd",
                () -> metadata(cfg, List.of(), AssetsSource.token("J"), RoutingFiles.NONE, null, false));
    }

    @Test
    void routingFilesAreReadVerbatimAndAbsentOnesLeftOut(@TempDir Path dir) throws IOException {
        Files.write(
                dir.resolve("_headers"), new byte[] {'/', '*', '\r', '\n', ' ', ' ', 'X', ':', ' ', (byte) 0xff, '\n'});
        RoutingFiles routing = RoutingFiles.read(dir);
        assertEquals("/*\r\n  X: \ufffd\n", routing.headers());
        assertEquals(null, routing.redirects());
        assertEquals(RoutingFiles.NONE, RoutingFiles.read(dir.resolve("missing")));
    }

    /** wrangler sends the file as JSON.stringify writes it: U+2028 and U+2029 raw (Gson would escape them). */
    @Test
    void headersTextWithLineSeparatorsIsSentRaw(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("_headers"), "/*\n  X-Note: a\u2028b\u2029c\n");
        JsonObject meta = metadata(
                config(null, dir, AssetsSettings.NONE, List.of()),
                List.of(),
                AssetsSource.token("J"),
                RoutingFiles.read(dir),
                null,
                false);
        assertEquals(
                "{\"assets\":{\"jwt\":\"J\",\"config\":{\"_headers\":\"/*\\n  X-Note: a\u2028b\u2029c\\n\"}},"
                        + "\"compatibility_date\":\"2025-01-01\",\"compatibility_flags\":[]}",
                Json.compact(meta));
    }
}
