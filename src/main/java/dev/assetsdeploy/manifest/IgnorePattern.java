package dev.assetsdeploy.manifest;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an ignore file, matched exactly as wrangler matches it: wrangler uses the
 * {@code ignore} npm package 5.3.1, which turns each line into a JavaScript regular expression
 * through a chain of text replacements, then tests paths case-insensitively. That is close to
 * gitignore but not equal (it ignores case; {@code [!a]} is not a negation; every line, not only
 * the first, loses a leading BOM...), and byte compatibility needs wrangler's answer, so this
 * class ports the chain replacement by replacement and then translates the JavaScript regular
 * expression into a {@link Pattern} with the same meaning. Known residue: a few exotic letters
 * (ſ, K, Å, ı, İ, ẞ) fold differently under Java's and JavaScript's case-insensitive matching.
 */
final class IgnorePattern {

    /** JavaScript's {@code \s}. */
    static final String JS_SPACE =
            "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
    /** JavaScript's {@code .} (without the s flag). */
    private static final String JS_DOT = "[^\\n\\r\\u2028\\u2029]";

    private static final Pattern BLANK_LINE = Pattern.compile("^[" + JS_SPACE + "]+\\z");
    private static final Pattern TRAILING_LONE_BACKSLASH = Pattern.compile("(?:[^\\\\]|^)\\\\\\z");

    private record Replacer(Pattern regex, boolean global, Function<Matcher, String> replacement) {}

    /** A plain name anchored at the root, as the rules every folder has ({@code /_headers}). */
    private static final Pattern ROOT_NAME = Pattern.compile("/[A-Za-z0-9._-]+");

    private final String line;
    private final boolean negative;
    private final Pattern regex;
    private final boolean rootName;

    private IgnorePattern(String line, boolean negative, Pattern regex, boolean rootName) {
        this.line = line;
        this.negative = negative;
        this.regex = regex;
        this.rootName = rootName;
    }

    /** The line as written. */
    String line() {
        return line;
    }

    boolean negative() {
        return negative;
    }

    /** {@code path}: relative, {@code /}-separated, a folder with a trailing {@code /}. */
    boolean matches(String path) {
        // A root name's regex (^name(?=$|\/$)) cannot match a path with a "/" before its last character:
        // that answer, for nearly every file of a folder, without running the regex.
        int slash = rootName ? path.indexOf('/') : -1;
        return (slash < 0 || slash == path.length() - 1) && regex.matcher(path).find();
    }

    /** ignore's {@code checkPattern}: blank lines, comments and lines ending in a lone backslash are no rules. */
    static boolean isRule(String line) {
        return !line.isEmpty()
                && !BLANK_LINE.matcher(line).find()
                && !TRAILING_LONE_BACKSLASH.matcher(line).find()
                && !line.startsWith("#");
    }

    /** ignore's {@code createRule}, for a line that {@link #isRule}; throws on what JavaScript would reject. */
    static IgnorePattern of(String line) {
        boolean negative = line.startsWith("!");
        String pattern = negative ? line.substring(1) : line;
        if (pattern.startsWith("\\!")) {
            pattern = "!" + pattern.substring(2);
        } else if (pattern.startsWith("\\#")) {
            pattern = "#" + pattern.substring(2);
        }
        String source = jsRegexSource(pattern);
        boolean rootName =
                ROOT_NAME.matcher(pattern).matches() && source.startsWith("^") && source.endsWith("(?=$|\\/$)");
        return new IgnorePattern(line, negative, JsRegex.compileIgnoreCase(source), rootName);
    }

    /** ignore 5.3.1's {@code makeRegex}: the REPLACERS applied in order. */
    static String jsRegexSource(String pattern) {
        String source = pattern;
        for (Replacer r : replacers(pattern)) {
            source = replace(source, r);
        }
        return source;
    }

