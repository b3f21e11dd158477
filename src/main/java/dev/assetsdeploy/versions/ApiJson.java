package dev.assetsdeploy.versions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reading fields of the API's answers that may be missing or of another type: absent comes back as {@code null}. */
final class ApiJson {

    private ApiJson() {}

    static JsonObject object(JsonObject parent, String field) {
        return parent != null && parent.get(field) instanceof JsonObject o ? o : null;
    }

    static String string(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    static Integer integer(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isNumber()
                ? value.getAsInt()
                : null;
    }

    static BigDecimal number(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isNumber()
                ? value.getAsBigDecimal()
                : null;
    }

    static boolean isTrue(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                && value.isJsonPrimitive()
                && value.getAsJsonPrimitive().isBoolean()
                && value.getAsBoolean();
    }

    /** The objects of an array field, skipping anything else in it. */
    static List<JsonObject> objects(JsonObject parent, String field) {
        List<JsonObject> out = new ArrayList<>();
        if (parent != null && parent.get(field) instanceof JsonArray array) {
            array.forEach(e -> {
                if (e instanceof JsonObject o) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    /** The strings of an array field, skipping anything else in it. */
    static List<String> strings(JsonObject parent, String field) {
        List<String> out = new ArrayList<>();
        if (parent != null && parent.get(field) instanceof JsonArray array) {
            array.forEach(e -> {
                if (e.isJsonPrimitive()) {
                    out.add(e.getAsString());
                }
            });
        }
        return out;
    }
}
