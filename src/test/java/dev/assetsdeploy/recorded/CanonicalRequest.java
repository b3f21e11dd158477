package dev.assetsdeploy.recorded;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.fakeapi.ControlPlaneRequest;
import dev.assetsdeploy.fakeapi.FormPart;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request written out as lines, the same way for a recorded one and one of ours, so that two requests are the same
 * exactly when their lines are, and a difference shows as lines: the request line, the headers the client set, then
 * the body: JSON pretty-printed in the order it was sent (key order counts; numbers are written as JavaScript writes
 * them, {@code Json.pretty}: the recorder stored bodies through Python, which spells {@code 1e-7} {@code 1e-07}, and
 * the tool's one JSON writer is JavaScript's anyway), or each multipart part (name, filename, type, then its JSON,
 * text or Base64).
 */
final class CanonicalRequest {

    /** Headers every HTTP client sends, and the credentials; the rest are the client's own and are compared. */
    static final Set<String> STANDARD_HEADERS = Set.of(
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "authorization",
            "x-auth-key",
            "x-auth-email",
            "user-agent",
            "accept",
            "accept-encoding",
            "accept-language",
            "sec-fetch-mode");

    private CanonicalRequest() {}

    static List<String> of(RecordedExchange r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.line());
        new TreeMap<>(r.headers()).forEach((k, v) -> lines.add("header " + k + ": " + v));
        if (r.json() != null) {
            json(lines, r.json());
        } else if (r.parts() != null) {
            for (RecordedPart part : r.parts()) {
                lines.add(partLine(part.name(), part.filename(), part.contentType()));
                if (part.json() != null) {
                    json(lines, part.json());
                } else if (part.text() != null) {
                    text(lines, part.text());
                } else {
                    lines.add("  base64 " + Base64.getEncoder().encodeToString(part.bytes()));
                }
            }
        } else if (r.text() != null) {
            text(lines, r.text());
        }
        return lines;
    }

    static List<String> of(ControlPlaneRequest r) {
        List<String> lines = new ArrayList<>();
        lines.add(r.line());
        Map<String, String> headers = new TreeMap<>();
        r.headers().forEach((name, values) -> {
            if (!STANDARD_HEADERS.contains(name) && !values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        String type = r.header("content-type");
        boolean multipart = type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
        if (multipart) {
            headers.put("content-type", "multipart/form-data");
        }
        headers.forEach((k, v) -> lines.add("header " + k + ": " + v));
        if (r.body().length == 0) {
            return lines;
        }
        if (multipart) {
            for (FormPart part : r.parts()) {
                lines.add(partLine(part.name(), part.filename(), part.contentType()));
                JsonElement json =
                        "metadata".equals(part.name()) && part.filename() == null ? parse(part.text()) : null;
                String text = utf8(part.bytes());
                if (json != null) {
                    json(lines, json);
                } else if (text != null) {
                    text(lines, text);
                } else {
                    lines.add("  base64 " + Base64.getEncoder().encodeToString(part.bytes()));
                }
            }
            return lines;
        }
        JsonElement json = parse(r.bodyText());
        if (json != null) {
            json(lines, r.path().endsWith("/assets-upload-session") ? sortedManifest(json) : json);
        } else {
            text(lines, r.bodyText());
        }
        return lines;
    }

    /**
     * The assets manifest with its paths sorted, as the recordings have it: wrangler adds each file when its {@code
     * stat()} returns, so its order varies from run to run, and the recording fake sorts it.
     */
    static JsonElement sortedManifest(JsonElement body) {
        if (!body.isJsonObject()
                || !body.getAsJsonObject().has("manifest")
                || !body.getAsJsonObject().get("manifest").isJsonObject()) {
            return body;
        }
        JsonObject sorted = new JsonObject();
        new TreeMap<>(body.getAsJsonObject().getAsJsonObject("manifest").asMap()).forEach(sorted::add);
        JsonObject copy = body.getAsJsonObject().deepCopy();
        copy.add("manifest", sorted);
        return copy;
    }

    private static String partLine(String name, String filename, String contentType) {
        return "part " + name + (filename == null ? "" : " filename=" + filename)
                + (contentType == null ? "" : " type=" + contentType);
    }

    private static void json(List<String> lines, JsonElement json) {
        lines.add("json:");
        for (String line : Json.pretty(json).split("\n", -1)) {
            lines.add("  " + line);
        }
    }

    private static void text(List<String> lines, String text) {
        lines.add("text:");
        for (String line : text.split("\n", -1)) {
            lines.add("  " + line);
        }
    }

    private static JsonElement parse(String text) {
        try {
            JsonElement json = JsonParser.parseString(text);
            return json.isJsonObject() || json.isJsonArray() ? json : null;
        } catch (JsonParseException e) {
            return null;
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
