package dev.assetsdeploy.cli;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command. It only groups the subcommands; the bare form runs {@code all}. */
@Command(
        name = "assets-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deploy a folder of static files to a Cloudflare Worker (Workers static assets).",
        footerHeading = "%n",
        footer = "Credentials come from the environment only (CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY"
                + " with CLOUDFLARE_EMAIL), never from a flag.")
public final class AssetsDeploy implements Runnable {

    /**
     * The subcommands by name, in help order. Added to the command line on demand: building a
     * command's picocli model (reflection over every option of its mixins) is most of the
     * start-up cost, so a run builds only the command it runs.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("all", AllCommand.class);
        SUBCOMMANDS.put("manifest", ManifestCommand.class);
        SUBCOMMANDS.put("upload", UploadCommand.class);
        SUBCOMMANDS.put("deploy", DeployCommand.class);
        SUBCOMMANDS.put("triggers", TriggersCommand.class);
        SUBCOMMANDS.put("preview", PreviewCommand.class);
        SUBCOMMANDS.put("versions", VersionsCommand.class);
        SUBCOMMANDS.put("deployments", DeploymentsCommand.class);
        SUBCOMMANDS.put("rollback", RollbackCommand.class);
    }

    private static final List<String> ROOT_ONLY = List.of("-h", "--help", "-V", "--version");

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions global;

    private final Environment env;

    AssetsDeploy(Environment env) {
        this.env = env;
    }

    Environment env() {
        return env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** A fully configured command line with every subcommand: error handlers, exit codes, the given environment. */
    public static CommandLine newCommandLine(Environment env) {
        return newCommandLine(env, SUBCOMMANDS.keySet());
    }

    /**
     * The command line {@code args} need: only the subcommand they run ({@code all} for the bare
     * form), none for {@code --version}, all of them when the root's help lists them.
     */
    public static CommandLine newCommandLineFor(Environment env, String... args) {
        String first = firstWord(args);
        if (first == null || first.equals("-h") || first.equals("--help")) {
            return newCommandLine(env);
        }
        if (first.equals("-V") || first.equals("--version")) {
            return newCommandLine(env, List.of());
        }
        return newCommandLine(env, List.of(SUBCOMMANDS.containsKey(first) ? first : "all"));
    }

    private static CommandLine newCommandLine(Environment env, Collection<String> subcommands) {
        ErrorHandlers handlers = new ErrorHandlers(env);
        CommandLine cl = new CommandLine(new AssetsDeploy(env));
        for (String name : subcommands) {
            cl.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        // picocli's own Path converter drops the InvalidPathException (a name this locale cannot encode)
        cl.registerConverter(Path.class, value -> Path.of(value));
        cl.setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setExitCodeExceptionMapper(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
        applyExitCodeList(cl);
        return cl;
    }

    private static void applyExitCodeList(CommandLine cl) {
        cl.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCodes.HELP);
        cl.getSubcommands().values().forEach(AssetsDeploy::applyExitCodeList);
    }

    /** Runs the tool: the bare form {@code assets-deploy DIR ...} is {@code assets-deploy all DIR ...}. */
    public static int execute(CommandLine cl, String... args) {
        return cl.execute(withDefaultSubcommand(args));
    }

    static String[] withDefaultSubcommand(String[] args) {
        String first = firstWord(args);
        if (first == null || SUBCOMMANDS.containsKey(first) || ROOT_ONLY.contains(first)) {
            return args;
        }
        String[] rewritten = new String[args.length + 1];
        rewritten[0] = "all";
        System.arraycopy(args, 0, rewritten, 1, args.length);
        return rewritten;
    }

    /** The first argument that is not the root's {@code --stacktrace}, or {@code null}. */
    private static String firstWord(String[] args) {
        for (String arg : args) {
            if (!arg.equals("--stacktrace")) {
                return arg;
            }
        }
        return null;
    }
}
