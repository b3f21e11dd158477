package dev.assetsdeploy.ship;

import static dev.assetsdeploy.ship.CommandModel.summary;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** {@code complete} lines for fish, one per option, subcommand and positional parameter of a picocli command tree. */
final class FishCompletion {

    private FishCompletion() {}

    static String generate(CommandSpec root, String header) {
        StringBuilder out = new StringBuilder();
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        out.append('\n');
        // Files are offered only where the model says a value is a path.
        out.append("complete -c ").append(root.name()).append(" -f\n");
        writeCommand(out, root, List.of());
        return out.toString();
    }

    private static void writeCommand(StringBuilder out, CommandSpec spec, List<String> path) {
        Map<String, CommandSpec> subcommands = CommandModel.subcommands(spec);
        String condition = condition(path, subcommands.keySet());
        String prefix = "complete -c " + spec.root().name() + (condition.isEmpty() ? "" : " -n " + quote(condition));
        out.append('\n').append("# ").append(spec.qualifiedName()).append('\n');
        for (OptionSpec option : CommandModel.options(spec)) {
            out.append(prefix)
                    .append(names(option))
                    .append(value(option))
                    .append(" -d ")
                    .append(quote(summary(option.description())))
                    .append('\n');
        }
        for (Map.Entry<String, CommandSpec> sub : subcommands.entrySet()) {
            out.append(prefix)
                    .append(" -a ")
                    .append(quote(sub.getKey()))
                    .append(" -d ")
                    .append(quote(summary(sub.getValue().usageMessage().description())))
                    .append('\n');
        }
        if (subcommands.isEmpty()) {
            for (PositionalParamSpec positional : CommandModel.positionals(spec)) {
                String value = value(positional);
                if (!value.isEmpty()) {
                    out.append(prefix).append(value).append('\n');
                }
            }
        }
        Set<CommandSpec> done = new LinkedHashSet<>();
        for (Map.Entry<String, CommandSpec> sub : subcommands.entrySet()) {
            if (done.add(sub.getValue())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(String.join(" ", namesOf(sub.getValue(), subcommands)));
                writeCommand(out, sub.getValue(), subPath);
            }
        }
    }

    /** A subcommand's name and aliases, as registered in its parent. */
    private static List<String> namesOf(CommandSpec sub, Map<String, CommandSpec> siblings) {
        List<String> names = new ArrayList<>();
        siblings.forEach((name, spec) -> {
            if (spec == sub) {
                names.add(name);
            }
        });
        return names;
    }

    private static String condition(List<String> path, Set<String> subcommands) {
        List<String> tests = new ArrayList<>();
        for (String names : path) {
            tests.add("__fish_seen_subcommand_from " + names);
        }
        if (!subcommands.isEmpty()) {
            tests.add("not __fish_seen_subcommand_from " + String.join(" ", subcommands));
        }
        return String.join("; and ", tests);
    }

    private static String names(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                flags.append(" -l ").append(name.substring(2));
                if (option.negatable()) {
                    flags.append(" -l no-").append(name.substring(2));
                }
            } else if (name.length() == 2) {
                flags.append(" -s ").append(name.substring(1));
            } else {
                flags.append(" -o ").append(name.substring(1));
            }
        }
        return flags.toString();
    }

    private static String value(ArgSpec arg) {
        return switch (CommandModel.valueKind(arg)) {
            case NONE -> "";
            case DIRECTORY -> " -x -a " + quote("(__fish_complete_directories)");
            case FILE -> arg.isOption() ? " -r -F" : " -F";
            case CHOICES -> " -x -a " + quote(String.join(" ", CommandModel.choices(arg)));
            case TEXT -> arg.isOption() ? " -x" : "";
        };
    }

    /** Single-quotes a word for fish. */
    private static String quote(String word) {
        return "'" + word.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
