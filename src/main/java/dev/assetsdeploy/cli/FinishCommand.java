package dev.assetsdeploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code assets-deploy triggers ...} command that applies what a triggers phase left undone: the flags of this
 * run that choose the config, the Worker, the account and the triggers, as given (and {@code --env} when it came
 * from {@code $CLOUDFLARE_ENV}), quoted for a POSIX shell.
 */
final class FinishCommand {

    /** The flags {@code triggers} takes that change what it applies, or where, or what it accepts to leave out. */
    private static final Set<String> CARRIED = Set.of(
            "--config",
            "--env",
            "--script",
            "--account-id",
            "--api-base-url",
            "--workers-dev",
            "--preview-urls",
            "--route",
            "--domain",
            "--schedule",
            "--allow-unsupported");

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private FinishCommand() {}

    static String of(CommandSpec spec, Environment env) {
        List<String> words = new ArrayList<>(List.of("assets-deploy", "triggers"));
        boolean envGiven = false;
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!CARRIED.contains(name)) {
                continue;
            }
            envGiven |= name.equals("--env");
            if (option.negatable()) {
                words.add(Boolean.TRUE.equals(option.getValue()) ? name : "--no-" + name.substring(2));
                continue;
            }
            for (String value : option.originalStringValues()) {
                words.add(name);
                words.add(quote(value));
            }
        }
        String fromEnvironment = env.get("CLOUDFLARE_ENV");
        if (!envGiven && fromEnvironment != null) {
            words.add("--env");
            words.add(quote(fromEnvironment));
        }
        return String.join(" ", words);
    }

    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
