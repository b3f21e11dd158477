package dev.assetsdeploy.config;

import java.util.regex.Pattern;

/** JavaScript's idea of whitespace, trimming and numbers, which Cloudflare's rule parsers rely on. */
final class JsText {

    /** JavaScript's {@code \s}: ASCII whitespace plus the Unicode spaces, line separators and the BOM. */
    static final String WS =
            "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

    private static final Pattern WS_RUN = Pattern.compile(WS + "+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private JsText() {}

    static boolean isWhitespace(char c) {
        return c == '\t'
                || c == '\n'
                || c == 0x0B
                || c == '\f'
                || c == '\r'
                || c == ' '
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000
                || c == 0xFEFF;
    }

    /** {@code String.prototype.trim}. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** {@code s.split(/\s+/)}, keeping empty leading and trailing parts as JavaScript does. */
    static String[] splitOnWhitespace(String s) {
        return WS_RUN.split(s, -1);
    }

    /** {@code Number(s)}, or NaN. */
    static double number(String s) {
        String t = trim(s);
        if (t.isEmpty()) {
            return 0;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        int radix = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 10;
        if (radix != 10) {
            try {
                return new java.math.BigInteger(t.substring(2), radix).doubleValue();
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        if (t.equals("Infinity") || t.equals("+Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        return DECIMAL.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
    }
}
