package dev.assetsdeploy.report;

/**
 * Text from outside (an API's answer, a name someone chose) made safe to print on one line of a terminal or CI log:
 * control characters (ESC, BEL, CR, LF, C1) and the invisible characters that reorder or hide text (bidirectional
 * controls, zero-width marks, BOM) become {@code \\uXXXX}, so nothing in it can move the cursor, colour the screen,
 * start a workflow command on a line of its own or show something else than what is there.
 */
final class Printable {

    private Printable() {}

    static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
