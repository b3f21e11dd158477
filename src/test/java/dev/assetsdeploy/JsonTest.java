package dev.assetsdeploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.junit.jupiter.api.Test;

class JsonTest {

    /** What JSON.stringify leaves raw and what it escapes (Node 22 printed the expected text). */
    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        String text = "a<b>&'\"\u00e9/\t\u0001\u007f\u2028\u2029\\\b\f\n\r\ud83d\ude00";
        assertEquals(
                "\"a<b>&'\\\"\u00e9/\\t\\u0001\u007f\u2028\u2029\\\\\\b\\f\\n\\r\ud83d\ude00\"",
                Json.compact(new JsonPrimitive(text)));
    }

    @Test
    void loneSurrogatesAreEscapedInLowerCase() {
        assertEquals("\"\\ud800x\\udfff\"", Json.compact(new JsonPrimitive("\ud800x\udfff")));
    }

    @Test
    void escapesAtEitherEndAndSideBySideAreWrittenAsInTheMiddle() {
        assertEquals("\"\\\"x\\\\\"", Json.quote("\"x\\"));
        assertEquals("\"\\n\\n\\ud800\\ud800\"", Json.quote("\n\n\ud800\ud800"));
        assertEquals("\"\"", Json.quote(""));
        StringBuilder out = new StringBuilder("[");
        Json.quote("a\u0000b", out);
        assertEquals("[\"a\\u0000b\"", out.toString());
    }

    @Test
    void keysAreEscapedLikeValues() {
        JsonObject object = new JsonObject();
        object.addProperty("line\u2028sep", 1);
        assertEquals("{\"line\u2028sep\":1}", Json.compact(object));
    }

    @Test
    void compactKeepsOrderAndNulls() {
        assertEquals(
                "{\"z\":null,\"a\":{\"b\":[true,false,1.5]},\"e\":[],\"o\":{}}",
                Json.compact(JsonParser.parseString("{\"z\":null,\"a\":{\"b\":[true,false,1.50]},\"e\":[],\"o\":{}}")));
    }

    @Test
    void prettyIsLaidOutAsGsonLaysItOut() {
        JsonObject object = JsonParser.parseString("{\"a\":[1,{\"b\":\"x\"}],\"e\":[],\"o\":{},\"n\":null}")
                .getAsJsonObject();
        assertEquals(Json.prettyGson().toJson(object), Json.pretty(object));
        assertEquals("[]", Json.pretty(new JsonArray()));
    }
}
