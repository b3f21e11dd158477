package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.config.AssetsSettings.HtmlHandling;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.fixtures.Configs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** src/example is what a newcomer runs first: it must load cleanly, with no warning. */
class ExampleProjectTest {

    static final Path EXAMPLE = Path.of("src/example").toAbsolutePath();

    @Test
    void exampleConfigIsValidForEveryCommand() {
        LoadedConfig loaded = new ConfigLoader(EXAMPLE).load(ConfigOverrides.NONE, Requirements.ALL);
        assertEquals(
                Configs.assetsWorker(
                        EXAMPLE.resolve("wrangler.jsonc"),
                        "assets-deploy-example",
                        null,
                        null,
                        "2025-01-01",
                        List.of(),
                        EXAMPLE.resolve("public"),
                        new AssetsSettings(
                                null, HtmlHandling.AUTO_TRAILING_SLASH, NotFoundHandling.NOT_FOUND_PAGE, null)),
                loaded.config());
        assertEquals(List.of(), loaded.warnings());
    }

    @Test
    void exampleLoadsFromTheProjectRootWithConfig() {
        LoadedConfig loaded = new ConfigLoader(Path.of("").toAbsolutePath())
                .load(
                        ConfigOverrides.builder()
                                .configFile(Path.of("src/example/wrangler.jsonc"))
                                .build(),
                        Requirements.ALL);
        assertEquals(EXAMPLE.resolve("public"), loaded.config().assetsDirectory());
    }

    @Test
    void exampleShowsOffJsoncAndHasThePagesTheReadmeMentions() throws Exception {
        String text = Files.readString(EXAMPLE.resolve("wrangler.jsonc"));
        assertTrue(text.contains("//") && text.contains("/*"), "comments");
        assertTrue(text.replaceAll("\\s", "").contains(",}"), "a trailing comma");
        for (String page :
                List.of("index.html", "about/index.html", "404.html", "css/style.css", "_headers", "_redirects")) {
            assertTrue(Files.isRegularFile(EXAMPLE.resolve("public").resolve(page)), page);
        }
    }
}
