package dev.assetsdeploy.upload;

import dev.assetsdeploy.api.RetryNotice;

/**
 * What the uploader tells its audience (progress line, NDJSON, logs) as it goes. Called from
 * worker threads: implementations must be thread-safe. Never receives a token.
 */
public interface UploadListener {

    /** A session was opened: {@code totalFiles}/{@code totalBytes} of the manifest, of which the plan asks for some. */
    default void sessionOpened(UploadPlan plan, int totalFiles, long totalBytes, int concurrency) {}

    default void bucketStarted(Bucket bucket, int attempt) {}

    /** Raw file bytes streamed for a bucket (an attempt that fails is followed by {@link #bucketRetried}). */
    default void bytesSent(Bucket bucket, long bytes) {}

    default void bucketFinished(Bucket bucket) {}

    /** An attempt of {@code bucket} failed; the next starts after the notice's wait. */
    default void bucketRetried(Bucket bucket, RetryNotice notice) {}

    /** An attempt of another call of the upload (opening a session) failed; the next starts after the wait. */
    default void requestRetried(RetryNotice notice) {}

    default void concurrencyChanged(int limit) {}

    /** The upload token expired or will soon; a new session replaces the old one. */
    default void tokenRenewed(String reason, UploadPlan next) {}

    UploadListener NONE = new UploadListener() {};

    /** Tells each of {@code listeners}, in order. */
    static UploadListener all(java.util.List<UploadListener> listeners) {
        java.util.List<UploadListener> copy = java.util.List.copyOf(listeners);
        return new UploadListener() {
            @Override
            public void sessionOpened(UploadPlan plan, int totalFiles, long totalBytes, int concurrency) {
                copy.forEach(l -> l.sessionOpened(plan, totalFiles, totalBytes, concurrency));
            }

            @Override
            public void bucketStarted(Bucket bucket, int attempt) {
                copy.forEach(l -> l.bucketStarted(bucket, attempt));
            }

            @Override
            public void bytesSent(Bucket bucket, long bytes) {
                for (int i = 0; i < copy.size(); i++) { // called per chunk: no lambda, no iterator
                    copy.get(i).bytesSent(bucket, bytes);
                }
            }

            @Override
            public void bucketFinished(Bucket bucket) {
                copy.forEach(l -> l.bucketFinished(bucket));
            }

            @Override
            public void bucketRetried(Bucket bucket, RetryNotice notice) {
                copy.forEach(l -> l.bucketRetried(bucket, notice));
            }

            @Override
            public void requestRetried(RetryNotice notice) {
                copy.forEach(l -> l.requestRetried(notice));
            }

            @Override
            public void concurrencyChanged(int limit) {
                copy.forEach(l -> l.concurrencyChanged(limit));
            }

            @Override
            public void tokenRenewed(String reason, UploadPlan next) {
                copy.forEach(l -> l.tokenRenewed(reason, next));
            }
        };
    }
}
