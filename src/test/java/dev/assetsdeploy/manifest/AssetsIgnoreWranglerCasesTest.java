package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.AssetsDeployException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ignore table recorded from wrangler's own {@code ignore} package (and git, for the
 * record) by src/test/record/record-ignore-cases.mjs: for every case, a real folder goes
 * through {@link ManifestBuilder} and the file must be in the manifest exactly when wrangler
 * keeps it. A second, generated table checks the matcher alone on odd lines and paths.
 */
class AssetsIgnoreWranglerCasesTest {

    static Stream<Arguments> cases() throws IOException {
        return table().getAsJsonArray("cases").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(c -> Arguments.of(c.get("name").getAsString(), c));
    }

    static Stream<Arguments> generated() throws IOException {
        return table().getAsJsonArray("generated").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .map(c -> Arguments.of(
                        c.get("assetsignore").getAsString(),
                        c.get("file").getAsString(),
                        c.get("wrangler").getAsString()));
    }

    private static JsonObject table() throws IOException {
        try (Reader in = new InputStreamReader(
                AssetsIgnoreWranglerCasesTest.class.getResourceAsStream("ignore-cases.json"), StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(in).getAsJsonObject();
        }
    }

    /** Generated odd lines and paths, at the matcher level: the walk asks about each parent folder first. */
    @ParameterizedTest(name = "[{index}] {0} vs {1}")
    @MethodSource("generated")
    void matcherAnswersAsWranglersIgnorePackage(String line, String file, String expected) {
        String actual;
        try {
            AssetsIgnore ignore = AssetsIgnore.parse(line);
            actual = "included";
            String[] parts = file.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                prefix.append(i == 0 ? "" : "/").append(parts[i]);
                if (ignore.ignoredBy(prefix.toString(), i < parts.length - 1) != null) {
                    actual = "ignored";
                    break;
                }
            }
        } catch (AssetsDeployException e) {
            actual = "error";
        }
        assertEquals(expected, actual);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void walkKeepsExactlyWhatWranglerKeeps(String name, JsonObject c, @TempDir Path dir) throws IOException {
        String file = c.get("file").getAsString();
        if (!c.get("assetsignore").isJsonNull()) {
            Files.writeString(
                    dir.resolve(".assetsignore"), c.get("assetsignore").getAsString(), StandardCharsets.UTF_8);
        }
        Path target = dir.resolve(file);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.writeString(target, "x");
        }
        Manifest manifest = new ManifestBuilder(100, 1).build(dir);
        String expected = c.get("wrangler").getAsString();
        String actual = manifest.entry("/" + file).isPresent() ? "included" : "ignored";
        assertEquals(
                expected,
                actual,
                () -> "'" + file + "' with .assetsignore " + c.get("assetsignore") + " (git says "
                        + c.get("git").getAsString() + ")");
    }
}
