package dev.assetsdeploy.recorded;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.MultipartBody;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request wrangler made in a recording, and the recording fake's answer.
 *
 * @param index its position in {@code requests.json} (0-based)
 * @param path without {@code /client/v4}
 * @param query raw, or null
 * @param headers the headers wrangler set itself (lower-case names; a multipart type without its boundary)
 * @param json a JSON body, or null
 * @param parts a multipart body's parts, or null
 * @param text any other body, or null
 */
public record RecordedExchange(
        int index,
        String method,
        String path,
        String query,
        Map<String, String> headers,
        JsonElement json,
        List<RecordedPart> parts,
        String text,
        int status,
        JsonObject response) {

    static RecordedExchange of(int index, JsonObject entry) {
        Map<String, String> headers = new LinkedHashMap<>();
        entry.getAsJsonObject("headers")
                .entrySet()
                .forEach(e -> headers.put(e.getKey(), e.getValue().getAsString()));
        List<RecordedPart> parts = null;
        if (entry.has("multipart")) {
            parts = new ArrayList<>();
            for (JsonElement part : entry.getAsJsonArray("multipart")) {
                parts.add(RecordedPart.of(part.getAsJsonObject()));
            }
        }
        JsonObject response = entry.getAsJsonObject("response");
        return new RecordedExchange(
                index,
                entry.get("method").getAsString(),
                entry.get("path").getAsString(),
                RecordedPart.string(entry, "query"),
                headers,
                entry.has("json") ? entry.get("json") : null,
                parts,
                RecordedPart.string(entry, "body"),
                response.get("status").getAsInt(),
                response.getAsJsonObject("json"));
    }

    /** {@code METHOD /path?query}. */
    public String line() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }

    /** Whether the recording fake answered success. */
    public boolean succeeded() {
        return response.get("success").getAsBoolean();
    }

    /** {@code response.result}. */
    public JsonElement result() {
        return response.get("result");
    }

    /** The first error code of the answer, or 0. */
    public int errorCode() {
        return response.getAsJsonArray("errors").isEmpty()
                ? 0
                : response.getAsJsonArray("errors")
                        .get(0)
                        .getAsJsonObject()
                        .get("code")
                        .getAsInt();
    }

    /** The body to send again: the JSON compact (wrangler's key order), the parts with {@code boundary}, or the text. */
    public byte[] body(String boundary) {
        if (json != null) {
            return Json.compact(json).getBytes(StandardCharsets.UTF_8);
        }
        if (parts != null) {
            MultipartBody.Builder form = MultipartBody.builder().boundary(boundary);
            for (RecordedPart part : parts) {
                form.part(part.name(), part.filename(), part.contentType(), MultipartBody.Content.of(part.content()));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                form.build().writeTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

    /** The headers to send again, the multipart type with {@code boundary}. */
    public Map<String, String> headers(String boundary) {
        Map<String, String> out = new LinkedHashMap<>(headers);
        out.computeIfPresent(
                "content-type", (k, v) -> v.equals("multipart/form-data") ? v + "; boundary=" + boundary : v);
        return out;
    }
}
