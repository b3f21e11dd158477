package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.RetryPolicy;
import java.util.Map;

/**
 * The process environment, injected so tests can run commands with any variables set, stop a command that runs
 * until it is stopped, and wait out retries without waiting. Only the cli package reads it; core packages get plain
 * values.
 *
 * @param shutdown where such a command registers how to stop (the JVM's shutdown hooks: Ctrl+C, SIGTERM)
 * @param sleeper  how the waits between attempts of a request are waited ({@link RetryPolicy.Sleeper#REAL})
 */
public record Environment(
        Map<String, String> variables,
        boolean stdoutIsTerminal,
        boolean stderrIsTerminal,
        Shutdown shutdown,
        RetryPolicy.Sleeper sleeper) {

    /** Runs {@code stop} when the process is asked to end. */
    @FunctionalInterface
    public interface Shutdown {
        void onShutdown(Runnable stop);

        /**
         * Runs {@code stop} when the process is asked to end before the registration is closed: for a command that
         * may end first (closing it then keeps {@code stop} from running at the exit).
         */
        default Registration whileRunning(Runnable stop) {
            onShutdown(stop);
            return () -> {};
        }

        /** Takes a {@link #whileRunning} back. */
        interface Registration extends AutoCloseable {
            @Override
            void close();
        }

        Shutdown JVM = new Shutdown() {
            @Override
            public void onShutdown(Runnable stop) {
                Runtime.getRuntime().addShutdownHook(new Thread(stop, "shutdown"));
            }

            @Override
            public Registration whileRunning(Runnable stop) {
                Thread hook = new Thread(stop, "shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                return () -> {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook runs (or ran): nothing to take back
                    }
                };
            }
        };
    }

    public static Environment system() {
        boolean console = System.console() != null;
        return new Environment(System.getenv(), console, console, Shutdown.JVM, RetryPolicy.Sleeper.REAL);
    }

    public static Environment of(Map<String, String> variables) {
        return new Environment(variables, false, false, Shutdown.JVM, RetryPolicy.Sleeper.REAL);
    }

    public Environment withShutdown(Shutdown newShutdown) {
        return new Environment(variables, stdoutIsTerminal, stderrIsTerminal, newShutdown, sleeper);
    }

    public Environment withSleeper(RetryPolicy.Sleeper newSleeper) {
        return new Environment(variables, stdoutIsTerminal, stderrIsTerminal, shutdown, newSleeper);
    }

    public String get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean githubActions() {
        return "true".equals(get("GITHUB_ACTIONS"));
    }
}
