package dev.assetsdeploy.ship;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** What the shell-completion generators read from picocli's command model, in declaration order. */
final class CommandModel {

    /** How a value of an option or positional parameter is completed. */
    enum ValueKind {
        NONE,
        DIRECTORY,
        FILE,
        CHOICES,
        TEXT
    }

    private CommandModel() {}

    /** The visible subcommands of {@code spec} by name (aliases map to the same command), in declaration order. */
    static Map<String, CommandSpec> subcommands(CommandSpec spec) {
        Map<String, CommandSpec> visible = new LinkedHashMap<>();
        for (Map.Entry<String, CommandLine> e : spec.subcommands().entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            if (!sub.usageMessage().hidden()) {
                visible.put(e.getKey(), sub);
            }
        }
        return visible;
    }

    static List<OptionSpec> options(CommandSpec spec) {
        List<OptionSpec> visible = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                visible.add(option);
            }
        }
        return visible;
    }

    static List<PositionalParamSpec> positionals(CommandSpec spec) {
        List<PositionalParamSpec> visible = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                visible.add(p);
            }
        }
        return visible;
    }

    static ValueKind valueKind(ArgSpec arg) {
        if (arg.isOption() && arg.arity().max() == 0) {
            return ValueKind.NONE;
        }
        if (choices(arg).size() > 0) {
            return ValueKind.CHOICES;
        }
        Class<?> type = arg.type();
        if (Path.class.isAssignableFrom(type) || java.io.File.class.isAssignableFrom(type)) {
            return arg.paramLabel().toUpperCase(Locale.ROOT).contains("DIR") ? ValueKind.DIRECTORY : ValueKind.FILE;
        }
        return ValueKind.TEXT;
    }

    static List<String> choices(ArgSpec arg) {
        List<String> values = new ArrayList<>();
        Iterable<String> candidates = arg.completionCandidates();
        if (candidates != null) {
            for (Iterator<String> it = candidates.iterator(); it.hasNext(); ) {
                values.add(it.next());
            }
        }
        return values;
    }

    /** The first sentence of a description, on one line: what a completion menu has room for. */
    static String summary(String[] description) {
        String text = String.join(" ", description)
                .replace("%n", " ")
                .replaceAll("\\s+", " ")
                .trim();
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }

    /** The label a value is shown with, without picocli's angle brackets. */
    static String label(ArgSpec arg) {
        return arg.paramLabel().replaceAll("^<|>$", "");
    }

    /** An option's names, and for a negatable one ({@code --workers-dev}) picocli's negated forms ({@code --no-workers-dev}). */
    static String[] namesWithNegated(OptionSpec option) {
        List<String> names = new ArrayList<>(List.of(option.names()));
        if (option.negatable()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    names.add("--no-" + name.substring(2));
                }
            }
        }
        return names.toArray(String[]::new);
    }
}
