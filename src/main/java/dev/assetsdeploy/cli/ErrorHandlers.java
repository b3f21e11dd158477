package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one line on stderr and an exit code from {@link ExitCodes}. A stack
 * trace only with {@code --stacktrace}; under GitHub Actions the line is repeated as an
 * {@code ::error::} annotation.
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
        return exception instanceof AssetsDeployException e ? ExitCodes.of(e.kind()) : ExitCodes.INTERNAL;
    }

    /** What kind of failure, for machines: "usage", "invalid_input", "network"..., "internal". */
    static String kind(Throwable exception) {
        if (exception instanceof ParameterException) {
            return "usage";
        }
        return exception instanceof AssetsDeployException e ? e.kind().name().toLowerCase(Locale.ROOT) : "internal";
    }

    /** The failure's message as the user reads it. */
    static String message(Throwable exception) {
        return exception instanceof AssetsDeployException || exception instanceof ParameterException
                ? exception.getMessage()
                : "internal error: " + exception + " (please report it, with the output of --stacktrace)";
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = message(ex);
        for (String line : message.split("\n")) {
            err.println(commandLine.getColorScheme().errorText("error: ") + line);
        }
        if (env.githubActions()) {
            err.println("::error::" + escapeAnnotation(message));
        }
        if (GlobalOptions.stacktraceRequested(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText("error: ") + ex.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println(cmd.getHelp().fullSynopsis().strip());
        }
        err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        if (env.githubActions()) {
            err.println("::error::" + escapeAnnotation(ex.getMessage()));
        }
        err.flush();
        return ExitCodes.USAGE;
    }

    /** GitHub's workflow-command escaping for a message. */
    static String escapeAnnotation(String message) {
        return message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }
}
