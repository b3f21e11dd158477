package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fixtures.WranglerFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The manifest of the compat site (src/test/resources/wrangler-fixtures) is exactly the one wrangler 4.164 sent. */
class CompatSiteFixtureTest {

    @Test
    void everyEntryMatchesWhatWranglerSentAndThereAreNoOthers() throws IOException {
        JsonObject expected = JsonParser.parseString(
                        Files.readString(WranglerFixtures.COMPAT_EXPECTED, StandardCharsets.UTF_8))
                .getAsJsonObject()
                .getAsJsonObject("manifest");
        Manifest manifest = new ManifestBuilder().build(WranglerFixtures.COMPAT_SITE);
        Map<String, ManifestEntry> ours = manifest.byPath();

        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(ours.keySet()), "paths");
        for (String path : expected.keySet()) {
            JsonObject want = expected.getAsJsonObject(path);
            ManifestEntry got = ours.get(path);
            assertEquals(want.get("hash").getAsString(), got.hash(), path + " hash");
            assertEquals(want.get("size").getAsLong(), got.size(), path + " size");
            assertEquals(want.get("contentType").getAsString(), got.wireContentType(), path + " contentType");
        }
    }

    /**
     * The checkout holds every file of the fixture as wrangler read it: nothing lost to an ignore
     * rule (its node_modules/), a file system that refuses a name, or an empty file left out.
     */
    @Test
    void theCheckedOutSiteHoldsEveryFileOfTheRecordedListing() throws IOException {
        List<String> listed = Files.readAllLines(WranglerFixtures.COMPAT_FILES, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isEmpty())
                .sorted()
                .toList();
        List<String> present;
        try (Stream<Path> files = Files.walk(WranglerFixtures.COMPAT_SITE)) {
            present = files.filter(Files::isRegularFile)
                    .map(file -> WranglerFixtures.COMPAT_SITE
                            .relativize(file)
                            .toString()
                            .replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertEquals(listed, present);
    }
}
