package dev.assetsdeploy.manifest;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Translates a JavaScript regular expression (no {@code u} flag, with the web-compatibility
 * rules of Annex B) into a Java {@link Pattern} that means the same. Needed because the two
 * syntaxes differ where ignore-file lines can reach: {@code $} (Java also matches before a final
 * line break), {@code .} and {@code \s} (different line terminators and spaces), {@code \v},
 * {@code [} and {@code &&} inside a class (Java nests and intersects classes), {@code []}
 * (matches nothing in JavaScript, a syntax error in Java), octal and identity escapes.
 */
final class JsRegex {

    private static final String WORD = "A-Za-z0-9_";

    private final String src;
    private int pos;
    private final StringBuilder out = new StringBuilder();

    private JsRegex(String src) {
        this.src = src;
    }

    /** {@code new RegExp(source, "i")}; a source JavaScript rejects throws {@link PatternSyntaxException}. */
    static Pattern compileIgnoreCase(String source) {
        JsRegex t = new JsRegex(source);
        t.translate();
        return Pattern.compile(t.out.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The Java regex for a JavaScript source (for tests and error messages). */
    static String translate(String source) {
        JsRegex t = new JsRegex(source);
        t.translate();
        return t.out.toString();
    }

    private void translate() {
        while (pos < src.length()) {
            char c = src.charAt(pos++);
            switch (c) {
                case '\\' -> atomEscape();
                case '[' -> characterClass();
                case '.' -> out.append("[^\\n\\r\\u2028\\u2029]");
                case '$' -> out.append("\\z");
                case '^', '|', ')', '*', '+', '?' -> out.append(c);
                case '(' -> group();
                case '{' -> {
                    int close = src.indexOf('}', pos);
                    if (close > 0 && src.substring(pos, close).matches("\\d+(,\\d*)?")) {
                        out.append(src, pos - 1, close + 1);
                        pos = close + 1;
                    } else {
                        literal(c);
                    }
                }
                default -> literal(c);
            }
        }
    }

    private void group() {
        out.append('(');
        for (String prefix : new String[] {"?:", "?=", "?!", "?<=", "?<!"}) {
            if (src.startsWith(prefix, pos)) {
                out.append(prefix);
                pos += prefix.length();
                return;
            }
        }
    }

    private void literal(int c) {
        if (c < 128 && Character.isLetterOrDigit(c)) {
            out.append((char) c);
        } else {
            out.append(String.format("\\x{%x}", c));
        }
    }

    private void atomEscape() {
        if (pos >= src.length()) {
            throw new PatternSyntaxException("\\ at end of pattern", src, pos);
        }
        char c = src.charAt(pos++);
        switch (c) {
            case 'b' -> out.append("(?:(?<=[" + WORD + "])(?![" + WORD + "])|(?<![" + WORD + "])(?=[" + WORD + "]))");
            case 'B' -> out.append("(?:(?<=[" + WORD + "])(?=[" + WORD + "])|(?<![" + WORD + "])(?![" + WORD + "]))");
            case 'd', 'D', 'w', 'W', 's', 'S' -> out.append(classEscape(c, false));
            default -> literal(escapedChar(c));
        }
    }

    /** \d \w \s and their negations, as a Java class (or class body when {@code inClass}). */
    private static String classEscape(char c, boolean inClass) {
        String body = switch (Character.toLowerCase(c)) {
            case 'd' -> "0-9";
            case 'w' -> WORD;
            default -> IgnorePattern.JS_SPACE;
        };
        boolean negated = Character.isUpperCase(c);
        return negated ? "[^" + body + "]" : inClass ? body : "[" + body + "]";
    }

    /** The character an escape such as {@code \n}, {@code \x41}, {@code \101} or {@code \q} stands for. */
    private int escapedChar(char c) {
        switch (c) {
            case 't':
                return '\t';
            case 'n':
                return '\n';
            case 'v':
                return 0x0B;
            case 'f':
                return '\f';
            case 'r':
                return '\r';
            case 'c':
                if (pos < src.length() && Character.isLetter(src.charAt(pos)) && src.charAt(pos) < 128) {
                    return src.charAt(pos++) % 32;
                }
                pos--; // Annex B: "\c" not followed by a letter is a backslash, then "c"
                return '\\';
            case 'x':
                return hex(2, 'x');
            case 'u':
                return hex(4, 'u');
            default:
                if (c >= '0' && c <= '7') {
                    // No capturing groups ever precede: \1 .. \7 are octal escapes (Annex B).
                    int value = c - '0';
                    int max = c <= '3' ? 2 : 1;
                    for (int i = 0;
                            i < max && pos < src.length() && src.charAt(pos) >= '0' && src.charAt(pos) <= '7';
                            i++) {
                        value = value * 8 + (src.charAt(pos++) - '0');
                    }
                    return value;
                }
                return c;
        }
    }

    private int hex(int digits, char letter) {
        if (pos + digits <= src.length() && src.substring(pos, pos + digits).matches("[0-9A-Fa-f]+")) {
            int value = Integer.parseInt(src.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        }
        return letter;
    }

    private void characterClass() {
        boolean negated = pos < src.length() && src.charAt(pos) == '^';
        if (negated) {
            pos++;
        }
        StringBuilder body = new StringBuilder();
        boolean empty = true;
        while (true) {
            if (pos >= src.length()) {
                throw new PatternSyntaxException("unterminated character class", src, pos);
            }
            char c = src.charAt(pos++);
            if (c == ']') {
                break;
            }
            empty = false;
            int from = classAtom(c, body);
            if (from >= 0 && pos + 1 < src.length() && src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                StringBuilder toBody = new StringBuilder();
                int to = classAtom(src.charAt(pos++), toBody);
                if (to >= 0) {
                    if (to < from) {
                        throw new PatternSyntaxException("range out of order in character class", src, pos);
                    }
                    body.setLength(
                            body.length() - String.format("\\x{%x}", from).length());
                    body.append(String.format("\\x{%x}-\\x{%x}", from, to));
                } else {
                    body.append("\\x{2d}").append(toBody); // Annex B: a class escape at a range end makes '-' literal
                }
            }
        }
        if (empty) {
            out.append(negated ? "[\\s\\S]" : "(?!)");
        } else {
            out.append(negated ? "[^" : "[").append(body).append(']');
        }
    }

    /** Appends one class atom to {@code body}; returns its character, or -1 for \d \w \s and the like. */
    private int classAtom(char c, StringBuilder body) {
        if (c != '\\') {
            body.append(String.format("\\x{%x}", (int) c));
            return c;
        }
        if (pos >= src.length()) {
            throw new PatternSyntaxException("\\ at end of pattern", src, pos);
        }
        char e = src.charAt(pos++);
        if ("dDwWsS".indexOf(e) >= 0) {
            body.append(classEscape(e, true));
            return -1;
        }
        int value = e == 'b' ? '\b' : e == '-' ? '-' : escapedChar(e);
        body.append(String.format("\\x{%x}", value));
        return value;
    }
}
