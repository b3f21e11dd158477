package dev.assetsdeploy.config;

import dev.assetsdeploy.Json;
import dev.assetsdeploy.PathName;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The value rules shared by file fields and flags. Each returns the problems found, one line
 * each, starting with {@code origin} ({@code wrangler.jsonc: assets.html_handling} or
 * {@code --html-handling}).
 */
final class FieldChecks {

    /** wrangler's {@code MAX_ROUTES_RULES} and {@code MAX_ROUTES_RULE_LENGTH}. */
    static final int MAX_RULES = 100;

    static final int MAX_RULE_LENGTH = 100;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private FieldChecks() {}

    /**
     * The mode that {@code word} names among {@code modes} (by their config words), parsed once here; {@code null}
     * when it names none, with the problem added to {@code problems}.
     */
    static <M extends Enum<M>> Sourced<M> mode(
            Sourced<String> word, M[] modes, Function<M, String> wordOf, List<String> problems) {
        if (word == null) {
            return null;
        }
        for (M mode : modes) {
            if (wordOf.apply(mode).equals(word.value())) {
                return Sourced.of(mode, word.origin());
            }
        }
        problems.add(word.origin() + " is " + Json.quote(word.value()) + ", expected one of "
                + Arrays.stream(modes).map(wordOf).collect(Collectors.joining(", ")));
        return null;
    }

    static List<String> date(String origin, String value) {
        if (DATE.matcher(value).matches()) {
            try {
                LocalDate.parse(value);
                return List.of();
            } catch (DateTimeException e) {
                return List.of(origin + " is " + Json.quote(value) + ", which is not a date: expected yyyy-mm-dd");
            }
        }
        return List.of(origin + " is " + Json.quote(value) + ", expected a date yyyy-mm-dd (like 2025-01-01)");
    }

    static List<String> accountId(String origin, String value) {
        return pathName(PathName.ACCOUNT_ID, origin, value);
    }

    /** A Worker's name, by the rule of an account's Workers or (wrangler checks nothing there) a namespace's. */
    static List<String> scriptName(String origin, String value, boolean dispatchNamespace) {
        return pathName(PathName.workerName(dispatchNamespace), origin, value);
    }

    private static List<String> pathName(PathName rule, String origin, String value) {
        String problem = rule.problem(origin, value);
        return problem == null ? List.of() : List.of(problem);
    }

    static List<String> notEmpty(String origin, String value, String what) {
        return value.isEmpty() ? List.of(origin + " is empty, expected " + what) : List.of();
    }

    /** A non-empty string that this system can use as a path (no NUL, for one). */
    static List<String> path(String origin, String value, String what) {
        if (value.isEmpty()) {
            return notEmpty(origin, value, what);
        }
        try {
            Path.of(value);
            return List.of();
        } catch (InvalidPathException e) {
            return List.of(origin + " is " + Json.quote(value) + ", which is not a valid path: expected " + what);
        }
    }

    /**
     * {@code run_worker_first} rules, as wrangler's {@code parseStaticRouting} checks them: 1 to 100
     * rules, each starting with {@code /} (to the Worker) or {@code !/} (to the assets), at most 100
     * characters, no duplicates, not only negative rules, and none made redundant by a
     * {@code *} rule of the same kind ({@code /api/*} makes {@code /api/users} redundant).
     */
    static List<String> runWorkerFirstRules(String origin, List<String> rules) {
        List<String> problems = new ArrayList<>();
        if (rules.isEmpty()) {
            problems.add(origin + " is an empty list, expected 1 to " + MAX_RULES + " rules (or true/false)");
            return problems;
        }
        if (rules.size() > MAX_RULES) {
            problems.add(origin + " has " + rules.size() + " rules, expected at most " + MAX_RULES);
        }
        List<String> positive = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        for (String rule : rules) {
            if (rule.startsWith("!/")) {
                negative.add(rule);
            } else if (rule.startsWith("/")) {
                positive.add(rule);
            } else {
                problems.add(origin + ": rule " + Json.quote(rule) + " must start with \"/\" (or \"!/\" to exclude)");
            }
        }
        problems.addAll(ruleGroupProblems(origin, positive));
        problems.addAll(ruleGroupProblems(origin, negative));
        if (positive.isEmpty() && !negative.isEmpty()) {
            problems.add(
                    origin + " has only negative rules (\"!/...\"), expected at least one rule starting with \"/\"");
        }
        return problems;
    }

    /** wrangler's {@code validateStaticRoutingRules}, for the rules of one kind. */
    private static List<String> ruleGroupProblems(String origin, List<String> rules) {
        Set<String> problems = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String rule : rules) {
            if (rule.length() > MAX_RULE_LENGTH) {
                problems.add(origin + ": rule " + Json.quote(rule) + " is " + rule.length()
                        + " characters long, expected at most " + MAX_RULE_LENGTH);
            }
            if (!seen.add(rule)) {
                problems.add(origin + ": rule " + Json.quote(rule) + " is listed twice, expected unique rules");
            }
            if (rule.endsWith("*")) {
                String prefix = rule.substring(0, rule.length() - 1);
                for (String other : rules) {
                    if (!other.equals(rule) && other.startsWith(prefix)) {
                        problems.add(origin + ": rule " + Json.quote(other) + " is redundant: " + Json.quote(rule)
                                + " already covers it");
                    }
                }
            }
        }
        return List.copyOf(problems);
    }
}
