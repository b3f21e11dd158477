package dev.assetsdeploy.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsoncTextTest {

    private static JsonObject parse(String jsonc) throws Exception {
        return JsonParser.parseString(JsoncText.toJson(jsonc)).getAsJsonObject();
    }

    @Test
    void lineAndBlockCommentsAreRemoved() throws Exception {
        JsonObject o = parse("""
                {
                  // the Worker
                  "name": "site", /* inline */ "main": "a.js"
                  /* a block
                     over lines */
                }
                """);
        assertEquals("site", o.get("name").getAsString());
        assertEquals("a.js", o.get("main").getAsString());
        assertEquals(2, o.size());
    }

    @Test
    void trailingCommasInObjectsAndArraysAreRemoved() throws Exception {
        JsonObject o = parse("{\"flags\": [\"a\", \"b\",], \"assets\": {\"directory\": \"./p\",\n},\n}");
        assertEquals(2, o.getAsJsonArray("flags").size());
        assertEquals("./p", o.getAsJsonObject("assets").get("directory").getAsString());
    }

    @Test
    void trailingCommaBeforeACommentIsRemoved() throws Exception {
        JsonObject o = parse("{\"a\": 1, // last one\n}");
        assertEquals(1, o.get("a").getAsInt());
    }

    @Test
    void commentMarkersAndCommasInsideStringsAreKept() throws Exception {
        JsonObject o = parse("{\"url\": \"https://example.com/a\", \"glob\": \"/api/*\", \"c\": \"x,}\","
                + " \"q\": \"say \\\"//hi\\\" /* no */\", \"end\": \"*/\"}");
        assertEquals("https://example.com/a", o.get("url").getAsString());
        assertEquals("/api/*", o.get("glob").getAsString());
        assertEquals("x,}", o.get("c").getAsString());
        assertEquals("say \"//hi\" /* no */", o.get("q").getAsString());
        assertEquals("*/", o.get("end").getAsString());
    }

    @Test
    void layoutIsKeptSoPositionsStillPointAtTheUsersText() throws Exception {
        String jsonc = "{ /* x */ \"a\": 1, // y\n \"b\": [1,],\n}";
        String json = JsoncText.toJson(jsonc);
        assertEquals(jsonc.length(), json.length());
        assertEquals(jsonc.indexOf('\n'), json.indexOf('\n'));
        assertEquals("{         \"a\": 1,     \n \"b\": [1 ] \n}", json);
    }

    @Test
    void aCommaThatFollowsNoValueIsLeftForGsonToReport() throws Exception {
        assertEquals("{\"a\": 1,, }", JsoncText.toJson("{\"a\": 1,, }"));
        assertEquals("[ ,]", JsoncText.toJson("[ ,]"));
        assertEquals("{\"a\": ,}", JsoncText.toJson("{\"a\": ,}"));
    }

    @Test
    void unterminatedBlockCommentIsReportedWhereItStarts() {
        JsoncText.UnterminatedCommentException e = assertThrows(
                JsoncText.UnterminatedCommentException.class, () -> JsoncText.toJson("{\n  \"a\": 1 /* open\n}"));
        assertEquals(2, e.line);
        assertEquals(10, e.column);
    }
}
