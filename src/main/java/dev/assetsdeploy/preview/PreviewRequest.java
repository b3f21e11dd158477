package dev.assetsdeploy.preview;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the asset router sees it.
 *
 * @param method  the HTTP method
 * @param target  the request target as sent: path, optional query ({@code /a%20b?x=1})
 * @param host    the Host header ({@code 127.0.0.1:8787}); {@code _headers} rules with a host match its name
 * @param headers request headers (names case-insensitive)
 */
public record PreviewRequest(String method, String target, String host, Map<String, String> headers) {

    public PreviewRequest {
        TreeMap<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        headers = copy;
    }

    public static PreviewRequest get(String target) {
        return new PreviewRequest("GET", target, "127.0.0.1:8787", Map.of());
    }

    public String header(String name) {
        return headers.get(name);
    }

    /** The host name without the port. */
    String hostname() {
        String h = host == null ? "localhost" : host;
        if (h.startsWith("[")) {
            int close = h.indexOf(']');
            return close < 0 ? h : h.substring(0, close + 1);
        }
        int colon = h.lastIndexOf(':');
        return (colon < 0 ? h : h.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
    }
}
