package dev.assetsdeploy.config;

import java.util.List;

/** A line of {@code _headers} or {@code _redirects} that Cloudflare ignores, and why (its message). */
public record RoutingFileProblem(int line, String message) {

    /**
     * The start both of Cloudflare's parsers share: line {@code lineNumber} trimmed, or {@code null}
     * when it holds no rule (blank, a comment) or is over {@code maxLength} (then a problem is added).
     */
    static String ruleLine(String raw, int lineNumber, int maxLength, List<RoutingFileProblem> problems) {
        String line = JsText.trim(raw);
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        if (line.length() > maxLength) {
            problems.add(new RoutingFileProblem(
                    lineNumber,
                    "Ignoring line " + lineNumber + " as it exceeds the maximum allowed length of " + maxLength + "."));
            return null;
        }
        return line;
    }
}
