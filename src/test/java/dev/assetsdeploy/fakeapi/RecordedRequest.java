package dev.assetsdeploy.fakeapi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** A request to a Worker endpoint as it arrived: method, path (after the base path), query, headers (lower-case names), body. */
public record RecordedRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
