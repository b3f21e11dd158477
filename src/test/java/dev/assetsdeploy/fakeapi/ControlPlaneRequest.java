package dev.assetsdeploy.fakeapi;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request to a control-plane endpoint (everything but the asset uploads, which carry the upload token), as it
 * arrived, with the fake's answer.
 *
 * @param path after {@link FakeCloudflareApi#BASE_PATH}, raw (not decoded)
 * @param query raw, or null when the URL had none
 * @param headers lower-case names
 * @param response the envelope the fake answered
 */
public record ControlPlaneRequest(
        String method,
        String path,
        String query,
        Map<String, List<String>> headers,
        byte[] body,
        int status,
        JsonObject response) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body (keys in the order sent), or null when the body is empty. */
    public JsonElement json() {
        return body.length == 0 ? null : JsonParser.parseString(bodyText());
    }

    /** The parts of a multipart body. */
    public List<FormPart> parts() {
        return FormPart.parse(header("content-type"), body);
    }

    /** {@code response.result}. */
    public JsonElement result() {
        return response.get("result");
    }

    /** Whether the fake answered success. */
    public boolean succeeded() {
        return response.has("success") && response.get("success").getAsBoolean();
    }

    /** {@code METHOD /path?query}, for messages. */
    public String line() {
        return method + " " + path + (query == null ? "" : "?" + query);
    }
}
