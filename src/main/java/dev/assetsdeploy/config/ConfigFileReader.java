package dev.assetsdeploy.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.internal.Streams;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.assetsdeploy.AssetsDeployException;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads {@code wrangler.json}, {@code wrangler.jsonc} or {@code wrangler.toml} into a
 * {@link ConfigDocument}. Like wrangler: {@code .json} and {@code .jsonc} are both read as JSONC;
 * a UTF-8 byte order mark is skipped, UTF-16/32 ones are refused. Syntax errors name
 * {@code file:line:column}.
 */
final class ConfigFileReader {

    private static final Pattern GSON_POSITION =
            Pattern.compile("^(.*?) at line (\\d+) column (\\d+)(?: path \\S*)?", Pattern.DOTALL);

    private ConfigFileReader() {}

    static boolean isConfigFileName(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".json") || name.endsWith(".jsonc") || name.endsWith(".toml");
    }

    static ConfigDocument read(Path file, String displayName) {
        String text = decode(file, displayName);
        String name = file.getFileName().toString();
        if (name.endsWith(".toml")) {
            return readToml(file, displayName, text);
        }
        return new ConfigDocument(file, displayName, readJsonc(displayName, text), Set.of());
    }

    private static String decode(Path file, String displayName) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read " + displayName + ": " + e.getMessage(), e);
        }
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            throw wrongEncoding(displayName, "UTF-32");
        }
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw wrongEncoding(displayName, "UTF-16");
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw AssetsDeployException.invalidInput(displayName + " is not valid UTF-8: save it as UTF-8", e);
        }
    }

    private static AssetsDeployException wrongEncoding(String displayName, String encoding) {
        return AssetsDeployException.invalidInput(displayName + ":1:1: the file is " + encoding
                + " (byte order mark): save it as UTF-8 without a byte order mark");
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static JsonObject readJsonc(String displayName, String text) {
        String json;
        try {
            json = JsoncText.toJson(text);
        } catch (JsoncText.UnterminatedCommentException e) {
            throw syntaxError(displayName, e.line, e.column, e.getMessage());
        }
        if (json.isBlank()) {
            throw AssetsDeployException.invalidInput(displayName + " is empty: it needs at least {}");
        }
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(NestingDepth.MAX);
            root = Streams.parse(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw AssetsDeployException.invalidInput(gsonError(
                        displayName,
                        "Unexpected text after the end of the top-level value "
                                + reader.toString().replaceFirst("^JsonReader", "")));
            }
        } catch (JsonParseException | IOException e) {
            if (e.getCause() instanceof EOFException || e instanceof EOFException) {
                throw AssetsDeployException.invalidInput(displayName + ":" + UnfinishedJson.describe(json), e);
            }
            throw AssetsDeployException.invalidInput(gsonError(displayName, e.getMessage()), e);
        }
        if (!root.isJsonObject()) {
            throw AssetsDeployException.invalidInput(
                    displayName + ": the top level is " + Values.describe(root, false) + ", expected an object {...}");
        }
        return root.getAsJsonObject();
    }

    /** Gson says "Expected name at line 3 column 5 path $.a\nSee https://..."; we say "file:3:5: JSON syntax error: expected name". */
    private static String gsonError(String displayName, String gsonMessage) {
        String message = gsonMessage == null ? "invalid JSON" : gsonMessage;
        if (message.startsWith("com.google.gson.stream.MalformedJsonException: ")) {
            message = message.substring("com.google.gson.stream.MalformedJsonException: ".length());
        }
        // Gson's advice for what strict mode refuses (",,", a stray character) does not help a wrangler user
        message = message.replaceFirst(
                "^Use JsonReader\\.setStrictness\\(Strictness\\.LENIENT\\) to accept malformed JSON",
                "Unexpected character");
        Matcher m = GSON_POSITION.matcher(message);
        if (m.find()) {
            // Gson counts the column after the character it stopped at
            int column = Math.max(1, Integer.parseInt(m.group(3)) - 1);
            String where = displayName + ":" + m.group(2) + ":" + column + ":";
            if (m.group(1).startsWith("Nesting limit ")) {
                throw NestingDepth.tooDeep(where);
            }
            return where + " JSON syntax error: " + lowerFirst(m.group(1).strip());
        }
        return displayName + ": JSON syntax error: "
                + lowerFirst(message.lines().findFirst().orElse(message));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }

    private static AssetsDeployException syntaxError(String displayName, int line, int column, String what) {
        return AssetsDeployException.invalidInput(displayName + ":" + line + ":" + column + ": " + what);
    }

    private static ConfigDocument readToml(Path file, String displayName, String text) {
        NestingDepth.checkToml(text, displayName);
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            TomlParseError error = result.errors().get(0);
            throw syntaxError(
                    displayName,
                    error.position().line(),
                    error.position().column(),
                    "TOML syntax error: " + error.getMessage());
        }
        Set<JsonElement> dates = Collections.newSetFromMap(new IdentityHashMap<>());
        return new ConfigDocument(file, displayName, tableToJson(result, dates, displayName, List.of()), dates);
    }

    /** @param keys the keys leading to {@code table}, to name where a config nests too deep (dotted keys do) */
    private static JsonObject tableToJson(
            TomlTable table, Set<JsonElement> dates, String displayName, List<String> keys) {
        if (keys.size() > NestingDepth.MAX) {
            throw NestingDepth.tooDeep(displayName + ": " + String.join(".", keys.subList(0, 3)) + "...");
        }
        JsonObject object = new JsonObject();
        for (String key : table.keySet()) {
            List<String> path = new ArrayList<>(keys);
            path.add(key);
            // get(String) would split a dotted key: look the key up as one path element
            object.add(key, tomlToJson(table.get(List.of(key)), dates, displayName, path));
        }
        return object;
    }

    private static JsonElement tomlToJson(Object value, Set<JsonElement> dates, String displayName, List<String> keys) {
        if (value instanceof TomlTable t) {
            return tableToJson(t, dates, displayName, keys);
        }
        if (value instanceof TomlArray a) {
            JsonArray array = new JsonArray();
            for (int i = 0; i < a.size(); i++) {
                array.add(tomlToJson(a.get(i), dates, displayName, keys));
            }
            return array;
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof TemporalAccessor) {
            JsonPrimitive date = new JsonPrimitive(value.toString());
            dates.add(date);
            return date;
        }
        return JsonNull.INSTANCE;
    }
}
