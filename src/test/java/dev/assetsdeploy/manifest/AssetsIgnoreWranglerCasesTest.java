package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ignore table recorded from wrangler's own {@code ignore} package (and git, for the
 * record) by src/test/record/record-ignore-cases.mjs: for every case, a real folder goes
 * through {@link ManifestBuilder} and the file must be in the manifest exactly when wrangler
 * keeps it.
 */
class AssetsIgnoreWranglerCasesTest {

    static Stream<Arguments> cases() throws IOException {
        try (Reader in = new InputStreamReader(
                AssetsIgnoreWranglerCasesTest.class.getResourceAsStream("ignore-cases.json"), StandardCharsets.UTF_8)) {
            JsonObject doc = JsonParser.parseReader(in).getAsJsonObject();
            return StreamSupport.stream(doc.getAsJsonArray("cases").spliterator(), false)
                    .map(JsonElement::getAsJsonObject)
                    .map(c -> Arguments.of(c.get("name").getAsString(), c))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void walkKeepsExactlyWhatWranglerKeeps(String name, JsonObject c, @TempDir Path dir) throws IOException {
        String file = c.get("file").getAsString();
        if (!c.get("assetsignore").isJsonNull()) {
            Files.writeString(dir.resolve(".assetsignore"), c.get("assetsignore").getAsString(), StandardCharsets.UTF_8);
        }
        Path target = dir.resolve(file);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.writeString(target, "x");
        }
        Manifest manifest = new ManifestBuilder(100, 1).build(dir);
        String expected = c.get("wrangler").getAsString();
        String actual = manifest.entry("/" + file).isPresent() ? "included" : "ignored";
        assertEquals(expected, actual, () -> "'" + file + "' with .assetsignore "
                + c.get("assetsignore") + " (git says " + c.get("git").getAsString() + ")");
    }
}
