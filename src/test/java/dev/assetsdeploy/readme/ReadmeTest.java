package dev.assetsdeploy.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.assetsdeploy.cli.AssetsDeploy;
import dev.assetsdeploy.cli.Environment;
import dev.assetsdeploy.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * README's "Command reference" is the {@code --help} of every command, and its exit-code table is
 * the one {@code --help} prints. {@code -Dreadme.refresh=true} rewrites the generated section.
 */
class ReadmeTest {

    static final String REFRESH = "mvn -B -q test -Dtest=ReadmeTest -Dreadme.refresh=true";
    static final int WIDTH = 80;

    @Test
    void commandReferenceIsTheHelpOfEveryCommand() throws IOException {
        ReadmeFile readme = ReadmeFile.read();
        String expected = commandReference();
        if (Boolean.getBoolean("readme.refresh")) {
            Files.writeString(readme.path, readme.withHelpSection(expected), StandardCharsets.UTF_8);
            readme = ReadmeFile.read();
        }
        String actual = readme.helpSection();
        if (!expected.equals(actual)) {
            fail("README.md's command reference is not the commands' --help (" + firstDifference(expected, actual)
                    + "); refresh it with: " + REFRESH);
        }
    }

    static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String w = i < want.size() ? want.get(i) : "(end)";
            String h = i < have.size() ? have.get(i) : "(end)";
            if (!w.equals(h)) {
                return "line " + (i + 1) + " after " + ReadmeFile.HELP_START + ": expected \"" + w + "\", README has \""
                        + h + "\"";
            }
        }
        return "line endings differ";
    }

    @Test
    void exitCodeTableIsTheOneHelpPrints() throws IOException {
        Map<String, String> readme = new LinkedHashMap<>();
        ReadmeFile.read().exitCodeTable().forEach((code, meaning) -> readme.put(code, normalized(meaning)));
        Map<String, String> help = new LinkedHashMap<>();
        AssetsDeploy.newCommandLine(Environment.of(Map.of()))
                .getCommandSpec()
                .usageMessage()
                .exitCodeList()
                .forEach((code, meaning) -> help.put(code.trim(), normalized(meaning)));
        assertEquals(help, readme, "README.md's exit-code table differs from --help's (ExitCodes.HELP)");
        assertEquals(exitCodeConstants(), new TreeSet<>(help.keySet()), "ExitCodes.HELP must list every exit code");
    }

    /** sh blocks are run by ReadmeCommandsIT; a block in another shell dialect would silently not be. */
    @Test
    void everyCodeBlockIsRunOrAnIllustration() throws IOException {
        Set<String> known = Set.of("sh", "text", "yaml", "toml", "json", "jsonc");
        List<String> unknown = ReadmeFile.read().blocks().stream()
                .filter(b -> !known.contains(b.language()))
                .map(b -> "line " + (b.firstLine() - 1) + ": ```" + b.language())
                .toList();
        assertEquals(
                List.of(),
                unknown,
                "README.md code blocks must be ```sh (commands ReadmeCommandsIT runs) or one of " + known
                        + " (illustrations)");
    }

    @Test
    void everyFlagTheReadmeMentionsIsAnOption() throws IOException {
        ReadmeFile readme = ReadmeFile.read();
        String prose = readme.text.replace(readme.helpSection(), "");
        Set<String> options = new TreeSet<>();
        optionNames(AssetsDeploy.newCommandLine(Environment.of(Map.of())), options);
        Set<String> unknown = new TreeSet<>();
        Matcher m = Pattern.compile("(?<![\\w-])--[a-z][a-z0-9-]*").matcher(prose);
        while (m.find()) {
            if (!options.contains(m.group())) {
                unknown.add(m.group());
            }
        }
        assertEquals(Set.of(), unknown, "README.md mentions flags no command has");
    }

    static void optionNames(CommandLine cl, Set<String> names) {
        cl.getCommandSpec().options().forEach(o -> {
            names.addAll(List.of(o.names()));
            if (o.negatable()) {
                // picocli's negated form of --workers-dev: --no-workers-dev
                List.of(o.names()).forEach(n -> names.add("--no-" + n.substring(2)));
            }
        });
        cl.getSubcommands().values().forEach(sub -> optionNames(sub, names));
    }

    /** Table cell and help line are the same sentence: no Markdown code marks, no capital, no final stop. */
    static String normalized(String meaning) {
        String s = meaning.replace("`", "").trim();
        s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static TreeSet<String> exitCodeConstants() {
        TreeSet<String> codes = new TreeSet<>();
        for (Field f : ExitCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                try {
                    codes.add(String.valueOf(f.getInt(null)));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return codes;
    }

    /** The generated section: a heading and a text block with the --help of each command, root first. */
    static String commandReference() {
        StringBuilder out = new StringBuilder(
                "\n<!-- generated by ReadmeTest from the commands' --help; refresh: " + REFRESH + " -->\n");
        for (List<String> command : commands(AssetsDeploy.newCommandLine(Environment.of(Map.of())), List.of())) {
            String help = help(command);
            assertFalse(help.contains("```"), "help of " + command + " contains a code fence");
            out.append("\n### assets-deploy")
                    .append(command.isEmpty() ? "" : " " + String.join(" ", command))
                    .append("\n\n```text\n")
                    .append(help)
                    .append(help.endsWith("\n") ? "" : "\n")
                    .append("```\n");
        }
        return out.append('\n').toString();
    }

    /** Command paths below the root, the root (empty path) first, then subcommands depth first in declared order. */
    static List<List<String>> commands(CommandLine cl, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        all.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (sub.getCommandName().equals(name)) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                all.addAll(commands(sub, subPath));
            }
        });
        return all;
    }

    /** What {@code assets-deploy <command> --help} prints, without colours, at a fixed width. */
    static String help(List<String> command) {
        CommandLine cl = AssetsDeploy.newCommandLine(Environment.of(Map.of()));
        cl.setColorScheme(Help.defaultColorScheme(Help.Ansi.OFF));
        cl.setUsageHelpWidth(WIDTH);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        int code = AssetsDeploy.execute(cl, args.toArray(String[]::new));
        assertEquals(0, code, "assets-deploy " + String.join(" ", args) + ": " + err);
        assertEquals("", err.toString());
        assertTrue(!out.toString().isBlank(), "no help for " + command);
        return out.toString();
    }
}