    private static String replace(String input, Replacer r) {
        Matcher m = r.regex().matcher(input);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(input, last, m.start()).append(r.replacement().apply(m));
            last = m.end();
            if (!r.global()) {
                break;
            }
            if (m.end() == m.start()) {
                // An empty match: JavaScript moves on by one character, as Matcher.find does.
                continue;
            }
        }
        return out.append(input, last, input.length()).toString();
    }

    private static Replacer replacer(String regex, boolean global, Function<Matcher, String> replacement) {
        return new Replacer(Pattern.compile(regex), global, replacement);
    }

    private static String group(Matcher m, int g) {
        return m.group(g) == null ? "" : m.group(g);
    }

    /** The replacers of ignore/index.js, in order; comments quote the JavaScript regexes. */
    private static Replacer[] replacers(String pattern) {
        return new Replacer[] {
            // /^\uFEFF/ -> ''
            replacer("^\\uFEFF", false, m -> ""),
            // /\\?\s+$/ -> ' ' if it starts with a backslash, else ''
            replacer("\\\\?[" + JS_SPACE + "]+\\z", false, m -> m.group().startsWith("\\") ? " " : ""),
            // /\\\s/g -> ' '
            replacer("\\\\[" + JS_SPACE + "]", true, m -> " "),
            // /[\\$.|*+(){^]/g -> '\\' + match
            replacer("[\\\\$.|*+(){^]", true, m -> "\\" + m.group()),
            // /(?!\\)\?/g -> '[^/]'
            replacer("(?!\\\\)\\?", true, m -> "[^/]"),
            // /^\// -> '^'
            replacer("^/", false, m -> "^"),
            // /\//g -> '\\/'
            replacer("/", true, m -> "\\/"),
            // /^\^*\\\*\\\*\\\// -> '^(?:.*\\/)?'
            replacer("^\\^*\\\\\\*\\\\\\*\\\\/", false, m -> "^(?:.*\\/)?"),
            // /^(?=[^^])/ -> '(?:^|\\/)' unless the pattern has a slash before its end, then '^'
            replacer(
                    "^(?=[^^])",
                    false,
                    m -> Pattern.compile("/(?!\\z)").matcher(pattern).find() ? "^" : "(?:^|\\/)"),
            // /\\\/\\\*\\\*(?=\\\/|$)/g -> '(?:\\/[^\\/]+)*' if more follows, else '\\/.+'
            replacer(
                    "\\\\/\\\\\\*\\\\\\*(?=\\\\/|\\z)",
                    true,
                    m -> m.start() + 6 < m.regionEnd() ? "(?:\\/[^\\/]+)*" : "\\/.+"),
            // /(^|[^\\]+)(\\\*)+(?=.+)/g -> p1 + p2 with '\*' as '[^\\/]*' (p2: the last repetition only)
            replacer(
                    "(^|[^\\\\]+)(\\\\\\*)+(?=" + JS_DOT + "+)",
                    true,
                    m -> group(m, 1) + group(m, 2).replace("\\*", "[^\\/]*")),
            // /\\\\\\(?=[$.|*+(){^])/g -> '\\'
            replacer("\\\\\\\\\\\\(?=[$.|*+(){^])", true, m -> "\\"),
            // /\\\\/g -> '\\'
            replacer("\\\\\\\\", true, m -> "\\"),
            // /(\\)?\[([^\]/]*?)(\\*)($|\])/g -> ranges
            replacer("(\\\\)?\\[([^\\]/]*?)(\\\\*)(\\z|\\])", true, IgnorePattern::range),
            // /(?:[^*])$/ -> match + '$' after a slash, else match + '(?=$|\\/$)'
            replacer("(?:[^*])\\z", false, m -> m.group().endsWith("/") ? m.group() + "$" : m.group() + "(?=$|\\/$)"),
            // /(\^|\\\/)?\\\*$/ -> (p1 ? p1 + '[^/]+' : '[^/]*') + '(?=$|\\/$)'
            replacer(
                    "(\\^|\\\\/)?\\\\\\*\\z",
                    false,
                    m -> (m.group(1) != null ? m.group(1) + "[^/]+" : "[^/]*") + "(?=$|\\/$)"),
        };
    }

    private static String range(Matcher m) {
        String leadEscape = m.group(1);
        String range = m.group(2);
        String endEscape = m.group(3);
        String close = m.group(4);
        if ("\\".equals(leadEscape)) {
            return "\\[" + range + endEscape.substring(0, endEscape.length() - endEscape.length() % 2) + close;
        }
        if (close.equals("]")) {
            return endEscape.length() % 2 == 0 ? "[" + sanitizeRange(range) + endEscape + "]" : "[]";
        }
        return "[]";
    }

    /** Drops reversed ranges such as {@code z-a} (JavaScript would reject them). */
    private static String sanitizeRange(String range) {
        Matcher m = Pattern.compile("([0-z])-([0-z])").matcher(range);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(
                    out, m.group(1).charAt(0) <= m.group(2).charAt(0) ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out.toString();
    }
}
