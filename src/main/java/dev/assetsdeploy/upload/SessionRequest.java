package dev.assetsdeploy.upload;

import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestJson;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A manifest with its upload-session request body ({@link ManifestJson#uploadSessionRequest}), written once for every
 * session of a run (a renewed session sends the same). {@link #prepare} writes it on a thread of its own, so a deploy
 * reads the live Worker meanwhile: for 100,000 files the body is megabytes.
 */
public final class SessionRequest {

    private final Manifest manifest;
    private final CompletableFuture<String> prepared;
    private String body;

    private SessionRequest(Manifest manifest, CompletableFuture<String> prepared) {
        this.manifest = manifest;
        this.prepared = prepared;
    }

    /** The body is written when first needed, by the thread that needs it. */
    public static SessionRequest of(Manifest manifest) {
        return new SessionRequest(manifest, null);
    }

    /** Starts writing the body now, on a daemon thread. */
    public static SessionRequest prepare(Manifest manifest) {
        return new SessionRequest(
                manifest, CompletableFuture.supplyAsync(() -> ManifestJson.uploadSessionRequest(manifest), task -> {
                    Thread thread = new Thread(task, "session-request");
                    thread.setDaemon(true);
                    thread.start();
                }));
    }

    public Manifest manifest() {
        return manifest;
    }

    /** The body; waits for it while it is being written. Sessions are opened one at a time, by one thread. */
    String body() {
        if (body == null) {
            body = prepared == null ? ManifestJson.uploadSessionRequest(manifest) : join(prepared);
        }
        return body;
    }

    private static String join(CompletableFuture<String> prepared) {
        try {
            return prepared.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
