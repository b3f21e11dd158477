package dev.assetsdeploy.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** One in-process run of the command line with the given environment: its exit code and what it printed. */
record CliRun(int code, String out, String err) {

    static CliRun execute(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = AssetsDeploy.newCommandLineFor(Environment.of(env), args); // as Main builds it
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = AssetsDeploy.execute(cl, args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
