package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    /** The table as a file, for reading its rows (the same bytes the class path serves). */
    static final Path TABLE = Path.of("src/main/resources/dev/assetsdeploy/manifest/mime-types.tsv");

    static final String RECORDED_SHA256 = "a92a1ff4665da97dab874af90a9371d0afb7fafc478e6c7b00c0ce7df9f7335e";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            value = {
                "index.html|text/html; charset=utf-8",
                "INDEX.HTML|text/html; charset=utf-8",
                "Style.Css|text/css; charset=utf-8",
                "app.js|text/javascript; charset=utf-8",
                "data.json|application/json",
                "logo.PNG|image/png",
                "a.tar.gz|application/gzip",
                "module.wasm|application/wasm",
                "LICENSE|application/null",
                ".htaccess|application/null",
                ".png|application/null",
                "file.|application/null",
                "..png|image/png",
                "x.unknownext|application/null",
                "back\\slash.txt|text/plain; charset=utf-8",
                "odd\\.txt|application/null",
            },
            delimiter = '|')
    void wireTypeAsWranglerSendsIt(String name, String wire) {
        String type = ContentTypes.forFileName(name);
        assertEquals(wire, type == null ? ContentTypes.NULL_TYPE : type);
    }

    @Test
    void everyRowOfTheMimeTableWithTheCharsetRule() throws IOException {
        List<String> rows = Files.readAllLines(TABLE, StandardCharsets.UTF_8);
        int checked = 0;
        for (String row : rows) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cols = row.split("\t");
            String expected =
                    cols[1].startsWith("text/") && !cols[1].contains("charset") ? cols[1] + "; charset=utf-8" : cols[1];
            assertEquals(expected, ContentTypes.forFileName("f." + cols[0]), cols[0]);
            assertEquals(
                    expected, ContentTypes.forFileName("F." + cols[0].toUpperCase(java.util.Locale.ROOT)), cols[0]);
            checked++;
        }
        assertEquals(true, checked > 1000, "rows checked: " + checked);
    }

    /**
     * The resource is the table recorded from wrangler's {@code mime} 4.0.7 (the shared fixture
     * {@code mime-types.tsv}, byte for byte); an edit to it must be a deliberate re-recording.
     */
    @Test
    void theResourceIsTheTableRecordedFromWrangler() throws Exception {
        try (InputStream in = ContentTypes.class.getResourceAsStream("mime-types.tsv")) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            assertEquals(RECORDED_SHA256, HexFormat.of().formatHex(digest));
        }
    }
}
