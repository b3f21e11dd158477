package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Set;

/**
 * Type checks on the fields of a config object, each problem one line naming the file and the field:
 * {@code wrangler.json: kv_namespaces[0].id is "", expected the KV namespace's id}, or, for a missing field,
 * {@code wrangler.json: vectorize[0] has no index_name: expected the Vectorize index's name}. Every check returns
 * whether the value is usable.
 */
final class FieldReader {

    private final ConfigDocument doc;
    private final List<String> problems;
    private final List<ConfigWarning> warnings;

    FieldReader(ConfigDocument doc, List<String> problems, List<ConfigWarning> warnings) {
        this.doc = doc;
        this.problems = problems;
        this.warnings = warnings;
    }

    /** How messages name a field: {@code wrangler.json: kv_namespaces[0]}. */
    String at(String path) {
        return doc.displayName() + ": " + path;
    }

    void problem(String message) {
        problems.add(message);
    }

    void problems(List<String> messages) {
        problems.addAll(messages);
    }

    /** How many problems are known so far: a reader compares it before and after a field. */
    int problemCount() {
        return problems.size();
    }

    void warn(ConfigWarning.Code code, String message) {
        warnings.add(new ConfigWarning(code, message));
    }

    String describe(JsonElement value) {
        return Values.describe(value, doc.isTomlDate(value));
    }

    boolean isTomlDate(JsonElement value) {
        return doc.isTomlDate(value);
    }

    boolean isString(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isString() && !doc.isTomlDate(value);
    }

    static boolean isBoolean(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isBoolean();
    }

    static boolean isNumber(JsonElement value) {
        return value instanceof JsonPrimitive p && p.isNumber();
    }

    /** {@code value} as an object, or {@code null} after a problem. */
    JsonObject object(JsonElement value, String path, String expected) {
        if (value instanceof JsonObject object) {
            return object;
        }
        problems.add(at(path) + " is " + describe(value) + ", expected " + expected);
        return null;
    }

    /** {@code value} as a list, or {@code null} after a problem. */
    JsonArray array(JsonElement value, String path, String expected) {
        if (value instanceof JsonArray array) {
            return array;
        }
        problems.add(at(path) + " is " + describe(value) + ", expected " + expected);
        return null;
    }

    /** A field that must be a string (non-empty). */
    boolean requiredString(JsonObject object, String path, String field, String what) {
        if (!object.has(field)) {
            problems.add(at(path) + " has no " + field + ": expected " + what);
            return false;
        }
        return optionalString(object, path, field, what);
    }

    /** A field that, when present, must be a non-empty string. */
    boolean optionalString(JsonObject object, String path, String field, String what) {
        return optionalString(object, path, field, what, false);
    }

    /** A field that, when present, must be a string (empty allowed). */
    boolean optionalAnyString(JsonObject object, String path, String field, String what) {
        return optionalString(object, path, field, what, true);
    }

    private boolean optionalString(JsonObject object, String path, String field, String what, boolean emptyAllowed) {
        JsonElement value = object.get(field);
        if (value == null
                || isString(value) && (emptyAllowed || !value.getAsString().isEmpty())) {
            return true;
        }
        problems.add(at(path + "." + field) + " is " + describe(value) + ", expected " + what);
        return false;
    }

    /** {@code value} must be true or false. */
    boolean bool(JsonElement value, String path) {
        if (isBoolean(value)) {
            return true;
        }
        problems.add(at(path) + " is " + describe(value) + ", expected true or false");
        return false;
    }

    boolean optionalBoolean(JsonObject object, String path, String field) {
        JsonElement value = object.get(field);
        return value == null || bool(value, path + "." + field);
    }

    boolean optionalNumber(JsonObject object, String path, String field, String what) {
        JsonElement value = object.get(field);
        if (value == null || isNumber(value)) {
            return true;
        }
        problems.add(at(path + "." + field) + " is " + describe(value) + ", expected " + what);
        return false;
    }

    boolean optionalObject(JsonObject object, String path, String field, String what) {
        JsonElement value = object.get(field);
        return value == null || object(value, path + "." + field, what) != null;
    }

    /** A field that, when present, must be a list of strings. */
    boolean optionalStrings(JsonObject object, String path, String field, String what) {
        JsonElement value = object.get(field);
        if (value == null) {
            return true;
        }
        return strings(value, path + "." + field, what);
    }

    /** {@code value} must be a list of strings. */
    boolean strings(JsonElement value, String path, String what) {
        JsonArray array = array(value, path, what);
        if (array == null) {
            return false;
        }
        boolean ok = true;
        for (int i = 0; i < array.size(); i++) {
            if (!isString(array.get(i))) {
                problems.add(at(path + "[" + i + "]") + " is " + describe(array.get(i)) + ", expected a string");
                ok = false;
            }
        }
        return ok;
    }

    /** Fields wrangler does not know for this object: ignored, with a warning (as wrangler warns). */
    void unknownFields(JsonObject object, String path, Set<String> known) {
        for (String field : object.keySet()) {
            if (!known.contains(field)) {
                warnings.add(new ConfigWarning(
                        ConfigWarning.Code.UNKNOWN_FIELD,
                        doc.displayName() + ": unknown field " + path + "." + field + " (ignored)"));
            }
        }
    }
}
