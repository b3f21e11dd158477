package dev.assetsdeploy.cli;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.ShortList;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.config.InvalidConfigException;
import dev.assetsdeploy.report.GithubActions;
import java.io.PrintWriter;
import java.util.List;
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
        return exception instanceof AssetsDeployException e ? ExitCodes.of(e.kind()) : ExitCodes.INTERNAL;
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
            ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
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

    /** The lines of the message: a config's problems one a line (the first few); any other message is one line. */
    private static List<String> lines(Exception ex) {
        if (ex instanceof InvalidConfigException invalid) {
            return ShortList.of(invalid.problems());
        }
        return List.of(
                ex instanceof AssetsDeployException
                        ? ex.getMessage()
                        : "internal error: " + ex + " (please report it, with the output of --stacktrace)");
    }
}
