package dev.assetsdeploy.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code _headers} file, parsed as Cloudflare parses it (workers-shared {@code parseHeaders} and
 * {@code constructHeaders}, wrangler 4.164): the same limits, the same skipped lines, the same
 * messages, each problem with its line number.
 */
public final class HeadersFile {

    public static final int MAX_LINE_LENGTH = 2000;
    public static final int MAX_RULES = 100;
    private static final Pattern LINE_IS_PROBABLY_A_PATH = Pattern.compile("^([^" + JsText.WS.substring(1) + "+://|/)");
    private static final Pattern SPLAT = Pattern.compile("\\*");
    private static final Pattern SPLAT_PLACEHOLDER = Pattern.compile(":splat(?!\\w)");
    private static final String UNSET_OPERATOR = "! ";

    /**
     * One rule: the headers it sets (lower-case names; repeated names joined with {@code ", "})
     * and the names it removes ({@code ! Name}), and the line of its path.
     */
    public record Rule(String path, Map<String, String> set, List<String> unset, int line) {

        public Rule {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
            unset = List.copyOf(unset);
        }
    }

    /** The parse result: every valid rule in file order, and the problems. */
    public record Parsed(List<Rule> rules, List<RoutingFileProblem> problems) {

        public Parsed {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }

        /**
         * The rules as Cloudflare stores them: keyed by path, so a later block for the same path
         * replaces an earlier one but keeps the earlier one's place in the order.
         */
        public Map<String, Rule> byPath() {
            Map<String, Rule> map = new LinkedHashMap<>();
            rules.forEach(r -> map.put(r.path(), r));
            return Collections.unmodifiableMap(map);
        }
    }

    private HeadersFile() {}

    /** Collects one path's block. */
    private static final class Block {
        final String path;
        final int line;
        final Map<String, String> set = new LinkedHashMap<>();
        final List<String> unset = new ArrayList<>();

        Block(String path, int line) {
            this.path = path;
            this.line = line;
        }

        boolean valid() {
            return !set.isEmpty() || !unset.isEmpty();
        }

        Rule rule() {
            return new Rule(path, set, unset, line);
        }
    }

    public static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        List<Rule> rules = new ArrayList<>();
        List<RoutingFileProblem> problems = new ArrayList<>();
        Block block = null;
        boolean skipUntilNextPath = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = RoutingFileProblem.ruleLine(lines[i], lineNumber, MAX_LINE_LENGTH, problems);
            if (line == null) {
                continue;
            }
            if (LINE_IS_PROBABLY_A_PATH.matcher(line).find()) {
                skipUntilNextPath = false;
                if (rules.size() >= MAX_RULES) {
                    problems.add(new RoutingFileProblem(
                            lineNumber,
                            "Maximum number of rules supported is " + MAX_RULES + ". Skipping remaining "
                                    + (lines.length - i) + " lines of file."));
                    break; // the block in progress is still kept below, as Cloudflare does
                }
                if (block != null) {
                    finish(block, rules, problems);
                }
                block = null;
                RuleUrls.Result path = RuleUrls.validate(line, false, true, false, false);
                String error = path.url() == null ? path.error() : multipleWildcards(path.url());
                if (error != null) {
                    problems.add(new RoutingFileProblem(lineNumber, error));
                    skipUntilNextPath = true;
                    continue;
                }
                block = new Block(path.url(), lineNumber);
                continue;
            }
            if (skipUntilNextPath) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                if (block == null) {
                    problems.add(new RoutingFileProblem(
                            lineNumber, "Expected a path beginning with at least one forward-slash"));
                } else if (line.startsWith(UNSET_OPERATOR)) {
                    block.unset.add(line.replaceFirst(Pattern.quote(UNSET_OPERATOR), ""));
                } else {
                    problems.add(new RoutingFileProblem(
                            lineNumber, "Expected a colon-separated header pair (e.g. name: value)"));
                }
                continue;
            }
            String name = JsText.trim(line.substring(0, colon)).toLowerCase(Locale.ROOT);
            if (name.contains(" ")) {
                problems.add(new RoutingFileProblem(lineNumber, "Header name cannot include spaces"));
                continue;
            }
            String value = JsText.trim(line.substring(colon + 1));
            if (name.isEmpty()) {
                problems.add(new RoutingFileProblem(lineNumber, "No header name specified"));
                continue;
            }
            if (value.isEmpty()) {
                problems.add(new RoutingFileProblem(lineNumber, "No header value specified"));
                continue;
            }
            if (block == null) {
                problems.add(new RoutingFileProblem(
                        lineNumber, "Path should come before header (" + name + ": " + value + ")"));
                continue;
            }
            block.set.merge(name, value, (old, added) -> old + ", " + added);
        }
        if (block != null) {
            finish(block, rules, problems);
        }
        return new Parsed(rules, problems);
    }

    private static void finish(Block block, List<Rule> rules, List<RoutingFileProblem> problems) {
        if (block.valid()) {
            rules.add(block.rule());
        } else {
            problems.add(new RoutingFileProblem(block.line, "No headers specified"));
        }
    }

    private static String multipleWildcards(String path) {
        long wildcards = SPLAT.matcher(path).results().count();
        if (wildcards > 1) {
            return "Only one wildcard is allowed per rule. Use a named placeholder (e.g. :project) instead. Skipping "
                    + path + ".";
        }
        if (wildcards > 0 && SPLAT_PLACEHOLDER.matcher(path).find()) {
            return "Cannot combine a wildcard * with a :splat placeholder because wildcards are converted to :splat"
                    + " at runtime. Skipping " + path + ".";
        }
        return null;
    }
}
