package dev.assetsdeploy.manifest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.fixtures.SharedFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentTypesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(value = {
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
    }, delimiter = '|')
    void wireTypeAsWranglerSendsIt(String name, String wire) {
        String type = ContentTypes.forFileName(name);
        assertEquals(wire, type == null ? ContentTypes.NULL_TYPE : type);
    }

    @Test
    void everyRowOfTheMimeTableWithTheCharsetRule() throws IOException {
        List<String> rows = Files.readAllLines(SharedFixtures.dir().resolve("mime-types.tsv"), StandardCharsets.UTF_8);
        int checked = 0;
        for (String row : rows) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cols = row.split("\t");
            String expected = cols[1].startsWith("text/") && !cols[1].contains("charset") ? cols[1] + "; charset=utf-8" : cols[1];
            assertEquals(expected, ContentTypes.forFileName("f." + cols[0]), cols[0]);
            assertEquals(expected, ContentTypes.forFileName("F." + cols[0].toUpperCase(java.util.Locale.ROOT)), cols[0]);
            checked++;
        }
        assertEquals(true, checked > 1000, "rows checked: " + checked);
    }

    @Test
    void theProjectResourceIsTheFixtureTable() throws IOException {
        try (InputStream in = ContentTypes.class.getResourceAsStream("mime-types.tsv")) {
            assertArrayEquals(Files.readAllBytes(SharedFixtures.dir().resolve("mime-types.tsv")), in.readAllBytes());
        }
    }
}
