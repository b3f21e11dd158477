package dev.assetsdeploy.cli;

import static dev.assetsdeploy.manifest.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.assetsdeploy.manifest.ManifestBuilder;
import dev.assetsdeploy.report.ManifestReport;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assets-deploy manifest} run in-process: stdout, stderr and exit codes. */
class ManifestCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        CliRun run = CliRun.execute(Map.of(), args);
        out = run.out();
        err = run.err();
        return run.code();
    }

    @BeforeEach
    void site() throws IOException {
        write(dir, "index.html", "<h1>hi</h1>");
        write(dir, "css/site.css", "body{}");
        write(dir, "LICENSE", "MIT");
        write(dir, "img/big.bin", new byte[5000]);
        write(dir, "_headers", "/*\n  X-Frame-Options: DENY\n");
        write(dir, ".assetsignore", "*.log\n");
        write(dir, "debug.log", "x");
    }

    private void assertOneErrorLine(String expected) {
        assertEquals("error: " + expected + System.lineSeparator(), err);
    }

    @Test
    void defaultReportShowsCountsLargestFilesAndIgnoredWithTheirRule() {
        assertEquals(0, run("manifest", dir.toString()));
        String nl = System.lineSeparator();
        assertEquals(
                String.join(
                        nl,
                        dir.toAbsolutePath() + ": 4 files, 4.9 KiB (5,020 bytes)",
                        "",
                        "Largest files:",
                        "     4.9 KiB  /img/big.bin",
                        "        11 B  /index.html",
                        "         6 B  /css/site.css",
                        "         3 B  /LICENSE",
                        "",
                        "Ignored (3):",
                        "  /.assetsignore  always ignored: /.assetsignore",
                        "  /_headers       always ignored: /_headers",
                        "  /debug.log      .assetsignore:1: *.log",
                        ""),
                out,
                "no Files: list without --verbose, no Warnings section without warnings");
        assertEquals("", err);
    }

    @Test
    void verboseListsEveryFileWithSizeHashAndContentType() {
        assertEquals(0, run("manifest", "--verbose", dir.toString()));
        var manifest = new ManifestBuilder().build(dir);
        for (var e : manifest.entries()) {
            assertTrue(
                    out.lines()
                            .anyMatch(l -> l.startsWith("  " + e.path() + " ")
                                    && l.matches(".*\\s" + String.format("%,d", e.size()) + "  " + e.hash() + "  "
                                            + java.util.regex.Pattern.quote(e.wireContentType()) + "$")),
                    e.path() + " in\n" + out);
        }
        assertTrue(out.contains("  /LICENSE  ") && out.contains("application/null"), out);
        assertTrue(out.contains("text/html; charset=utf-8"), out);
    }

    @Test
    void jsonIsOneDocumentOnStdoutAndNothingElse() throws IOException {
        write(dir, ".env", "SECRET=1");
        assertEquals(0, run("manifest", "--json", dir.toString()));
        assertEquals("", err);
        JsonReader reader = new JsonReader(new StringReader(out));
        JsonElement doc = JsonParser.parseReader(reader);
        assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "nothing after the document");

        JsonObject o = doc.getAsJsonObject();
        assertEquals(
                java.util.List.of("manifest", "files", "ignored", "warnings", "totals"),
                o.keySet().stream().toList());
        assertEquals(ManifestReport.json(new ManifestBuilder().build(dir)), o);
        assertEquals(5, o.getAsJsonObject("manifest").size());
        JsonObject license = o.getAsJsonArray("files").asList().stream()
                .map(JsonElement::getAsJsonObject)
                .filter(f -> f.get("path").getAsString().equals("/LICENSE"))
                .findFirst()
                .orElseThrow();
        assertEquals("application/null", license.get("contentType").getAsString());
        assertEquals(3, license.get("size").getAsInt());
        assertEquals(
                JsonParser.parseString("{\"files\":5,\"bytes\":5028,\"ignored\":3,\"warnings\":1}"), o.get("totals"));
        assertEquals(
                "sensitive-file",
                o.getAsJsonArray("warnings")
                        .get(0)
                        .getAsJsonObject()
                        .get("code")
                        .getAsString());
    }

    @Test
    void outWritesExactlyTheUploadSessionBody() throws IOException {
        Files.delete(dir.resolve("img/big.bin"));
        Files.delete(dir.resolve("css/site.css"));
        Path body = dir.resolveSibling(dir.getFileName() + "-body.json");
        assertEquals(0, run("manifest", dir.toString(), "--out", body.toString(), "--quiet"));
        var m = new ManifestBuilder().build(dir);
        String expected = "{\"manifest\":{"
                + "\"/LICENSE\":{\"hash\":\""
                + m.entry("/LICENSE").orElseThrow().hash() + "\",\"size\":3},"
                + "\"/index.html\":{\"hash\":\""
                + m.entry("/index.html").orElseThrow().hash() + "\",\"size\":11}}}";
        assertEquals(expected, Files.readString(body, StandardCharsets.UTF_8));
        Files.delete(body);
    }

    @Test
    void outToAnImpossiblePathIsInvalidInput() {
        assertEquals(
                3,
                run(
                        "manifest",
                        dir.toString(),
                        "--out",
                        dir.resolve("no/such/dir/body.json").toString()));
        assertTrue(err.startsWith("error: cannot write --out " + dir.resolve("no/such/dir/body.json")), err);
        assertEquals(1, err.lines().count(), err);
    }

    @Test
    void strictTurnsWarningsIntoExit3AfterTheReport() throws IOException {
        write(dir, "wrangler.toml", "name = 'x'");
        assertEquals(0, run("manifest", dir.toString()));
        assertTrue(out.contains("Warnings (1):"), out);
        assertEquals(3, run("manifest", "--strict", dir.toString()));
        assertTrue(
                out.contains("/wrangler.toml looks private and would be published: add the line 'wrangler.toml'"), out);
        assertOneErrorLine("1 warning with --strict: fix them (see above), or run without --strict");
    }

    @Test
    void strictWithoutWarningsSucceeds() {
        assertEquals(0, run("manifest", "--strict", dir.toString()));
    }

    @Test
    void unknownFlagIsBadUsageWithAShortMessage() {
        assertEquals(2, run("manifest", "--bogus", dir.toString()));
        assertEquals("", out);
        assertTrue(err.startsWith("error: Unknown option: '--bogus'"), err);
        assertTrue(
                err.lines().count() <= 5,
                "the error, the synopsis (up to three lines), the hint; not the help: " + err);
    }

    @Test
    void maxFilesBelowOneIsBadUsage() {
        assertEquals(2, run("manifest", "--max-files", "0", dir.toString()));
        assertTrue(err.startsWith("error: --max-files must be at least 1, not 0"), err);
    }

    @Test
    void maxFilesExceededIsInvalidInput() {
        assertEquals(3, run("manifest", "--max-files", "3", dir.toString()));
        assertOneErrorLine(dir.toAbsolutePath() + " has 4 files, over the limit of 3 (--max-files): Workers take"
                + " 20,000 assets per version (100,000 on paid plans); leave files out with .assetsignore"
                + " or raise --max-files");
    }

    @Test
    void missingFolderIsOneLineAndExit3() {
        assertEquals(3, run("manifest", dir.resolve("missing").toString()));
        assertOneErrorLine("assets folder " + dir.resolve("missing") + " does not exist: check the path");
        assertEquals("", out);
    }

    @Test
    void aFileAsTheFolderIsOneLineAndExit3() {
        assertEquals(3, run("manifest", dir.resolve("index.html").toString()));
        assertOneErrorLine("assets folder " + dir.resolve("index.html")
                + " is a file, not a folder: give the folder that holds your static files");
    }

    @Test
    void badAssetsignoreEncodingIsOneLineAndExit3() throws IOException {
        write(dir, ".assetsignore", new byte[] {'*', '.', 'l', 'o', 'g', '\n', (byte) 0xc3, '(', '\n'});
        assertEquals(3, run("manifest", "--json", dir.toString()));
        assertOneErrorLine(dir.resolve(".assetsignore") + " must be UTF-8 text without NUL characters:"
                + " save it as UTF-8 and try again");
        assertEquals("", out);
    }

    @Test
    void stacktraceOnlyWhenAskedFor() {
        assertEquals(3, run("manifest", "--stacktrace", dir.resolve("missing").toString()));
        assertTrue(err.contains("at dev.assetsdeploy.manifest.ManifestBuilder"), err);
    }
}
