package dev.assetsdeploy.ship;

import dev.assetsdeploy.cli.AssetsDeploy;
import dev.assetsdeploy.cli.Environment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Generates the shell completions and the man-page sources from the picocli command model, so they
 * cover every command the build contains. Run by Maven in {@code process-test-classes}; build tooling
 * only, never on the tool's class path.
 */
public final class ShipFiles {

    static final String REFRESH_COMMAND = "mvn -B -q -Prefresh-completions process-test-classes";

    static final String HEADER =
            "Generated from the assets-deploy command model by dev.assetsdeploy.ship.ShipFiles. Do not edit.\n"
                    + "Refresh after changing commands: " + REFRESH_COMMAND;

    private ShipFiles() {}

    /** Arguments: {@code --completions DIR} and/or {@code --man-adoc DIR}. */
    public static void main(String[] args) throws IOException {
        for (int i = 0; i + 1 < args.length; i += 2) {
            Path dir = Path.of(args[i + 1]);
            switch (args[i]) {
                case "--completions" -> writeCompletions(dir);
                case "--man-adoc" -> writeManPageSources(dir);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
    }

    static CommandLine commandLine() {
        return AssetsDeploy.newCommandLine(Environment.of(Map.of()));
    }

    /** File name → content of each completion script, as committed under {@code completions/}. */
    static Map<String, String> completions() {
        CommandLine cl = commandLine();
        CommandSpec root = cl.getCommandSpec();
        String name = root.name();
        Map<String, String> files = new LinkedHashMap<>();
        files.put(name + ".bash", bashHeader(withNegatedForms(AutoComplete.bash(name, cl), cl)));
        files.put("_" + name, ZshCompletion.generate(root, HEADER));
        files.put(name + ".fish", FishCompletion.generate(root, HEADER));
        // picocli formats with %n; the scripts are read by Unix shells on every platform.
        files.replaceAll((file, script) -> script.replace("\r\n", "\n"));
        return files;
    }

    /** picocli's bash script leaves out the negated form of a negatable option: each flag list gains it. */
    private static String withNegatedForms(String script, CommandLine cl) {
        java.util.Set<String> negatable = new java.util.TreeSet<>();
        collectNegatable(cl.getCommandSpec(), negatable);
        StringBuilder out = new StringBuilder();
        for (String line : script.split("\n", -1)) {
            if (line.strip().startsWith("local flag_opts=")) {
                for (String flag : negatable) {
                    line = line.replace("'" + flag + "'", "'" + flag + "' '--no-" + flag.substring(2) + "'");
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static void collectNegatable(CommandSpec spec, java.util.Set<String> flags) {
        spec.options().stream()
                .filter(picocli.CommandLine.Model.OptionSpec::negatable)
                .forEach(o -> flags.add(o.longestName()));
        spec.subcommands().values().forEach(sub -> collectNegatable(sub.getCommandSpec(), flags));
    }

    private static String bashHeader(String script) {
        int firstLineEnd = script.indexOf('\n') + 1;
        StringBuilder header = new StringBuilder();
        HEADER.lines().forEach(line -> header.append("# ").append(line).append('\n'));
        return script.substring(0, firstLineEnd) + header + script.substring(firstLineEnd);
    }

    static void writeCompletions(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> file : completions().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** One AsciiDoc man page per command ({@code assets-deploy.adoc}, {@code assets-deploy-manifest.adoc}, ...). */
    static void writeManPageSources(Path dir) throws IOException {
        Files.createDirectories(dir);
        int result = ManPageGenerator.generateManPage(
                dir.toFile(), null, new boolean[0], true, commandLine().getCommandSpec());
        if (result != CommandLine.ExitCode.OK) {
            throw new IOException("man page generation failed with exit code " + result);
        }
    }
}
