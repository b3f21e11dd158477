package dev.assetsdeploy.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The root command. It only groups the subcommands; the bare form runs {@code all}. */
@Command(name = "assets-deploy",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Deploy a folder of static files to a Cloudflare Worker (Workers static assets).",
        subcommands = {AllCommand.class, ManifestCommand.class, UploadCommand.class, DeployCommand.class,
                PreviewCommand.class},
        footerHeading = "%n",
        footer = "Credentials come from the environment only (CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY"
                + " with CLOUDFLARE_EMAIL), never from a flag.")
public final class AssetsDeploy implements Runnable {

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

    /** A fully configured command line: error handlers, exit codes, the given environment. */
    public static CommandLine newCommandLine(Environment env) {
        ErrorHandlers handlers = new ErrorHandlers(env);
        CommandLine cl = new CommandLine(new AssetsDeploy(env));
        cl.setExecutionExceptionHandler(handlers)
                .setParameterExceptionHandler(handlers)
                .setExitCodeExceptionMapper(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setAbbreviatedOptionsAllowed(false);
        applyExitCodeList(cl);
        return cl;
    }

    private static void applyExitCodeList(CommandLine cl) {
        cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
        cl.getSubcommands().values().forEach(AssetsDeploy::applyExitCodeList);
    }

    /** Runs the tool: the bare form {@code assets-deploy DIR ...} is {@code assets-deploy all DIR ...}. */
    public static int execute(CommandLine cl, String... args) {
        return cl.execute(withDefaultSubcommand(cl, args));
    }

    static String[] withDefaultSubcommand(CommandLine cl, String[] args) {
        if (args.length == 0 || !cl.getSubcommands().containsKey("all")) {
            return args;
        }
        String first = args[0];
        List<String> rootOnly = List.of("-h", "--help", "-V", "--version");
        if (cl.getSubcommands().containsKey(first) || rootOnly.contains(first)) {
            return args;
        }
        String[] rewritten = new String[args.length + 1];
        rewritten[0] = "all";
        System.arraycopy(args, 0, rewritten, 1, args.length);
        return rewritten;
    }
}
