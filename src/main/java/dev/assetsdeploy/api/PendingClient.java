package dev.assetsdeploy.api;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link ApiClient} built on a thread of its own while the command does other work (walks the assets folder):
 * building one loads the HTTP and TLS stack, a third of a no-change redeploy when done in turn. Nothing is sent.
 * Whatever deciding the settings or building the client throws is thrown by {@link #settings} or {@link #take}, so a
 * command reports its earlier errors (a bad folder) first, as when it built the client there.
 *
 * <p>{@link #close} closes the client unless it was taken: a command that fails before taking it leaves nothing open.
 */
public final class PendingClient implements AutoCloseable {

    private record Ready(ApiSettings settings, ApiClient client) {}

    private final CompletableFuture<Ready> ready;
    private boolean taken;

    private PendingClient(CompletableFuture<Ready> ready) {
        this.ready = ready;
    }

    /** Starts deciding the settings and building the client from them, on a daemon thread. */
    public static PendingClient start(Supplier<ApiSettings> settings, Function<ApiSettings, ApiClient> client) {
        return new PendingClient(CompletableFuture.supplyAsync(
                () -> {
                    ApiSettings s = settings.get();
                    return new Ready(s, client.apply(s));
                },
                task -> {
                    Thread thread = new Thread(task, "api-client");
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    /** The settings the client was built with; waits for it. */
    public ApiSettings settings() {
        return join().settings();
    }

    /** The client, now the caller's to close; waits for it. */
    public ApiClient take() {
        ApiClient client = join().client();
        taken = true;
        return client;
    }

    @Override
    public void close() {
        if (taken) {
            return;
        }
        taken = true;
        try {
            ready.join().client().close();
        } catch (CompletionException e) {
            // Never built: nothing to close, and the command already has its own error to report.
        }
    }

    private Ready join() {
        try {
            return ready.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
