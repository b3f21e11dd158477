package dev.assetsdeploy.cli;

import dev.assetsdeploy.IoReason;
import dev.assetsdeploy.live.LiveResult;
import dev.assetsdeploy.report.DeployReport;
import dev.assetsdeploy.report.DeploySummary;
import dev.assetsdeploy.report.GithubActions;
import dev.assetsdeploy.report.TriggersReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * How {@code deploy}, {@code all} and {@code triggers} hand their result over: stdout (text or JSON), and GitHub
 * Actions when under it.
 */
final class DeployOutput {

    private DeployOutput() {}

    static void print(CommandLine cl, Environment env, OutputOptions output, DeploySummary summary) {
        output.print(cl.getOut(), () -> DeployReport.json(summary), out -> DeployReport.printText(summary, out));
        writeGithub(
                cl.getErr(),
                env,
                file -> GithubActions.writeOutputs(file, summary),
                file -> GithubActions.writeSummary(file, summary));
    }

    /** What {@code triggers} hands over: the targets on stdout (text or JSON), {@code url}/{@code urls} for CI. */
    static void printTriggers(
            CommandLine cl, Environment env, OutputOptions output, String scriptName, LiveResult live, long elapsedMs) {
        output.print(
                cl.getOut(),
                () -> TriggersReport.appliedJson(scriptName, live, elapsedMs),
                out -> TriggersReport.printApplied(scriptName, live, out));
        writeGithub(
                cl.getErr(),
                env,
                file -> GithubActions.writeOutputs(file, GithubActions.urlOutputs(live)),
                file -> GithubActions.writeTriggersSummary(file, scriptName, live));
    }

    private interface Writer {
        void write(Path file) throws IOException;
    }

    /** Under GitHub Actions: the step outputs to $GITHUB_OUTPUT, the Markdown to $GITHUB_STEP_SUMMARY. */
    private static void writeGithub(PrintWriter err, Environment env, Writer outputs, Writer summary) {
        if (env.githubActions()) {
            writeGithub(err, "GITHUB_OUTPUT", env.get("GITHUB_OUTPUT"), outputs);
            writeGithub(err, "GITHUB_STEP_SUMMARY", env.get("GITHUB_STEP_SUMMARY"), summary);
        }
    }

    /** The deploy has happened: a file we cannot write is a warning, not a failed deploy. */
    private static void writeGithub(PrintWriter err, String variable, String value, Writer writer) {
        if (value == null) {
            return;
        }
        try {
            writer.write(Path.of(value));
        } catch (IOException | RuntimeException e) {
            Warnings.print(
                    List.of("cannot write $" + variable + " (" + value + "): "
                            + (e instanceof IOException io ? IoReason.of(io) : e.getMessage())),
                    err);
        }
    }
}
