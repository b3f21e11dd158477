package dev.assetsdeploy.cli;

import dev.assetsdeploy.fakeapi.FakeCloudflareApi;
import dev.assetsdeploy.recorded.Recording;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code args} against {@code api} (its base URL, account and token in the environment), with the {@code --config}
     * of {@code recording}'s project written to {@code dir}: how a parity test runs the recorded command as ours.
     */
    static CliRun inRecordedProject(Recording recording, Path dir, FakeCloudflareApi api, List<String> args) {
        Path project = recording.writeProject(dir);
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--config", project.resolve("wrangler.json").toString()));
        return execute(
                Map.of(
                        "CLOUDFLARE_API_BASE_URL", api.baseUrl(),
                        "CLOUDFLARE_API_TOKEN", api.settings.apiToken,
                        "CLOUDFLARE_ACCOUNT_ID", api.settings.accountId),
                all.toArray(String[]::new));
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
