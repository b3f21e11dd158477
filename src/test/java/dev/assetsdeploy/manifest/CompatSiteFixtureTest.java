package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.fixtures.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The manifest of ../shared/fixtures/compat-site is exactly the one wrangler 4.164 sent. */
class CompatSiteFixtureTest {

    @Test
    void everyEntryMatchesWhatWranglerSentAndThereAreNoOthers() throws IOException {
        JsonObject expected = JsonParser.parseString(Files.readString(
                SharedFixtures.dir().resolve("compat-site.expected.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("manifest");
        Manifest manifest = new ManifestBuilder().build(SharedFixtures.dir().resolve("compat-site"));
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
}
