package dev.assetsdeploy.cli;

import picocli.CommandLine.Option;

/** How a command reports: for people (default, --verbose, --quiet) or for scripts (--json). */
public final class OutputOptions {

    @Option(names = "--json", description = "Print machine-readable JSON on stdout instead of the report.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Show more detail.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress, only results and errors.")
    boolean quiet;

    @Option(names = "--strict", description = "Treat every warning as an error (exit code 3).")
    boolean strict;

    public boolean json() {
        return json;
    }

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean strict() {
        return strict;
    }
}
