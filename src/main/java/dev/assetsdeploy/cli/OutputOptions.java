package dev.assetsdeploy.cli;

import com.google.gson.JsonElement;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.report.RetryText;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How a command reports: for people (default, --verbose, --quiet) or for scripts (--json). */
public final class OutputOptions {

    @Option(names = "--json", description = "Print machine-readable JSON on stdout instead of the report.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    boolean verbose;

    boolean quiet;

    @Option(
            names = {"-v", "--verbose"},
            description = "Show more detail.")
    void verbose(boolean on) {
        verbose = on;
        refuseBoth();
    }

    @Option(
            names = {"-q", "--quiet"},
            description = "Print no progress, only results and errors.")
    void quiet(boolean on) {
        quiet = on;
        refuseBoth();
    }

    private void refuseBoth() {
        if (quiet && verbose) {
            throw new ParameterException(spec.commandLine(), "--quiet and --verbose contradict each other: choose one");
        }
    }

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

    /** The result on {@code out}: {@code document} with --json, else {@code text} prints it for people. */
    void print(PrintWriter out, Supplier<? extends JsonElement> document, Consumer<PrintWriter> text) {
        if (json) {
            out.println(Json.pretty(document.get()));
            out.flush();
        } else {
            text.accept(out);
        }
    }

    /** A client for {@code settings} that logs its requests (--verbose) and retries (unless --quiet) on {@code err}. */
    ApiClient client(ApiSettings settings, PrintWriter err) {
        return new ApiClient(settings, requestLog(err), retryLog(err));
    }

    /** Each retry of a call, one line on {@code err} (what failed, what is waited for and how long), unless --quiet. */
    RetryNotice.Listener retryLog(PrintWriter err) {
        if (quiet) {
            return RetryNotice.Listener.NONE;
        }
        return notice -> {
            synchronized (err) {
                err.println(TerminalText.escape(RetryText.of(notice)));
                err.flush();
            }
        };
    }

    /**
     * The API client's request log: on {@code err} with --verbose (it never holds a secret; what the server
     * sent, like a cf-ray id, escaped for the terminal), else nowhere.
     */
    private Consumer<String> requestLog(PrintWriter err) {
        if (!verbose) {
            return line -> {};
        }
        return line -> {
            synchronized (err) {
                err.println("  " + TerminalText.escape(line));
                err.flush();
            }
        };
    }
}
