package dev.assetsdeploy.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code _redirects} file, parsed as Cloudflare parses it (workers-shared {@code parseRedirects}
 * and {@code constructRedirects}, wrangler 4.164): the same limits, the same skipped lines, the same
 * messages, each problem with its line number.
 */
public final class RedirectsFile {

    public static final int MAX_LINE_LENGTH = 2000;
    /** Cloudflare's documentation limits a redirect to 1,000 characters; its parser only to {@link #MAX_LINE_LENGTH}. */
    public static final int DOCUMENTED_MAX_LINE_LENGTH = 1000;

    public static final int MAX_STATIC_RULES = 2000;
    public static final int MAX_DYNAMIC_RULES = 100;
    private static final Set<Integer> PERMITTED_STATUS = Set.of(200, 301, 302, 303, 307, 308);
    private static final Pattern TRAILING_COMMENT = Pattern.compile(JsText.WS + "+#[^\\n\\r\\u2028\\u2029]*\\z");
    private static final Pattern SPLAT = Pattern.compile("\\*");
    private static final Pattern PLACEHOLDER = Pattern.compile(":[A-Za-z]\\w*");
    private static final Pattern TO_INDEX = Pattern.compile(".*/index(.html)?\\z", Pattern.DOTALL);

    /** One rule: {@code from} is a normalised path, {@code to} a normalised path or https URL. */
    public record Rule(String from, String to, int status, int line) {

        /** Static rules match one exact path; dynamic ones have a splat or a placeholder. */
        public boolean dynamic() {
            return SPLAT.matcher(from).find() || PLACEHOLDER.matcher(from).find();
        }
    }

    /**
     * The parse result. {@code staticRules} and {@code dynamicRules} are how Cloudflare stores
     * them: a rule without splat or placeholder is static only while no dynamic rule came before it.
     *
     * @param problems  the lines Cloudflare ignores, as it reports them
     * @param longLines rules Cloudflare's parser applies although they are longer than its documentation allows
     */
    public record Parsed(List<Rule> rules, List<RoutingFileProblem> problems, List<RoutingFileProblem> longLines) {

        public Parsed {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
            longLines = List.copyOf(longLines);
        }

        public Parsed(List<Rule> rules, List<RoutingFileProblem> problems) {
            this(rules, problems, List.of());
        }

        public Map<String, Rule> staticRules() {
            return split().get(0);
        }

        public Map<String, Rule> dynamicRules() {
            return split().get(1);
        }

        private List<Map<String, Rule>> split() {
            Map<String, Rule> statics = new LinkedHashMap<>();
            Map<String, Rule> dynamics = new LinkedHashMap<>();
            boolean canCreateStatic = true;
            for (Rule rule : rules) {
                if (!rule.dynamic() && canCreateStatic) {
                    statics.put(rule.from(), rule);
                    continue;
                }
                dynamics.put(rule.from(), rule);
                canCreateStatic = false;
            }
            return List.of(Collections.unmodifiableMap(statics), Collections.unmodifiableMap(dynamics));
        }
    }

    private RedirectsFile() {}

    public static Parsed parse(String text) {
        return parse(text, null);
    }

    /** @param htmlHandling the configured mode ({@code null} = default): {@code none} allows {@code /dir/ /dir/index}. */
    public static Parsed parse(String text, AssetsSettings.HtmlHandling htmlHandling) {
        String[] lines = text.split("\n", -1);
        List<Rule> rules = new ArrayList<>();
        List<RoutingFileProblem> problems = new ArrayList<>();
        List<RoutingFileProblem> longLines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int staticRules = 0;
        int dynamicRules = 0;
        boolean canCreateStatic = true;
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = RoutingFileProblem.ruleLine(lines[i], lineNumber, MAX_LINE_LENGTH, problems);
            if (line == null) {
                continue;
            }
            String[] tokens =
                    JsText.splitOnWhitespace(TRAILING_COMMENT.matcher(line).replaceFirst(""));
            if (tokens.length < 2 || tokens.length > 3) {
                problems.add(new RoutingFileProblem(
                        lineNumber, "Expected exactly 2 or 3 whitespace-separated tokens. Got " + tokens.length + "."));
                continue;
            }
            String statusText = tokens.length == 3 ? tokens[2] : "302";
            RuleUrls.Result from = RuleUrls.validate(tokens[0], true, true, false, false);
            if (from.url() == null) {
                problems.add(new RoutingFileProblem(lineNumber, from.error()));
                continue;
            }
            if (canCreateStatic
                    && !SPLAT.matcher(from.url()).find()
                    && !PLACEHOLDER.matcher(from.url()).find()) {
                staticRules++;
                if (staticRules > MAX_STATIC_RULES) {
                    problems.add(new RoutingFileProblem(
                            lineNumber,
                            "Maximum number of static rules supported is " + MAX_STATIC_RULES + ". Skipping line."));
                    continue;
                }
            } else {
                dynamicRules++;
                canCreateStatic = false;
                if (dynamicRules > MAX_DYNAMIC_RULES) {
                    problems.add(new RoutingFileProblem(
                            lineNumber,
                            "Maximum number of dynamic rules supported is " + MAX_DYNAMIC_RULES
                                    + ". Skipping remaining " + (lines.length - i) + " lines of file."));
                    break;
                }
            }
            RuleUrls.Result to = RuleUrls.validate(tokens[1], false, false, true, true);
            if (to.url() == null) {
                problems.add(new RoutingFileProblem(lineNumber, to.error()));
                continue;
            }
            double status = JsText.number(statusText);
            if (Double.isNaN(status) || status != Math.rint(status) || !PERMITTED_STATUS.contains((int) status)) {
                problems.add(new RoutingFileProblem(
                        lineNumber,
                        "Valid status codes are 200, 301, 302 (default), 303, 307, or 308. Got " + statusText + "."));
                continue;
            }
            boolean relative = !RuleUrls.hasHost(to.url());
            boolean wildcardToIndex =
                    from.url().endsWith("/*") && TO_INDEX.matcher(to.url()).matches();
            boolean rootToIndex =
                    from.url().endsWith("/") && TO_INDEX.matcher(to.url()).matches();
            if (relative && (wildcardToIndex || rootToIndex && htmlHandling != AssetsSettings.HtmlHandling.NONE)) {
                problems.add(new RoutingFileProblem(
                        lineNumber,
                        "Infinite loop detected in this rule and has been ignored. This will"
                                + " cause a redirect to strip `.html` or `/index` and end up triggering this rule again."
                                + " Please fix or remove this rule to silence this warning."));
                continue;
            }
            if (!seen.add(from.url())) {
                problems.add(
                        new RoutingFileProblem(lineNumber, "Ignoring duplicate rule for path " + from.url() + "."));
                continue;
            }
            if (status == 200 && !relative) {
                problems.add(new RoutingFileProblem(
                        lineNumber, "Proxy (200) redirects can only point to relative paths. Got " + to.url()));
                continue;
            }
            rules.add(new Rule(from.url(), to.url(), (int) status, lineNumber));
            if (line.length() > DOCUMENTED_MAX_LINE_LENGTH) {
                longLines.add(new RoutingFileProblem(
                        lineNumber,
                        String.format(
                                Locale.ROOT,
                                "the line is %,d characters long, over the %,d that Cloudflare documents for a redirect"
                                        + " (wrangler and wrangler dev still accept it): shorten it",
                                line.length(),
                                DOCUMENTED_MAX_LINE_LENGTH)));
            }
        }
        return new Parsed(rules, problems, longLines);
    }
}
