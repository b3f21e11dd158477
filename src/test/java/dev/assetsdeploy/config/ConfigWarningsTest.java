package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.config.ConfigWarning.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigWarningsTest {

    @TempDir
    Path dir;

    private List<ConfigWarning> warnings(String fileName, String text, String env) throws IOException {
        Files.writeString(dir.resolve(fileName), text);
        Files.writeString(dir.resolve("w.js"), "");
        return new ConfigLoader(dir)
                .load(ConfigOverrides.builder().environment(env).build(), Requirements.NONE)
                .warnings();
    }

    @Test
    void unknownFieldsAreWarningsTopLevelFirstThenAssets() throws IOException {
        assertEquals(
                List.of(
                        new ConfigWarning(Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field nmae (ignored)"),
                        new ConfigWarning(
                                Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field compatibility_flag (ignored)"),
                        new ConfigWarning(Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field assets.dir (ignored)")),
                warnings(
                        "wrangler.jsonc",
                        "{\"nmae\": \"x\", \"assets\": {\"dir\": \"p\"}, \"compatibility_flag\": []}",
                        null));
    }

    @Test
    void wranglerFieldsWeDoNotApplyAreSaidSo() throws IOException {
        assertEquals(
                List.of(
                        new ConfigWarning(
                                Code.NOT_APPLIED,
                                "wrangler.toml: build is a wrangler setting that"
                                        + " assets-deploy does not apply (ignored)"),
                        new ConfigWarning(
                                Code.NOT_APPLIED,
                                "wrangler.toml: assets.base_path is a wrangler setting that"
                                        + " assets-deploy does not apply (ignored)")),
                warnings("wrangler.toml", """
                        build = {command = "npm run build"}
                        dev = {port = 8787}
                        [assets]
                        base_path = "/docs"
                        """, null));
    }

    @Test
    void buildAndDevToolingFieldsAreQuiet() throws IOException {
        assertEquals(
                List.of(),
                warnings(
                        "wrangler.jsonc",
                        "{\"$schema\": \"node_modules/wrangler/config-schema.json\","
                                + " \"dev\": {\"port\": 8787}, \"minify\": true, \"no_bundle\": true, \"tsconfig\": \"t.json\","
                                + " \"rules\": [], \"upload_source_maps\": true}",
                        null));
    }

    @Test
    void inTheSelectedEnvTopLevelOnlyFieldsAreUnknownAsInWrangler() throws IOException {
        assertEquals(
                List.of(
                        new ConfigWarning(
                                Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field env.staging.site (ignored)"),
                        new ConfigWarning(
                                Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field env.staging.bogus (ignored)"),
                        new ConfigWarning(
                                Code.UNKNOWN_FIELD, "wrangler.jsonc: unknown field env.staging.keep_vars (ignored)")),
                warnings(
                        "wrangler.jsonc",
                        "{\"env\": {\"staging\": {\"site\": {}, \"bogus\": 1, \"keep_vars\": true},"
                                + " \"other\": {\"ignored_here\": 1}}}",
                        "staging"));
    }

    @Test
    void otherEnvSectionsAreNotChecked() throws IOException {
        assertEquals(
                List.of(),
                warnings(
                        "wrangler.jsonc",
                        "{\"env\": {\"other\": {\"typo\": 1," + " \"assets\": {\"html_handling\": \"bad\"}}}}",
                        null));
    }

    @Test
    void emptyAccountIdIsIgnoredWithAWarningLikeWrangler() throws IOException {
        Files.writeString(dir.resolve("wrangler.jsonc"), "{\"account_id\": \"\"}");
        LoadedConfig loaded = new ConfigLoader(dir).load(ConfigOverrides.NONE, Requirements.NONE);
        assertEquals(null, loaded.config().accountId());
        assertEquals(
                List.of(new ConfigWarning(
                        Code.SUSPICIOUS_VALUE,
                        "wrangler.jsonc: account_id is empty: ignored"
                                + " (the account comes from CLOUDFLARE_ACCOUNT_ID)")),
                loaded.warnings());
    }

    @Test
    void runWorkerFirstTrueWithoutABindingIsSuspicious() throws IOException {
        assertEquals(
                List.of(
                        new ConfigWarning(
                                Code.SUSPICIOUS_VALUE,
                                "wrangler.jsonc: assets.run_worker_first is"
                                        + " true without an assets binding: the Worker runs for every request and cannot fetch the assets")),
                warnings("wrangler.jsonc", "{\"main\": \"w.js\", \"assets\": {\"run_worker_first\": true}}", null));
        assertEquals(
                List.of(),
                warnings(
                        "wrangler.jsonc",
                        "{\"main\": \"w.js\", \"assets\": {\"run_worker_first\": true, \"binding\": \"A\"}}",
                        null));
    }

    @Test
    void anEnvSectionsAssetsDropTheTopLevelAssetsFieldsItDoesNotRepeat() throws IOException {
        assertEquals(
                List.of(new ConfigWarning(
                        Code.SUSPICIOUS_VALUE,
                        "wrangler.toml: env.staging.assets replaces the"
                                + " top-level assets as a whole (as in wrangler), so the top-level assets.binding,"
                                + " assets.not_found_handling do not apply: repeat them in the section if needed")),
                warnings("wrangler.toml", """
                        main = "w.js"
                        [assets]
                        directory = "public"
                        binding = "ASSETS"
                        not_found_handling = "404-page"
                        [env.staging.assets]
                        directory = "staging"
                        """, "staging"));
    }
}
