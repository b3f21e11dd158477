package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDiscoveryTest {

    @TempDir
    Path root;

    private Path touch(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{}");
        return file;
    }

    @Test
    void findsTheConfigInTheStartingFolder() throws IOException {
        Path file = touch("site/wrangler.toml");
        assertEquals(Optional.of(file), ConfigDiscovery.find(root.resolve("site")));
    }

    @Test
    void walksUpToTheNearestConfig() throws IOException {
        touch("wrangler.jsonc");
        Path nearer = touch("site/wrangler.jsonc");
        Path deep = Files.createDirectories(root.resolve("site/src/pages"));
        assertEquals(Optional.of(nearer), ConfigDiscovery.find(deep));
    }

    @Test
    void inOneFolderJsonWinsOverJsoncOverToml() throws IOException {
        touch("site/wrangler.toml");
        Path jsonc = touch("site/wrangler.jsonc");
        assertEquals(Optional.of(jsonc), ConfigDiscovery.find(root.resolve("site")));
        Path json = touch("site/wrangler.json");
        assertEquals(Optional.of(json), ConfigDiscovery.find(root.resolve("site")));
    }

    @Test
    void eachNameIsSearchedAllTheWayUpBeforeTheNextAsWranglerDoes() throws IOException {
        Path parentJson = touch("wrangler.json");
        touch("site/wrangler.jsonc");
        touch("site/wrangler.toml");
        assertEquals(Optional.of(parentJson), ConfigDiscovery.find(root.resolve("site")));
    }

    @Test
    void aFolderNamedLikeAConfigIsSkipped() throws IOException {
        Files.createDirectories(root.resolve("site/wrangler.json"));
        Path toml = touch("site/wrangler.toml");
        assertEquals(Optional.of(toml), ConfigDiscovery.find(root.resolve("site")));
    }
}
