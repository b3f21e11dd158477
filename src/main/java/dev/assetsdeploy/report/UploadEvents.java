package dev.assetsdeploy.report;

import com.google.gson.JsonObject;
import dev.assetsdeploy.Json;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.upload.Bucket;
import dev.assetsdeploy.upload.UploadListener;
import dev.assetsdeploy.upload.UploadPlan;
import dev.assetsdeploy.upload.UploadResult;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code --json}: one JSON object per line on stdout, each with an {@code "event"}:
 * {@code session_opened}, {@code bucket_started}, {@code bucket_finished}, {@code bucket_retried},
 * {@code request_retried} (another call of the upload, opening a session), {@code concurrency_changed},
 * {@code token_renewed}, and last {@code done}, or {@code error} when the run failed or was interrupted. No event carries a
 * token, except {@code done}'s {@code completion_token} when it is not written to a file.
 * Thread-safe.
 */
public final class UploadEvents implements UploadListener {

    private final PrintWriter out;
    private boolean ended;

    public UploadEvents(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void sessionOpened(UploadPlan plan, int totalFiles, long totalBytes, int concurrency) {
        JsonObject e = event("session_opened");
        e.addProperty("session", plan.session());
        e.addProperty("files", totalFiles);
        e.addProperty("bytes", totalBytes);
        e.addProperty("files_to_upload", plan.files());
        e.addProperty("bytes_to_upload", plan.bytes());
        e.addProperty("buckets", plan.buckets().size());
        e.addProperty("single_file_uploads", plan.jwt().singleFileUploads());
        e.addProperty("concurrency", concurrency);
        print(e);
    }

    @Override
    public void bucketStarted(Bucket bucket, int attempt) {
        JsonObject e = bucketEvent("bucket_started", bucket);
        e.addProperty("attempt", attempt);
        print(e);
    }

    @Override
    public void bucketFinished(Bucket bucket) {
        print(bucketEvent("bucket_finished", bucket));
    }

    @Override
    public void bucketRetried(Bucket bucket, RetryNotice notice) {
        print(retry(bucketEvent("bucket_retried", bucket), notice));
    }

    @Override
    public void requestRetried(RetryNotice notice) {
        JsonObject e = event("request_retried");
        e.addProperty("step", notice.step());
        print(retry(e, notice));
    }

    /**
     * {@code e} with the attempt that failed of how many, the wait before the next, and why; the server's
     * {@code Retry-After} and the cap it met, when it asked for more than we wait.
     */
    private static JsonObject retry(JsonObject e, RetryNotice notice) {
        RetryPolicy.Retry wait = notice.next();
        e.addProperty("attempt", notice.attempt());
        e.addProperty("attempts", notice.attempts());
        e.addProperty("delay_ms", wait.delay().toMillis());
        if (wait.retryAfter() != null) {
            e.addProperty("retry_after_ms", wait.retryAfter().toMillis());
        }
        if (wait.cappedAt() != null) {
            e.addProperty("capped_at_ms", wait.cappedAt().toMillis());
        }
        e.addProperty("reason", notice.reason());
        return e;
    }

    @Override
    public void concurrencyChanged(int limit) {
        JsonObject e = event("concurrency_changed");
        e.addProperty("limit", limit);
        print(e);
    }

    @Override
    public void tokenRenewed(String reason, UploadPlan next) {
        JsonObject e = event("token_renewed");
        e.addProperty("session", next.session());
        e.addProperty("reason", reason);
        e.addProperty("files_to_upload", next.files());
        e.addProperty("bytes_to_upload", next.bytes());
        e.addProperty("buckets", next.buckets().size());
        print(e);
    }

    /** The last event. {@code tokenFile} null: the completion token is included instead. */
    public void done(UploadResult result, Path tokenFile) {
        JsonObject e = event("done");
        e.addProperty("files_uploaded", result.filesUploaded());
        e.addProperty("bytes_uploaded", result.bytesUploaded());
        e.addProperty("files_already_uploaded", result.filesAlreadyUploaded());
        e.addProperty("bytes_already_uploaded", result.bytesAlreadyUploaded());
        e.addProperty("buckets", result.buckets());
        e.addProperty("retries", result.retries());
        e.addProperty("renewals", result.renewals());
        e.addProperty("elapsed_ms", result.elapsed().toMillis());
        if (tokenFile != null) {
            e.addProperty("token_file", tokenFile.toString());
        } else {
            e.addProperty("completion_token", result.token().jwt());
        }
        print(e);
    }

    /**
     * The last event of a run that failed, or was interrupted: {@code kind} ("network", "usage", "interrupted"...),
     * the exit code ({@code null} when not known: a signal's), and the one-line message stderr also shows. Nothing is
     * printed after it.
     */
    public void error(String kind, Integer exitCode, String message) {
        JsonObject e = event("error");
        e.addProperty("kind", kind);
        if (exitCode != null) {
            e.addProperty("exit_code", exitCode);
        }
        e.addProperty("message", message);
        print(e);
        synchronized (this) {
            ended = true;
        }
    }

    private static JsonObject event(String name) {
        JsonObject e = new JsonObject();
        e.addProperty("event", name);
        return e;
    }

    private static JsonObject bucketEvent(String name, Bucket bucket) {
        JsonObject e = event(name);
        e.addProperty("session", bucket.session());
        e.addProperty("bucket", bucket.index());
        e.addProperty("buckets", bucket.count());
        e.addProperty("files", bucket.entries().size());
        e.addProperty("bytes", bucket.bytes());
        return e;
    }

    private synchronized void print(JsonObject e) {
        if (ended) {
            return;
        }
        out.println(Json.compact(e));
        out.flush();
    }
}
