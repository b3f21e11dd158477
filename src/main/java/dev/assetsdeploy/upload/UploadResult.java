package dev.assetsdeploy.upload;

import java.time.Duration;

/**
 * The outcome of an upload: the completion token, what was sent (files and raw bytes, each
 * distinct content once), what the account already held (manifest files not asked for),
 * retries, token renewals and the time it took.
 */
public record UploadResult(
        CompletionToken token,
        int filesUploaded,
        long bytesUploaded,
        int filesAlreadyUploaded,
        long bytesAlreadyUploaded,
        int buckets,
        int retries,
        int renewals,
        Duration elapsed) {}
