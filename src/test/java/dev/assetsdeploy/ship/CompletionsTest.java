package dev.assetsdeploy.ship;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class CompletionsTest {

    @TempDir
    Path work;

    @Test
    void committedCompletionsAreWhatTheCommandModelGenerates() throws IOException {
        Map<String, String> generated = ShipFiles.completions();
        Path committed = Path.of("completions");
        Set<String> committedNames;
        try (Stream<Path> files = Files.list(committed)) {
            committedNames = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        String refresh = " (refresh with: " + ShipFiles.REFRESH_COMMAND + ")";
        assertEquals(new TreeSet<>(generated.keySet()), committedNames, "files in completions/" + refresh);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            // A Windows checkout with core.autocrlf may have turned LF into CRLF.
            String onDisk = Files.readString(committed.resolve(file.getKey()), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n");
            assertEquals(file.getValue(), onDisk, "completions/" + file.getKey() + " is out of date" + refresh);
        }
    }

    @Test
    void zshAndFishScriptsNameEveryCommandAndOption() {
        Map<String, String> scripts = ShipFiles.completions();
        String zsh = scripts.get("_assets-deploy");
        String fish = scripts.get("assets-deploy.fish");
        for (CommandSpec spec : allCommands(ShipFiles.commandLine().getCommandSpec())) {
            assertTrue(
                    zsh.contains("_" + spec.qualifiedName("_") + "() {"), "zsh function for " + spec.qualifiedName());
            assertTrue(fish.contains("# " + spec.qualifiedName() + "\n"), "fish section for " + spec.qualifiedName());
            for (OptionSpec option : CommandModel.options(spec)) {
                for (String name : option.names()) {
                    assertTrue(zsh.contains(name), "zsh: " + spec.qualifiedName() + " " + name);
                    String fishFlag = name.startsWith("--") ? "-l " + name.substring(2) : "-s " + name.substring(1);
                    assertTrue(fish.contains(fishFlag), "fish: " + spec.qualifiedName() + " " + name);
                }
            }
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void bashCompletesCommandsOptionsAndFolders() throws Exception {
        Path bash = Shell.find("bash");
        assumeTrue(bash != null, "bash is not installed");
        int major = Integer.parseInt(
                run(bash.toString(), "-c", "echo ${BASH_VERSINFO[0]}").strip());
        assumeTrue(major >= 4, "picocli's script needs bash 4 or later (macOS ships 3.2)");
        Path script = write("assets-deploy.bash");
        Files.createDirectories(cwd().resolve("site"));
        String complete = "source \"$1\"; read -ra COMP_WORDS <<< \"$2\"; [[ \"$2\" == *' ' ]] && COMP_WORDS+=('');"
                + " COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"$2\"; COMP_POINT=${#2};"
                + " _complete_assets-deploy 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\"";
        assertEquals(
                subcommandNames(),
                lines(run(bash.toString(), "-c", complete, "_", script.toString(), "assets-deploy ")));
        assertEquals(
                optionNames("manifest"),
                lines(run(bash.toString(), "-c", complete, "_", script.toString(), "assets-deploy manifest --")));
        assertTrue(lines(run(bash.toString(), "-c", complete, "_", script.toString(), "assets-deploy manifest s"))
                .contains("site"));
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void fishCompletesCommandsOptionsAndFolders() throws Exception {
        Path fish = Shell.find("fish");
        assumeTrue(fish != null, "fish is not installed");
        Path script = write("assets-deploy.fish");
        Files.createDirectories(cwd().resolve("site"));
        Files.writeString(cwd().resolve("notes.txt"), "x");
        String complete = "source $argv[1]; complete -C $argv[2]";
        assertEquals(
                subcommandNames(),
                firstColumn(run(fish.toString(), "-c", complete, script.toString(), "assets-deploy ")));
        assertEquals(
                optionNames("manifest"),
                firstColumn(run(fish.toString(), "-c", complete, script.toString(), "assets-deploy manifest --")));
        assertEquals(
                Set.of("site/"),
                firstColumn(run(fish.toString(), "-c", complete, script.toString(), "assets-deploy manifest ")));
        assertEquals(
                Set.of("notes.txt", "site/"),
                firstColumn(run(fish.toString(), "-c", complete, script.toString(), "assets-deploy manifest --out ")));
    }

    /** zsh completion needs a terminal: the zpty module drives an interactive zsh and records what it offers. */
    @Test
    @DisabledOnOs(OS.WINDOWS)
    void zshCompletesCommandsAndOptions() throws Exception {
        Path zsh = Shell.find("zsh");
        assumeTrue(zsh != null, "zsh is not installed");
        Path functions = Files.createDirectories(work.resolve("functions"));
        Files.writeString(
                functions.resolve("_assets-deploy"),
                ShipFiles.completions().get("_assets-deploy"),
                StandardCharsets.UTF_8);
        Path capture = work.resolve("capture.zsh");
        try (var in = CompletionsTest.class.getResourceAsStream("zsh-capture.zsh")) {
            Files.write(capture, in.readAllBytes());
        }
        assertEquals(
                subcommandNames(),
                hits(run(zsh.toString(), "-f", capture.toString(), functions.toString(), "assets-deploy ")));
        assertEquals(
                optionNames("manifest"),
                hits(run(zsh.toString(), "-f", capture.toString(), functions.toString(), "assets-deploy manifest --")));
    }

    /** The directory completions run in, apart from the scripts so it holds only what a test puts there. */
    private Path cwd() throws IOException {
        return Files.createDirectories(work.resolve("cwd"));
    }

    private Path write(String name) throws IOException {
        Path script = work.resolve(name);
        Files.writeString(script, ShipFiles.completions().get(name), StandardCharsets.UTF_8);
        return script;
    }

    private String run(String... command) throws Exception {
        Shell.Result result = Shell.run(cwd(), null, Arrays.asList(command));
        assertEquals(0, result.exitCode(), String.join(" ", command) + "\n" + result.err());
        return result.out();
    }

    private static Set<String> lines(String out) {
        return out.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> firstColumn(String out) {
        return out.lines()
                .map(l -> l.split("\t")[0])
                .filter(l -> !l.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> hits(String out) {
        return out.lines()
                .map(l -> l.replace("\r", ""))
                .filter(l -> l.startsWith("HIT:"))
                .map(l -> l.substring(4))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> subcommandNames() {
        return new TreeSet<>(CommandModel.subcommands(ShipFiles.commandLine().getCommandSpec())
                .keySet());
    }

    private static Set<String> optionNames(String subcommand) {
        CommandSpec spec =
                ShipFiles.commandLine().getSubcommands().get(subcommand).getCommandSpec();
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : CommandModel.options(spec)) {
            Arrays.stream(option.names()).filter(n -> n.startsWith("--")).forEach(names::add);
        }
        return names;
    }

    private static List<CommandSpec> allCommands(CommandSpec root) {
        List<CommandSpec> specs = new ArrayList<>();
        specs.add(root);
        for (CommandSpec sub : CommandModel.subcommands(root).values()) {
            if (!specs.contains(sub)) {
                specs.addAll(allCommands(sub));
            }
        }
        return specs;
    }
}
