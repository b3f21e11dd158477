package dev.assetsdeploy.config;

/**
 * Turns JSONC (JSON with {@code //} and {@code /* *}{@code /} comments and trailing commas, as
 * wrangler reads {@code wrangler.json} and {@code wrangler.jsonc}) into strict JSON for Gson.
 *
 * <p>Why a pre-pass and not a library: Gson is already the project's JSON library, and its
 * lenient mode is both too loose (unquoted strings, single quotes, {@code #} comments) and too
 * strict (a trailing comma in an object is an error, one in an array adds a {@code null}).
 * Jackson reads JSONC with two features but would be a second JSON stack for this one file. The
 * pre-pass is small: every comment and every trailing comma becomes spaces (line breaks kept),
 * so the text keeps its length and layout, and Gson's line:column in a later error still point
 * at the user's file.
 */
final class JsoncText {

    /** A comment that never ends; {@code line}/{@code column} are 1-based, where it starts. */
    static final class UnterminatedCommentException extends Exception {
        final int line;
        final int column;

        UnterminatedCommentException(int line, int column) {
            super("unterminated /* comment");
            this.line = line;
            this.column = column;
        }
    }

    private JsoncText() {}

    static String toJson(String jsonc) throws UnterminatedCommentException {
        return blankTrailingCommas(blankComments(jsonc));
    }

    private static String blankComments(String text) throws UnterminatedCommentException {
        char[] out = text.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c == '"') {
                i = endOfString(out, i);
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '/') {
                while (i < out.length && out[i] != '\n' && out[i] != '\r') {
                    out[i++] = ' ';
                }
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                int start = i;
                out[i++] = ' ';
                out[i++] = ' ';
                while (i < out.length && !(out[i] == '*' && i + 1 < out.length && out[i + 1] == '/')) {
                    if (out[i] != '\n' && out[i] != '\r') {
                        out[i] = ' ';
                    }
                    i++;
                }
                if (i >= out.length) {
                    throw unterminated(text, start);
                }
                out[i++] = ' ';
                out[i++] = ' ';
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /**
     * A comma after a value and before (whitespace and) {@code }} or {@code ]} becomes a space.
     * One after {@code ,}, {@code [}, {@code {} or {@code :} stays, so Gson reports it where it is.
     */
    private static String blankTrailingCommas(String text) {
        char[] out = text.toCharArray();
        char previous = 0;
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c == '"') {
                i = endOfString(out, i);
                previous = '"';
                continue;
            }
            if (c == ',' && followsValue(previous) && closesNext(out, i + 1)) {
                out[i] = ' ';
            } else if (!Character.isWhitespace(c)) {
                previous = c;
            }
            i++;
        }
        return new String(out);
    }

    private static boolean followsValue(char previous) {
        return previous != 0 && previous != ',' && previous != '[' && previous != '{' && previous != ':';
    }

    private static boolean closesNext(char[] text, int from) {
        int next = from;
        while (next < text.length && Character.isWhitespace(text[next])) {
            next++;
        }
        return next < text.length && (text[next] == '}' || text[next] == ']');
    }

    /**
     * The index just after the string starting at {@code start} (a {@code "}); at a line break or
     * the end of text for an unterminated string, which Gson then reports with its position.
     */
    private static int endOfString(char[] text, int start) {
        int i = start + 1;
        while (i < text.length) {
            char c = text[i];
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return text.length;
    }

    private static UnterminatedCommentException unterminated(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new UnterminatedCommentException(line, offset - lineStart + 1);
    }
}
