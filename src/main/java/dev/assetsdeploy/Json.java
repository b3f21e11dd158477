package dev.assetsdeploy;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One JSON setup for everything the tool prints or sends: no HTML escaping, nulls kept.
 *
 * <p>A tree ({@link #compact}, {@link #pretty}) is written as JavaScript's {@code JSON.stringify} writes it, because
 * that is what wrangler sends: numbers in JavaScript's form ({@link JsNumber}), U+2028 and U+2029 left raw, lone
 * surrogates escaped as a backslash-u escape. Gson's own writer differs on all three (it escapes U+2028/U+2029 always and
 * cannot be overridden for {@code JsonElement}), so the tree writer is ours; the Gson instances serve streaming and
 * object serialization, where none of that arises.
 */
public final class Json {

    /*
     * Built at first use, not with this class: a Gson instance loads and sets up some 120 classes of adapters,
     * and most runs only read and write trees (which need none of them) before their first request.
     */
    private static final class Instances {
        static final Gson COMPACT =
                new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
        static final Gson PRETTY = new GsonBuilder()
                .disableHtmlEscaping()
                .serializeNulls()
                .setPrettyPrinting()
                .create();
    }

    /** Gson with no HTML escaping and nulls kept, for streaming and object serialization. */
    public static Gson gson() {
        return Instances.COMPACT;
    }

    /** {@link #gson()} with Gson's pretty printing. */
    public static Gson prettyGson() {
        return Instances.PRETTY;
    }

    private static final String INDENT = "  ";

    private Json() {}

    /** {@code JSON.stringify(json)}. */
    public static String compact(JsonElement json) {
        StringBuilder out = new StringBuilder();
        write(json, out, null, 0);
        return out.toString();
    }

    /** {@code JSON.stringify(json)} laid out as Gson's pretty printer does (two spaces, {@code "key": value}). */
    public static String pretty(JsonElement json) {
        StringBuilder out = new StringBuilder();
        write(json, out, INDENT, 0);
        return out.toString();
    }

    /** A string as {@code JSON.stringify} writes it, quotes included. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        string(s, out);
        return out.toString();
    }

    /** Appends {@link #quote}{@code (s)} to {@code out}, for a writer of its own (a manifest of 100,000 entries). */
    public static void quote(String s, StringBuilder out) {
        string(s, out);
    }

    private static void write(JsonElement json, StringBuilder out, String indent, int depth) {
        if (json == null || json.isJsonNull()) {
            out.append("null");
        } else if (json instanceof JsonPrimitive p) {
            if (p.isString()) {
                string(p.getAsString(), out);
            } else if (p.isNumber()) {
                out.append(JsNumber.json(p.getAsNumber()));
            } else {
                out.append(p.getAsBoolean());
            }
        } else if (json instanceof JsonArray array) {
            out.append('[');
            Iterator<JsonElement> items = array.iterator();
            while (items.hasNext()) {
                newline(out, indent, depth + 1);
                write(items.next(), out, indent, depth + 1);
                if (items.hasNext()) {
                    out.append(',');
                }
            }
            if (!array.isEmpty()) {
                newline(out, indent, depth);
            }
            out.append(']');
        } else {
            JsonObject object = json.getAsJsonObject();
            out.append('{');
            Iterator<Map.Entry<String, JsonElement>> fields = object.entrySet().iterator();
            while (fields.hasNext()) {
                Map.Entry<String, JsonElement> field = fields.next();
                newline(out, indent, depth + 1);
                string(field.getKey(), out);
                out.append(indent == null ? ":" : ": ");
                write(field.getValue(), out, indent, depth + 1);
                if (fields.hasNext()) {
                    out.append(',');
                }
            }
            if (!object.isEmpty()) {
                newline(out, indent, depth);
            }
            out.append('}');
        }
    }

    private static void newline(StringBuilder out, String indent, int depth) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(depth));
        }
    }

    /** ECMA-262 QuoteJSONString; the runs between the characters it escapes are copied whole. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            out.append(s, run, i);
            run = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || lone(s, i)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append(s, run, s.length());
        out.append('"');
    }

    /** A surrogate that is not half of a pair. */
    private static boolean lone(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
