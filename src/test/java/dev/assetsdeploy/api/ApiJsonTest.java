package dev.assetsdeploy.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    private static final JsonObject ANSWER = JsonParser.parseString(
                    "{\"id\":\"v1\",\"n\":7,\"on\":true,\"off\":false,\"text\":\"true\",\"meta\":{\"etag\":\"e\"},"
                            + "\"list\":[{\"a\":1},\"x\",2,{\"b\":2}],\"names\":[\"a\",{\"b\":1},3],\"nul\":null}")
            .getAsJsonObject();

    @Test
    void fieldsOfTheRightTypeAreRead() {
        assertEquals("v1", ApiJson.string(ANSWER, "id"));
        assertEquals("7", ApiJson.string(ANSWER, "n"), "a number is read as its text, as wrangler's String(x)");
        assertEquals(7, ApiJson.integer(ANSWER, "n"));
        assertEquals("e", ApiJson.string(ApiJson.object(ANSWER, "meta"), "etag"));
        assertEquals(Boolean.TRUE, ApiJson.bool(ANSWER, "on"));
        assertEquals(Boolean.FALSE, ApiJson.bool(ANSWER, "off"));
        assertTrue(ApiJson.isTrue(ANSWER, "on"));
        assertEquals(2, ApiJson.objects(ANSWER, "list").size());
        assertEquals(List.of("a", "3"), ApiJson.strings(ANSWER, "names"));
    }

    @Test
    void missingNullOrOtherTypesComeBackAsNothing() {
        assertNull(ApiJson.string(ANSWER, "meta"));
        assertNull(ApiJson.string(ANSWER, "nul"));
        assertNull(ApiJson.integer(ANSWER, "id"));
        assertNull(ApiJson.object(ANSWER, "id"));
        assertNull(ApiJson.bool(ANSWER, "text"), "the string \"true\" is not a boolean");
        assertFalse(ApiJson.isTrue(ANSWER, "text"));
        assertFalse(ApiJson.isTrue(ANSWER, "missing"));
        assertEquals(List.of(), ApiJson.objects(ANSWER, "id"));
    }

    @Test
    void aMissingParentIsNothingToo() {
        assertNull(ApiJson.string(null, "id"));
        assertNull(ApiJson.object(null, "meta"));
        assertNull(ApiJson.bool(null, "on"));
        assertNull(ApiJson.number(null, "n"));
        assertEquals(List.of(), ApiJson.objects(null, "list"));
        assertEquals(List.of(), ApiJson.strings(null, "names"));
    }
}
