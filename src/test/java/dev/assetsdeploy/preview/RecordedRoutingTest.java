package dev.assetsdeploy.preview;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.manifest.ManifestBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays what {@code wrangler dev} (Cloudflare's asset-routing code run by workerd) answered for
 * each recorded request (src/test/record/preview/record.sh) and asserts the resolver gives the same
 * status, Location, Content-Type, Cache-Control, ETag presence, custom headers, 304 behaviour, and
 * Worker-or-assets decision.
 */
class RecordedRoutingTest {

    static final Path RECORDED = Path.of("src/test/resources/preview/recorded");
    static final Path SITES = Path.of("src/test/resources/preview/sites");
    /** Response headers that are about transport, not routing (as record.mjs leaves them out of "custom"). */
    static final Set<String> TRANSPORT = Set.of(
            "content-length",
            "date",
            "connection",
            "keep-alive",
            "transfer-encoding",
            "cf-cache-status",
            "etag",
            "content-type",
            "cache-control",
            "location",
            "x-served-by",
            "vary");

    private static int total;
    private static int matched;

    /** Every recording, in name order. */
    static List<Path> recordings() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(RECORDED)) {
            files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 20, "recordings present");
        return files;
    }

    @TestFactory
    Stream<DynamicTest> everyRecordedRequestRoutesAsWranglerDev() throws IOException {
        return recordings().stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> replay(file)));
    }

    @AfterAll
    static void summary() {
        System.out.println("[preview] " + matched + " of " + total + " recorded cases match");
    }

    static AssetRouter router(JsonObject recording) {
        JsonObject s = recording.getAsJsonObject("settings");
        AssetsSettings.RunWorkerFirst rwf = null;
        if (s.has("run_worker_first")) {
            JsonElement v = s.get("run_worker_first");
            rwf = v.isJsonPrimitive()
                    ? AssetsSettings.RunWorkerFirst.of(v.getAsBoolean())
                    : AssetsSettings.RunWorkerFirst.of(v.getAsJsonArray().asList().stream()
                            .map(JsonElement::getAsString)
                            .toList());
        }
        PreviewSettings settings = new PreviewSettings(
                htmlHandling(string(s, "html_handling")),
                notFoundHandling(string(s, "not_found_handling")),
                string(s, "compatibility_date"),
                s.getAsJsonArray("compatibility_flags").asList().stream()
                        .map(JsonElement::getAsString)
                        .toList(),
                s.get("worker").getAsBoolean(),
                rwf);
        Path site = SITES.resolve(recording.get("site").getAsString());
        return new AssetRouter(PreviewSite.load(new ManifestBuilder(100_000, 2).build(site), settings));
    }

    private static void replay(Path file) throws IOException {
        JsonObject recording = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8))
                .getAsJsonObject();
        AssetRouter router = router(recording);
        List<String> mismatches = new ArrayList<>();
        for (JsonElement element : recording.getAsJsonArray("cases")) {
            JsonObject c = element.getAsJsonObject();
            PreviewRequest request = request(c, Map.of());
            PreviewResponse response = router.resolve(request);
            Map<String, Object> expected = expected(c);
            Map<String, Object> actual = actual(response);
            if (c.has("inm") && !c.get("inm").isJsonNull()) {
                String etag = response.headers().get("ETag");
                JsonObject inm = c.getAsJsonObject("inm");
                expected.put(
                        "inm",
                        List.of(
                                inm.get("strong").getAsInt(),
                                inm.get("weak").getAsInt(),
                                inm.get("other").getAsInt()));
                actual.put(
                        "inm",
                        List.of(
                                router.resolve(request(c, Map.of("If-None-Match", etag)))
                                        .status(),
                                router.resolve(request(c, Map.of("If-None-Match", "W/" + etag)))
                                        .status(),
                                router.resolve(request(c, Map.of("If-None-Match", "\"not-the-etag\"")))
                                        .status()));
            }
            total++;
            if (expected.equals(actual)) {
                matched++;
            } else {
                mismatches.add(c.get("method").getAsString() + " "
                        + c.get("path").getAsString() + " " + c.get("headers") + "\n    wrangler dev: " + expected
                        + "\n    preview:      " + actual + "\n    steps: " + response.steps());
            }
        }
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches in " + file.getFileName() + ":\n" + String.join("\n", mismatches));
        }
    }

    static PreviewRequest request(JsonObject c, Map<String, String> extra) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        c.getAsJsonObject("headers")
                .entrySet()
                .forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
        headers.putAll(extra);
        String host = c.get("host").isJsonNull() ? "127.0.0.1" : c.get("host").getAsString();
        return new PreviewRequest(c.get("method").getAsString(), c.get("path").getAsString(), host + ":8787", headers);
    }

    /** What wrangler dev answered for case {@code c}: the routing summary each replay compares. */
    static Map<String, Object> expected(JsonObject c) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (c.get("worker").getAsBoolean()) {
            m.put("worker", true);
            return m;
        }
        m.put("status", c.get("status").getAsInt());
        m.put("location", string(c, "location"));
        m.put("contentType", string(c, "contentType"));
        m.put("cacheControl", string(c, "cacheControl"));
        m.put("etag", c.get("etag").getAsBoolean());
        Map<String, String> custom = new TreeMap<>();
        c.getAsJsonObject("custom")
                .entrySet()
                .forEach(e -> custom.put(e.getKey(), e.getValue().getAsString()));
        m.put("custom", custom);
        return m;
    }

    private static Map<String, Object> actual(PreviewResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (r.toWorker()) {
            m.put("worker", true);
            return m;
        }
        m.put("status", r.status());
        m.put("location", r.headers().get("Location"));
        m.put("contentType", r.headers().get("Content-Type"));
        m.put("cacheControl", r.headers().get("Cache-Control"));
        m.put("etag", r.headers().get("ETag") != null);
        Map<String, String> custom = new TreeMap<>();
        for (String name : r.headers().names()) {
            if (!TRANSPORT.contains(name)) {
                custom.put(name.toLowerCase(Locale.ROOT), r.headers().get(name));
            }
        }
        m.put("custom", custom);
        return m;
    }

    /** The mode a recording names by its config word ({@code null}: not set). */
    static AssetsSettings.HtmlHandling htmlHandling(String word) {
        return mode(AssetsSettings.HtmlHandling.values(), AssetsSettings.HtmlHandling::value, word);
    }

    static AssetsSettings.NotFoundHandling notFoundHandling(String word) {
        return mode(AssetsSettings.NotFoundHandling.values(), AssetsSettings.NotFoundHandling::value, word);
    }

    private static <M> M mode(M[] modes, Function<M, String> value, String word) {
        return word == null
                ? null
                : Arrays.stream(modes)
                        .filter(mode -> value.apply(mode).equals(word))
                        .findFirst()
                        .orElseThrow();
    }

    static String string(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : null;
    }
}
