package dev.assetsdeploy.config;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a JSON text that ends too soon still needed, for a message better than Gson's
 * {@code java.io.EOFException: End of input}: where it ends, which object or array is still open
 * and where that starts, and what was expected next. Only called on a text Gson read to its end
 * without another error, so everything before the end is well-formed JSON (comments already blanked).
 */
final class UnfinishedJson {

    /** What comes next in a container: a member name, its colon, a value, or a comma (or the close). */
    private enum Next {
        NAME,
        COLON,
        VALUE,
        COMMA
    }

    private static final class Open {
        final boolean object;
        final int line;
        final int column;
        Next next;

        Open(boolean object, int line, int column) {
            this.object = object;
            this.line = line;
            this.column = column;
            this.next = object ? Next.NAME : Next.VALUE;
        }
    }

    private UnfinishedJson() {}

    /** "1:13: JSON syntax error: the file ends before the object that starts at 1:1 is closed: expected , or }". */
    static String describe(String json) {
        Deque<Open> open = new ArrayDeque<>();
        int line = 1;
        int column = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
            } else if (c == '"') {
                int end = endOfString(json, i);
                column += end - i;
                i = end;
                valueDone(open, true);
            } else if (c == '{' || c == '[') {
                open.push(new Open(c == '{', line, column));
            } else if (c == '}' || c == ']') {
                open.pop();
                valueDone(open, false);
            } else if (c == ':' && !open.isEmpty()) {
                open.peek().next = Next.VALUE;
            } else if (c == ',' && !open.isEmpty()) {
                open.peek().next = open.peek().object ? Next.NAME : Next.VALUE;
            } else if (!Character.isWhitespace(c) && (i + 1 == json.length() || isDelimiter(json.charAt(i + 1)))) {
                valueDone(open, false); // the last character of a number, true, false or null
            }
        }
        String where = line + ":" + (column + 1) + ": JSON syntax error: ";
        if (open.isEmpty()) {
            return where + "the file ends too soon";
        }
        Open last = open.peek();
        return where + "the file ends before the " + (last.object ? "object" : "array") + " that starts at " + last.line
                + ":" + last.column + " is closed: expected " + expected(last);
    }

    private static String expected(Open open) {
        return switch (open.next) {
            case NAME -> "a \"name\" or }";
            case COLON -> ":";
            case VALUE -> open.object ? "a value" : "a value or ]";
            case COMMA -> open.object ? ", or }" : ", or ]";
        };
    }

    private static void valueDone(Deque<Open> open, boolean string) {
        if (open.isEmpty()) {
            return;
        }
        Open container = open.peek();
        container.next = string && container.next == Next.NAME ? Next.COLON : Next.COMMA;
    }

    private static boolean isDelimiter(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ':' || c == '}' || c == ']' || c == '"';
    }

    /** The index of the closing quote of the string opening at {@code start}. */
    private static int endOfString(String json, int start) {
        int i = start + 1;
        while (i < json.length() && json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i, json.length() - 1);
    }
}
