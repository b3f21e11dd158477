package dev.assetsdeploy.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cloudflare's {@code validateUrl} for {@code _headers} paths and {@code _redirects} sources and targets. */
final class RuleUrls {

    private static final Pattern URL = Pattern.compile("^https://+(?<host>[^/]+)/?(?<path>.*)", Pattern.DOTALL);
    private static final Pattern HOST_WITH_PORT = Pattern.compile(".*:\\d+");

    /** A validated URL, or the reason it was refused. */
    record Result(String url, String error) {}

    private RuleUrls() {}

    static Result validate(
            String token, boolean onlyRelative, boolean disallowPorts, boolean includeSearch, boolean includeHash) {
        Matcher host = URL.matcher(token);
        if (host.find() && !host.group("host").isEmpty()) {
            if (onlyRelative) {
                return new Result(null, "Only relative URLs are allowed. Skipping absolute URL " + token + ".");
            }
            if (disallowPorts && HOST_WITH_PORT.matcher(host.group("host")).matches()) {
                return new Result(null, "Specifying ports is not supported. Skipping absolute URL " + token + ".");
            }
            return new Result(
                    "https://" + host.group("host") + extractPathname(host.group("path"), includeSearch, includeHash),
                    null);
        }
        String t = !token.startsWith("/") && onlyRelative ? "/" + token : token;
        if (t.startsWith("/")) {
            return new Result(extractPathname(t, includeSearch, includeHash), null);
        }
        return new Result(
                null,
                onlyRelative
                        ? "URLs should begin with a forward-slash."
                        : "URLs should either be relative (e.g. begin with a forward-slash), or use HTTPS (e.g. begin with \"https://\").");
    }

    static boolean hasHost(String token) {
        Matcher host = URL.matcher(token);
        return host.find() && !host.group("host").isEmpty();
    }

    /** {@code new URL("//" + path, "relative://")}: a non-special URL with an empty host. */
    private static String extractPathname(String path, boolean includeSearch, boolean includeHash) {
        String p = path.startsWith("/") ? path : "/" + path;
        UrlPaths.Parts parts = UrlPaths.parsePathReference(p, false);
        return parts.pathname() + (includeSearch ? parts.search() : "") + (includeHash ? parts.hash() : "");
    }
}
