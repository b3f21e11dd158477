package dev.assetsdeploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** One in-process run of the command line with the given environment: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun execute(Map<String, String> env, String... args) {
        return execute(Environment.of(env), args);
    }

    static CliRun execute(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return run(env, out, err, args);
    }

    /** Starts a command that runs until stopped (preview serving) on another thread. */
    static Running start(Environment env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        return new Running(err, CompletableFuture.supplyAsync(() -> run(env, out, err, args)));
    }

    /** A command still running: what it has printed on stderr so far, then its end. */
    record Running(StringWriter err, CompletableFuture<CliRun> end) {

        String errSoFar() {
            return err.toString();
        }

        CliRun await() throws Exception {
            return end.get(60, TimeUnit.SECONDS);
        }
    }

    private static CliRun run(Environment env, StringWriter out, StringWriter err, String... args) {
        CommandLine cl = AssetsDeploy.newCommandLineFor(env, args); // as Main builds it
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = AssetsDeploy.execute(cl, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
