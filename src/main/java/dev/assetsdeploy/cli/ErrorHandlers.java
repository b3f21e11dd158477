package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.NativeNames;
import dev.assetsdeploy.ShortList;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.config.InvalidConfigException;
import dev.assetsdeploy.report.GithubActions;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and an exit code from {@link ExitCodes}. A stack
 * trace only with {@code --stacktrace}; under GitHub Actions the line is repeated as an
 * {@code ::error::} annotation. Messages quote file names, config values and server answers,
 * so every line is escaped ({@link TerminalText}) before it is printed.
 */
final class ErrorHandlers implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

    private final Environment env;

    ErrorHandlers(Environment env) {
        this.env = env;
    }

    @Override
    public int getExitCode(Throwable exception) {
        return exitCode(exception);
    }

    /** The exit code of a failure: its kind's, 2 for a usage error, 1 for anything else (a bug). */
    static int exitCode(Throwable exception) {
        if (exception instanceof ParameterException) {
            return ExitCodes.USAGE;
        }
        if (exception instanceof InvalidPathException) {
            return ExitCodes.INVALID_INPUT;
        }
        return exception instanceof AssetsDeployException e ? ExitCodes.of(e.kind()) : ExitCodes.INTERNAL;
    }

    /** What kind of failure, for machines: "usage", "invalid_input", "network"..., "internal". */
    static String kind(Throwable exception) {
        if (exception instanceof ParameterException) {
            return "usage";
        }
        return exception instanceof AssetsDeployException e ? e.kind().name().toLowerCase(Locale.ROOT) : "internal";
    }

    /** The failure's message as the user reads it (not yet escaped for a terminal). */
    static String message(Throwable exception) {
        return exception instanceof ParameterException ? exception.getMessage() : String.join("\n", lines(exception));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        List<String> lines = lines(ex).stream().map(TerminalText::escape).toList();
        for (String line : lines) {
            err.println(commandLine.getColorScheme().errorText("error: ") + line);
        }
        if (env.githubActions()) {
            err.println(GithubActions.errorCommand(String.join("\n", lines)));
        }
        if (GlobalOptions.stacktraceRequested(parseResult)) {
            printStackTrace(ex, err);
        }
        err.flush();
        return getExitCode(ex);
    }

    /**
     * The trace as {@link Throwable#printStackTrace()} shows it (each cause with its frames), every message escaped:
     * a message may quote a file name or a server's answer, line breaks included.
     */
    private static void printStackTrace(Throwable ex, PrintWriter err) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        String heading = "";
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause(), heading = "Caused by: ") {
            err.println(heading + TerminalText.escape(t.toString()));
            for (StackTraceElement frame : t.getStackTrace()) {
                err.println("\tat " + TerminalText.escape(frame.toString()));
            }
        }
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        InvalidPathException invalid = invalidPath(ex);
        if (invalid != null) {
            // a path argument the JVM cannot encode: not a usage error, and the usage would not help
            String message = TerminalText.escape(unusablePath(invalid));
            err.println(cmd.getColorScheme().errorText("error: ") + message);
            if (env.githubActions()) {
                err.println(GithubActions.errorCommand(message));
            }
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        // picocli starts some messages with its own "Error: " (mutually exclusive options, missing groups)
        String message = TerminalText.escape(ex.getMessage().replaceFirst("^Error: ", ""));
        err.println(cmd.getColorScheme().errorText("error: ") + message);
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println(cmd.getHelp().fullSynopsis().strip());
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (env.githubActions()) {
            err.println(GithubActions.errorCommand(message));
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** The path our converter could not make (see {@link AssetsDeploy}), wherever picocli put it in the chain. */
    private static InvalidPathException invalidPath(ParameterException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidPathException invalid) {
                return invalid;
            }
        }
        return null;
    }

    /** A path the file system cannot take: most often a UTF-8 name in a locale whose charset is not UTF-8. */
    private static String unusablePath(InvalidPathException e) {
        return "cannot use the path '" + e.getInput() + "' "
                + (NativeNames.utf8() ? "(" + e.getReason() + "): check the name" : NativeNames.localeProblem());
    }

    /**
     * The lines of the message: a config's problems one a line (the first few), a triggers phase's report one a line;
     * any other message is one line.
     */
    private static List<String> lines(Throwable ex) {
        if (ex instanceof InvalidConfigException invalid) {
            return ShortList.of(invalid.problems());
        }
        if (ex instanceof TriggersIncompleteException incomplete) {
            return incomplete.lines();
        }
        if (ex instanceof InvalidPathException invalid) {
            return List.of(unusablePath(invalid));
        }
        return List.of(
                ex instanceof AssetsDeployException
                        ? ex.getMessage()
                        : "internal error: " + ex + " (please report it, with the output of --stacktrace)");
    }
}
