package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import java.io.PrintWriter;
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
        return exception instanceof AssetsDeployException e ? ExitCodes.of(e.kind()) : ExitCodes.INTERNAL;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        String message = ex instanceof AssetsDeployException
                ? ex.getMessage()
                : "internal error: " + ex + " (please report it, with the output of --stacktrace)";
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
