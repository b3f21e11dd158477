package dev.assetsdeploy.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reading fields of the API's answers that may be missing or of another type: absent comes back as {@code null}. */
public final class ApiJson {

    private ApiJson() {}

    public static JsonObject object(JsonObject parent, String field) {
        return parent != null && parent.get(field) instanceof JsonObject o ? o : null;
    }

    public static String string(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }

    public static Integer integer(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isNumber()
                ? value.getAsInt()
                : null;
    }

    public static BigDecimal number(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isNumber()
                ? value.getAsBigDecimal()
                : null;
    }

    /** A boolean field's value, {@code null} when it is missing or not a boolean. */
    public static Boolean bool(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        return value != null
                        && value.isJsonPrimitive()
                        && value.getAsJsonPrimitive().isBoolean()
                ? value.getAsBoolean()
                : null;
    }

    public static boolean isTrue(JsonObject parent, String field) {
        return Boolean.TRUE.equals(bool(parent, field));
    }

    /** The objects of an array field, skipping anything else in it. */
    public static List<JsonObject> objects(JsonObject parent, String field) {
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
    public static List<String> strings(JsonObject parent, String field) {
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
