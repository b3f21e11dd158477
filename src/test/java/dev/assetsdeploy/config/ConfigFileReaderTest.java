package dev.assetsdeploy.config;

import static dev.assetsdeploy.Failures.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileReaderTest {

    @TempDir
    Path dir;

    private ConfigDocument read(String fileName, String text) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return ConfigFileReader.read(file, fileName);
    }

    private String error(String fileName, String text) {
        AssetsDeployException e = assertThrows(AssetsDeployException.class, () -> read(fileName, text));
        assertEquals(Kind.INVALID_INPUT, e.kind(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void wranglerJsonIsReadAsJsoncLikeWranglerDoes() throws IOException {
        ConfigDocument doc = read("wrangler.json", "{\"name\": \"a\", // c\n}");
        assertEquals("a", doc.root().get("name").getAsString());
    }

    @Test
    void jsonSyntaxErrorsNameFileLineAndColumn() {
        assertEquals(
                "wrangler.jsonc:3:3: JSON syntax error: unexpected character",
                error("wrangler.jsonc", "{\n  \"name\": \"a\",\n  ,\n}"));
        assertEquals(
                "wrangler.jsonc:2:15: JSON syntax error: unterminated object",
                error("wrangler.jsonc", "{\n  \"name\": \"a\" \"main\": \"b\"\n}"));
    }

    @Test
    void aFileThatEndsTooSoonSaysWhatWasExpectedAndWhatIsNotClosed() {
        assertEquals(
                "wrangler.json:1:13: JSON syntax error: the file ends before the object that starts at 1:1 is closed:"
                        + " expected , or }",
                error("wrangler.json", "{\"name\": \"x\""));
        assertEquals(
                "wrangler.json:2:12: JSON syntax error: the file ends before the object that starts at 2:11 is closed:"
                        + " expected a \"name\" or }",
                error("wrangler.json", "{\"name\": \"x\",\n\"assets\": {"));
        assertEquals(
                "wrangler.json:1:10: JSON syntax error: the file ends before the object that starts at 1:1 is closed:"
                        + " expected a value",
                error("wrangler.json", "{\"name\": "));
        assertEquals(
                "wrangler.jsonc:1:39: JSON syntax error: the file ends before the array that starts at 1:25 is closed:"
                        + " expected a value or ]",
                error("wrangler.jsonc", "{\"compatibility_flags\": [ // a comment"));
        assertEquals(
                "wrangler.json:1:30: JSON syntax error: the file ends before the array that starts at 1:25 is closed:"
                        + " expected a value or ]",
                error("wrangler.json", "{\"compatibility_flags\": [\"a\","));
        assertEquals(
                "wrangler.json:2:1: JSON syntax error: the file ends before the object that starts at 1:1 is closed:"
                        + " expected :",
                error("wrangler.json", "{\"name\"\n"));
    }

    @Test
    void positionsCountCommentsThatWereRemoved() {
        assertEquals(
                "wrangler.jsonc:2:28: JSON syntax error: unexpected character",
                error("wrangler.jsonc", "{ /* one */\n  \"a\": 1, /* two */ \"b\": 2,, \n}"));
        assertEquals(
                "wrangler.jsonc:2:21: JSON syntax error: unexpected character",
                error("wrangler.jsonc", "{ /* one */\n  \"a\": 1, /* two */ 2 }"));
    }

    @Test
    void unterminatedCommentNamesItsPosition() {
        assertEquals("wrangler.jsonc:2:3: unterminated /* comment", error("wrangler.jsonc", "{\n  /* open\n}"));
    }

    @Test
    void emptyAndNonObjectFilesAreRefused() {
        assertEquals("wrangler.json is empty: it needs at least {}", error("wrangler.json", "  // nothing\n"));
        assertEquals("wrangler.json: the top level is a list, expected an object {...}", error("wrangler.json", "[1]"));
    }

    @Test
    void textAfterTheTopLevelObjectIsRefused() {
        String message = error("wrangler.json", "{}\n{}");
        assertTrue(message.startsWith("wrangler.json:2:"), message);
    }

    @Test
    void utf8ByteOrderMarkIsSkippedOthersAreRefused() throws IOException {
        Path file = dir.resolve("wrangler.json");
        Files.write(file, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'});
        assertEquals(0, ConfigFileReader.read(file, "wrangler.json").root().size());
        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, '{', 0, '}', 0});
        assertFails(
                Kind.INVALID_INPUT,
                "wrangler.json:1:1: the file is UTF-16 (byte order mark): save it as UTF-8 without"
                        + " a byte order mark",
                () -> ConfigFileReader.read(file, "wrangler.json"));
    }

    @Test
    void tomlBecomesTheSameTreeAsJson() throws IOException {
        ConfigDocument doc = read("wrangler.toml", """
                name = "site"
                compatibility_flags = ["nodejs_compat"]
                "dotted.key" = 1

                [assets]
                directory = "./public"
                run_worker_first = ["/api/*"]

                [env.staging]
                name = "site-stg"
                """);
        assertEquals("site", doc.root().get("name").getAsString());
        assertEquals(
                "nodejs_compat",
                doc.root().getAsJsonArray("compatibility_flags").get(0).getAsString());
        assertEquals(1, doc.root().get("dotted.key").getAsInt());
        assertEquals(
                "/api/*",
                doc.root()
                        .getAsJsonObject("assets")
                        .getAsJsonArray("run_worker_first")
                        .get(0)
                        .getAsString());
        assertEquals(
                "site-stg",
                doc.root()
                        .getAsJsonObject("env")
                        .getAsJsonObject("staging")
                        .get("name")
                        .getAsString());
    }

    @Test
    void tomlDatesAreMarkedSoTheyAreNotTakenForStrings() throws IOException {
        ConfigDocument doc = read("wrangler.toml", "compatibility_date = 2025-01-01\nname = \"2025-01-01\"\n");
        assertTrue(doc.isTomlDate(doc.root().get("compatibility_date")));
        assertEquals("2025-01-01", doc.root().get("compatibility_date").getAsString());
        assertFalse(doc.isTomlDate(doc.root().get("name")));
    }

    @Test
    void tomlSyntaxErrorsNameFileLineAndColumn() {
        String message = error("wrangler.toml", "name = \"site\"\n\n[assets\ndirectory = \"p\"\n");
        assertTrue(message.startsWith("wrangler.toml:3:"), message);
        assertTrue(message.contains("TOML syntax error: "), message);
        assertEquals(
                "wrangler.toml:2:1: TOML syntax error: name previously defined at line 1, column 1",
                error("wrangler.toml", "name = \"a\"\nname = \"b\"\n"));
    }
}
