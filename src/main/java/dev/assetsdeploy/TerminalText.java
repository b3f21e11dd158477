package dev.assetsdeploy;

/**
 * Text from outside (file names, config values, {@code _headers}/{@code _redirects} lines, server
 * messages) made safe for a terminal or a CI log: every control character is shown as an escape,
 * so none can move the cursor, ring the bell, recolour the screen, start a new log line (a forged
 * {@code ::error::} workflow command) or reorder what is shown (bidi overrides).
 *
 * <p>{@code \n}, {@code \r}, {@code \t} and {@code \e} (ESC) by name; other C0 controls, DEL and the C1
 * controls as {@code \xHH}; bidi controls and the Unicode line and paragraph separators as a
 * backslash, {@code u} and four hex digits. A backslash is kept as it is (Windows paths stay readable), so escaping twice
 * changes nothing; the result is for reading, not for turning back into the original.
 */
public final class TerminalText {

    private TerminalText() {}

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!unsafe(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == 0x1B) {
                out.append("\\e");
            } else if (c <= 0x9F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (unsafe(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** C0, DEL, C1; the bidi embeddings, overrides, isolates and marks; the line and paragraph separators. */
    static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C
                || c == 0x200E
                || c == 0x200F
                || (c >= 0x2028 && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }
}
