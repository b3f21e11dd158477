package dev.assetsdeploy.cli;

import dev.assetsdeploy.deploy.DeployTarget;
import dev.assetsdeploy.report.GithubActions;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a command says when the process is asked to end mid-run (Ctrl+C is SIGINT, exit 130; SIGTERM, exit 143; the
 * JVM gives those codes): one line on stderr, {@code error: interrupted during the upload: run the same command
 * again; only what is missing is sent}, after what must end first (the live progress line, the NDJSON events). The
 * command says what it is doing as it goes ({@link #now}); closing takes the hook back, once the command is done.
 */
final class Interruption implements AutoCloseable {

    /** While {@code upload} (or {@code all}) uploads. */
    static final String UPLOAD = "during the upload: run the same command again; only what is missing is sent";

    /** While the Worker is uploaded (phase 3): the request may have reached the API. */
    static String deploying(DeployTarget target) {
        return "while deploying " + target.describe() + ": it may or may not be deployed; run the same command again";
    }

    /** While the triggers phase runs (after the Worker upload: the version is deployed, its triggers may not be). */
    static String goingLive(String scriptName, boolean afterUpload, String finishCommand) {
        return "while applying the triggers of Worker " + scriptName + ": "
                + (afterUpload ? "its new version is deployed; " : "") + "run `" + finishCommand
                + "` to apply them all";
    }

    private final PrintWriter err;
    private final List<Runnable> first = new CopyOnWriteArrayList<>();
    private final Environment.Shutdown.Registration registration;
    private volatile String doing = "before anything was sent";

    private final boolean githubActions;

    private Interruption(Environment env, PrintWriter err) {
        this.err = err;
        this.githubActions = env.githubActions();
        this.registration = env.shutdown().whileRunning(this::interrupted);
    }

    /** Watches the rest of a command's run. */
    static Interruption of(Environment env, PrintWriter err) {
        return new Interruption(env, err);
    }

    /** From now on the command does {@code what}, and what to do about it: {@link #UPLOAD}. */
    void now(String what) {
        doing = what;
    }

    /** Runs {@code action} on an interruption, before the line is printed. */
    void first(Runnable action) {
        first.add(action);
    }

    /** "interrupted during the upload: ...". */
    String message() {
        return "interrupted " + doing;
    }

    private void interrupted() {
        first.forEach(Runnable::run);
        synchronized (err) {
            err.println("error: " + message());
            if (githubActions) {
                err.println(GithubActions.errorCommand(message()));
            }
            err.flush();
        }
    }

    @Override
    public void close() {
        registration.close();
    }
}
