package dev.assetsdeploy.config;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of the WHATWG URL parser (as Node, workerd and browsers implement it) that decide
 * how Cloudflare sees a path: percent-encoding sets and dot-segment removal. {@code _headers},
 * {@code _redirects} and request paths all go through it, so rules compare like with like.
 */
public final class UrlPaths {

    private static final String C0_AND_SPACE_QUOTE_LT_GT = " \"<>";
    private static final String PATH_SET = C0_AND_SPACE_QUOTE_LT_GT + "#?`{}";
    private static final String QUERY_SET = C0_AND_SPACE_QUOTE_LT_GT + "#";
    private static final String SPECIAL_QUERY_SET = QUERY_SET + "'";
    private static final String FRAGMENT_SET = C0_AND_SPACE_QUOTE_LT_GT + "`";

    private UrlPaths() {}

    /** A URL split into the parts Cloudflare's rules look at; search and hash include their {@code ?}/{@code #} or are empty. */
    public record Parts(String pathname, String search, String hash) {}

    /**
     * Parses a path-absolute reference ({@code /a/../b?q#h}) as {@code new URL(ref, base)} does.
     * {@code special} is true for http/https (a backslash is a slash, {@code '} is encoded in the query).
     */
    public static Parts parsePathReference(String ref, boolean special) {
        String s = stripTabsAndNewlines(ref);
        int hashAt = s.indexOf('#');
        String hash = hashAt < 0 ? "" : s.substring(hashAt + 1);
        if (hashAt >= 0) {
            s = s.substring(0, hashAt);
        }
        int queryAt = s.indexOf('?');
        String query = queryAt < 0 ? "" : s.substring(queryAt + 1);
        if (queryAt >= 0) {
            s = s.substring(0, queryAt);
        }
        return new Parts(
                pathname(s, special),
                query.isEmpty() ? "" : "?" + encode(query, special ? SPECIAL_QUERY_SET : QUERY_SET),
                hash.isEmpty() ? "" : "#" + encode(hash, FRAGMENT_SET));
    }

    /** The serialised pathname of a path (no query or fragment): percent-encoded, dot segments removed. */
    public static String pathname(String path, boolean special) {
        String rest = path.startsWith("/") || special && path.startsWith("\\") ? path.substring(1) : path;
        List<String> segments = new ArrayList<>();
        StringBuilder buffer = new StringBuilder();
        int i = 0;
        while (true) {
            boolean end = i >= rest.length();
            int c = end ? -1 : rest.codePointAt(i);
            boolean slash = c == '/' || special && c == '\\';
            if (end || slash) {
                String segment = buffer.toString();
                if (isDoubleDot(segment)) {
                    if (!segments.isEmpty()) {
                        segments.remove(segments.size() - 1);
                    }
                    if (!slash) {
                        segments.add("");
                    }
                } else if (isSingleDot(segment)) {
                    if (!slash) {
                        segments.add("");
                    }
                } else {
                    segments.add(segment);
                }
                buffer.setLength(0);
                if (end) {
                    break;
                }
            } else {
                appendEncoded(buffer, c, PATH_SET);
            }
            i += end ? 0 : Character.charCount(c);
        }
        return "/" + String.join("/", segments);
    }

    private static boolean isSingleDot(String s) {
        return s.equals(".") || s.equalsIgnoreCase("%2e");
    }

    private static boolean isDoubleDot(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e");
    }

    private static String encode(String s, String set) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(c -> appendEncoded(out, c, set));
        return out.toString();
    }

    private static void appendEncoded(StringBuilder out, int c, String set) {
        if (c < 0x20 || c > 0x7E || set.indexOf(c) >= 0) {
            for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        } else {
            out.appendCodePoint(c);
        }
    }

    private static String stripTabsAndNewlines(String s) {
        return s.replace("\t", "").replace("\n", "").replace("\r", "");
    }
}
