package dev.assetsdeploy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands a run tells the user to run next, with the flags of this run that choose the same config, Worker and
 * account, as given (and {@code --env} when it came from {@code $CLOUDFLARE_ENV}), quoted for a POSIX shell: {@code
 * assets-deploy triggers ...}, which applies what a triggers phase left undone, and the commands about the Worker
 * after a version upload or a deployment ({@code versions deploy}, {@code deployments status}).
 */
final class NextCommand {

    /** The flags that choose the config, its section, the Worker and the account. */
    private static final Set<String> WORKER = Set.of("--config", "--env", "--script", "--account-id", "--api-base-url");

    /** The flags {@code triggers} takes that change what it applies, or where, or what it accepts to leave out. */
    private static final Set<String> TRIGGERS = Stream.concat(
                    WORKER.stream(),
                    Stream.of(
                            "--workers-dev",
                            "--preview-urls",
                            "--route",
                            "--domain",
                            "--schedule",
                            "--allow-unsupported"))
            .collect(Collectors.toUnmodifiableSet());

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

    private NextCommand() {}

    /** {@code assets-deploy triggers} with this run's config, Worker, account and triggers flags. */
    static String triggers(CommandSpec spec, Environment env) {
        return "assets-deploy triggers" + flags(spec, env, TRIGGERS);
    }

    /**
     * This run's flags that choose the config, Worker and account, each after a space ({@code " --script site"}), or
     * {@code ""}: to append to a command about the same Worker.
     */
    static String workerFlags(CommandSpec spec, Environment env) {
        return flags(spec, env, WORKER);
    }

    private static String flags(CommandSpec spec, Environment env, Set<String> carried) {
        List<String> words = new ArrayList<>();
        boolean envGiven = false;
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (!carried.contains(name)) {
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
        return words.stream().map(word -> " " + word).collect(Collectors.joining());
    }

    static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
