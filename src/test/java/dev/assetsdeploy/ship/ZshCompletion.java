package dev.assetsdeploy.ship;

import static dev.assetsdeploy.ship.CommandModel.label;
import static dev.assetsdeploy.ship.CommandModel.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A native zsh completion function ({@code _arguments}/{@code _describe}) for a picocli command tree.
 * Install it as {@code _NAME} on {@code $fpath}, or source it after {@code compinit}.
 */
final class ZshCompletion {

    private ZshCompletion() {}

    static String generate(CommandSpec root, String header) {
        String main = function(root);
        StringBuilder out = new StringBuilder();
        out.append("#compdef ").append(root.name()).append('\n');
        header.lines().forEach(line -> out.append("# ").append(line).append('\n'));
        out.append('\n');
        writeFunctions(out, root);
        // Autoloaded from $fpath the file is the body of the function; sourced it only has to register it.
        out.append("if [ \"$funcstack[1]\" = \"")
                .append(main)
                .append("\" ]; then\n")
                .append("  ")
                .append(main)
                .append(" \"$@\"\n")
                .append("else\n")
                .append("  compdef ")
                .append(main)
                .append(' ')
                .append(root.name())
                .append('\n')
                .append("fi\n");
        return out.toString();
    }

    private static String function(CommandSpec spec) {
        return "_" + spec.qualifiedName("_");
    }

    private static void writeFunctions(StringBuilder out, CommandSpec spec) {
        Map<String, CommandSpec> subcommands = CommandModel.subcommands(spec);
        out.append(function(spec)).append("() {\n");
        out.append("  local curcontext=\"$curcontext\" state state_descr line ret=1\n");
        out.append("  typeset -A opt_args\n");
        out.append("  _arguments -C -s -S \\\n");
        for (OptionSpec option : CommandModel.options(spec)) {
            out.append("    ").append(optionSpec(option)).append(" \\\n");
        }
        if (subcommands.isEmpty()) {
            for (PositionalParamSpec positional : CommandModel.positionals(spec)) {
                out.append("    ").append(positionalSpec(positional)).append(" \\\n");
            }
            out.append("    && ret=0\n");
        } else {
            out.append("    '1: :->command' \\\n");
            out.append("    '*:: :->argument' && ret=0\n");
            out.append("  case $state in\n");
            out.append("    command)\n");
            out.append("      local -a commands\n");
            out.append("      commands=(\n");
            for (Map.Entry<String, CommandSpec> sub : subcommands.entrySet()) {
                String entry = sub.getKey().replace(":", "\\:") + ":"
                        + summary(sub.getValue().usageMessage().description());
                out.append("        ").append(quote(entry)).append('\n');
            }
            out.append("      )\n");
            out.append("      _describe -t commands ")
                    .append(quote(spec.qualifiedName() + " command"))
                    .append(" commands && ret=0\n");
            out.append("      ;;\n");
            out.append("    argument)\n");
            out.append("      curcontext=\"${curcontext%:*:*}:")
                    .append(spec.qualifiedName("-"))
                    .append("-$words[1]:\"\n");
            out.append("      case $words[1] in\n");
            for (Map.Entry<String, CommandSpec> sub : subcommands.entrySet()) {
                out.append("        ")
                        .append(sub.getKey())
                        .append(") ")
                        .append(function(sub.getValue()))
                        .append(" && ret=0 ;;\n");
            }
            out.append("      esac\n");
            out.append("      ;;\n");
            out.append("  esac\n");
        }
        out.append("  return ret\n");
        out.append("}\n\n");
        for (CommandSpec sub : distinct(subcommands)) {
            writeFunctions(out, sub);
        }
    }

    private static List<CommandSpec> distinct(Map<String, CommandSpec> subcommands) {
        List<CommandSpec> specs = new ArrayList<>();
        for (CommandSpec sub : subcommands.values()) {
            if (!specs.contains(sub)) {
                specs.add(sub);
            }
        }
        return specs;
    }

    private static String optionSpec(OptionSpec option) {
        String[] names = CommandModel.namesWithNegated(option);
        boolean takesValue = CommandModel.valueKind(option) != CommandModel.ValueKind.NONE;
        StringBuilder spec = new StringBuilder();
        if (option.isMultiValue()) {
            spec.append("'*'");
        } else {
            spec.append(quote("(" + String.join(" ", names) + ")"));
        }
        List<String> forms = new ArrayList<>();
        for (String name : names) {
            forms.add(takesValue ? name + (name.startsWith("--") ? "=" : "+") : name);
        }
        spec.append(forms.size() == 1 ? forms.get(0) : "{" + String.join(",", forms) + "}");
        spec.append(quote("[" + bracketEscape(summary(option.description())) + "]" + valueAction(option)));
        return spec.toString();
    }

    private static String positionalSpec(PositionalParamSpec positional) {
        boolean many = positional.arity().max() > 1 || positional.index().isVariable();
        String position = many ? "*" : String.valueOf(positional.index().min() + 1);
        return quote(position + valueAction(positional));
    }

    private static String valueAction(ArgSpec arg) {
        String message = ":" + label(arg).replace(":", "\\:") + ":";
        return switch (CommandModel.valueKind(arg)) {
            case NONE -> "";
            case DIRECTORY -> message + "_files -/";
            case FILE -> message + "_files";
            case CHOICES -> message + "(" + String.join(" ", CommandModel.choices(arg)) + ")";
            case TEXT -> message + " ";
        };
    }

    private static String bracketEscape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
    }

    /** Single-quotes a word for zsh. */
    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
