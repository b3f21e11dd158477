package dev.assetsdeploy.cli;

import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiSettings;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.report.UploadEvents;
import dev.assetsdeploy.report.UploadProgress;
import dev.assetsdeploy.upload.SessionRequest;
import dev.assetsdeploy.upload.UploadListener;
import dev.assetsdeploy.upload.UploadPolicy;
import dev.assetsdeploy.upload.UploadResult;
import dev.assetsdeploy.upload.UploadTarget;
import dev.assetsdeploy.upload.Uploader;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 2 as {@code upload} runs it and {@code all} composes it: the {@link Uploader} with the policy of
 * {@code --concurrency} and the request options, its progress on stderr unless {@code --quiet} (one live line on
 * a terminal), ended before anything else is printed.
 */
final class UploadStep {

    private final UploadPolicy policy;
    private final UploadProgress progress;

    private UploadStep(UploadPolicy policy, UploadProgress progress) {
        this.policy = policy;
        this.progress = progress;
    }

    static UploadStep of(
            ConcurrencyOptions concurrency,
            ApiSettings settings,
            OutputOptions output,
            Environment env,
            PrintWriter err) {
        return new UploadStep(
                concurrency.policy(settings.retry()),
                output.quiet() ? null : UploadProgress.forStderr(err, env.stderrIsTerminal()));
    }

    /** What the upload's client needs beyond {@code settings}: a pooled connection for each request in flight. */
    static ApiSettings clientSettings(ApiSettings settings) {
        return settings.withMaxConnections(UploadPolicy.MAX_CONCURRENCY);
    }

    /**
     * Uploads what {@code target} lacks of {@code manifest}, telling the progress line, then {@code events} (or
     * {@code null}); an {@code interruption} ends the progress line first and says a rerun resumes.
     */
    UploadResult run(
            ApiClient client, Manifest manifest, UploadTarget target, UploadEvents events, Interruption interruption) {
        return run(client, SessionRequest.of(manifest), target, events, interruption);
    }

    /** As {@link #run(ApiClient, Manifest, UploadTarget, UploadEvents, Interruption)}, its body maybe written already. */
    UploadResult run(
            ApiClient client,
            SessionRequest session,
            UploadTarget target,
            UploadEvents events,
            Interruption interruption) {
        List<UploadListener> listeners = new ArrayList<>();
        if (progress != null) {
            listeners.add(progress);
            interruption.first(progress::stop);
        }
        if (events != null) {
            listeners.add(events);
        }
        interruption.now(Interruption.UPLOAD);
        try {
            return new Uploader(client, policy, UploadListener.all(listeners)).upload(session, target);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
    }
}
