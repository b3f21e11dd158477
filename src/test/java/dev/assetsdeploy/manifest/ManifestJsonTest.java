package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestJsonTest {

    private static Manifest manifest(List<ManifestEntry> entries) {
        return new Manifest(Path.of("/site"), entries, List.of(), List.of(), HashCacheUse.off("off", List.of()));
    }

    private static ManifestEntry entry(String path, String hash, long size) {
        return new ManifestEntry(path, hash, size, null, Path.of("/site/file")); // only the key is written
    }

    /** The body as a tree written by {@link Json#compact}: what was sent before the body had a writer of its own. */
    private static String throughTheTree(Manifest manifest) {
        JsonObject files = new JsonObject();
        for (ManifestEntry e : manifest.entries()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("hash", e.hash());
            entry.addProperty("size", e.size());
            files.add(e.path(), entry);
        }
        JsonObject body = new JsonObject();
        body.add("manifest", files);
        return Json.compact(body);
    }

    @Test
    void theBodyIsTheManifestInPathOrder() {
        Manifest manifest = manifest(List.of(
                entry("/a.html", "0123456789abcdef0123456789abcdef", 0),
                entry("/b/c.css", "fedcba9876543210fedcba9876543210", 26_214_400)));
        assertEquals(
                "{\"manifest\":{\"/a.html\":{\"hash\":\"0123456789abcdef0123456789abcdef\",\"size\":0},"
                        + "\"/b/c.css\":{\"hash\":\"fedcba9876543210fedcba9876543210\",\"size\":26214400}}}",
                ManifestJson.uploadSessionRequest(manifest));
        assertEquals("{\"manifest\":{}}", ManifestJson.uploadSessionRequest(manifest(List.of())));
    }

    @Test
    void everyNameIsWrittenByteForByteAsTheTreeWriterWritesIt() {
        List<ManifestEntry> entries = new ArrayList<>();
        String[] names = {
            "/plain.txt",
            "/quote\".txt",
            "/back\\slash",
            "/tab\tnew\nline\r\u0001\u001f\u007f",
            "/caf\u00e9 \u2028\u2029.html",
            "/emoji \ud83d\ude00.png",
            "/lone \ud800 high",
            "/lone \udfff low",
            "/ends high \ud83d",
            "/\u0000"
        };
        for (int i = 0; i < names.length; i++) {
            entries.add(entry(names[i], String.format("%032x", i), i * 1000L));
        }
        Manifest manifest = manifest(entries);
        assertEquals(throughTheTree(manifest), ManifestJson.uploadSessionRequest(manifest));
    }
}
