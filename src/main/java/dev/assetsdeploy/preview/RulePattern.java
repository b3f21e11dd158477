package dev.assetsdeploy.preview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@code _headers} or {@code _redirects} path pattern, compiled as the asset worker's
 * {@code generateRuleRegExp} does: {@code *} is the {@code splat} group, {@code :name} matches one
 * segment ({@code [^/]+}), or one host label in a {@code https://} pattern. A pattern whose
 * JavaScript regex would not compile (a name used twice) matches nothing, as in Cloudflare.
 */
final class RulePattern {

    private static final String REGEX_SPECIALS = "-/\\^$*+?.()|[]{}";
    private static final Pattern PLACEHOLDER = Pattern.compile(":([A-Za-z]\\w*)");
    private static final Pattern HOST_PLACEHOLDER = Pattern.compile(":([A-Za-z]\\w*)(?=\\\\)");
    private static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([A-Za-z]\\w*)>");
    private static final String ESCAPED_HTTPS = "https:\\/\\/";

    private final boolean crossHost;
    private final Pattern pattern;
    private final List<String> names;

    private RulePattern(boolean crossHost, Pattern pattern, List<String> names) {
        this.crossHost = crossHost;
        this.pattern = pattern;
        this.names = names;
    }

    /** The compiled rule, or {@code null} when Cloudflare's would not compile (and so never matches). */
    static RulePattern compile(String rule) {
        String[] parts = rule.split("\\*", -1);
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                escaped.append("(?<splat>.*)");
            }
            escaped.append(escape(parts[i]));
        }
        String regex = escaped.toString();
        if (regex.startsWith(ESCAPED_HTTPS)) {
            int hostEnd = regex.indexOf('/', ESCAPED_HTTPS.length());
            String hostPart = hostEnd < 0 ? regex : regex.substring(0, hostEnd);
            List<String[]> hostMatches = new ArrayList<>();
            Matcher m = HOST_PLACEHOLDER.matcher(hostPart);
            // the lookbehind in Cloudflare's pattern only admits matches before the first '/'
            while (m.find()) {
                if (m.end() < hostPart.length() || hostEnd >= 0 && regex.charAt(m.end()) == '\\') {
                    hostMatches.add(new String[] {m.group(), m.group(1)});
                }
            }
            for (String[] match : hostMatches) {
                regex = regex.replace(match[0], "(?<" + match[1] + ">[^/.]+)");
            }
        }
        List<String[]> pathMatches = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(regex);
        while (m.find()) {
            pathMatches.add(new String[] {m.group(), m.group(1)});
        }
        for (String[] match : pathMatches) {
            regex = regex.replace(match[0], "(?<" + match[1] + ">[^/]+)");
        }
        List<String> names = new ArrayList<>();
        Matcher groups = NAMED_GROUP.matcher(regex);
        StringBuilder java = new StringBuilder();
        while (groups.find()) {
            names.add(groups.group(1));
            groups.appendReplacement(java, "(");
        }
        groups.appendTail(java);
        if (new HashSet<>(names).size() != names.size()) {
            return null;
        }
        try {
            return new RulePattern(rule.startsWith("https://"), Pattern.compile(java.toString()), names);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (REGEX_SPECIALS.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The named groups of a match (in pattern order), or {@code null} when the request does not match. */
    Map<String, String> match(String hostname, String pathname) {
        Matcher m = pattern.matcher(crossHost ? "https://" + hostname + pathname : pathname);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> groups = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            groups.put(names.get(i), m.group(i + 1));
        }
        return groups;
    }

    /** Cloudflare's {@code replacer}: every {@code :name} replaced, group by group, with JavaScript's replaceAll. */
    static String replace(String text, Map<String, String> groups) {
        String out = text;
        for (Map.Entry<String, String> group : groups.entrySet()) {
            out = jsReplaceAll(out, ":" + group.getKey(), group.getValue());
        }
        return out;
    }

    /** {@code String.prototype.replaceAll} with a string pattern: {@code $$ $& $` $'} in the replacement are special. */
    private static String jsReplaceAll(String text, String search, String replacement) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int at;
        while ((at = text.indexOf(search, from)) >= 0) {
            out.append(text, from, at);
            out.append(substitution(text, at, search, replacement));
            from = at + search.length();
        }
        return out.append(text.substring(from)).toString();
    }

    private static String substitution(String text, int at, String matched, String replacement) {
        if (replacement.indexOf('$') < 0) {
            return replacement;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            char next = i + 1 < replacement.length() ? replacement.charAt(i + 1) : 0;
            if (c == '$' && next == '$') {
                out.append('$');
                i++;
            } else if (c == '$' && next == '&') {
                out.append(matched);
                i++;
            } else if (c == '$' && next == '`') {
                out.append(text, 0, at);
                i++;
            } else if (c == '$' && next == '\'') {
                out.append(text.substring(at + matched.length()));
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
