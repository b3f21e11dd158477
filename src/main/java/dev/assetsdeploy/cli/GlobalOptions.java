package dev.assetsdeploy.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Options every command takes, inherited from the root command. */
public final class GlobalOptions {

    @Option(
            names = "--stacktrace",
            scope = ScopeType.INHERIT,
            description = "Print the full stack trace of an error (for bug reports).")
    boolean stacktrace;

    static boolean stacktraceRequested(ParseResult parseResult) {
        for (ParseResult pr = parseResult; pr != null; pr = pr.subcommand()) {
            if (pr.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }
}
