package dev.assetsdeploy.upload;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.AssetsDeployException.Kind;
import dev.assetsdeploy.Counts;
import dev.assetsdeploy.api.ApiClient;
import dev.assetsdeploy.api.ApiException;
import dev.assetsdeploy.api.ApiRequest;
import dev.assetsdeploy.api.ApiResponse;
import dev.assetsdeploy.api.MultipartBody;
import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.manifest.Manifest;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Phase 2: uploads what the API asks for and returns the completion token.
 *
 * <p>Buckets go in parallel, at most {@code concurrency} in flight (lowered after a 429 or a
 * gateway error, raised again on success). Each bucket is one multipart request whose parts are read and
 * Base64-encoded from disk while they are sent; failures that may pass (I/O, timeouts, 5xx,
 * 429) are retried with backoff up to the policy's attempts, then the run fails naming the
 * bucket and its files. When the upload token has expired, will expire soon, or is refused,
 * the in-flight buckets finish, a new session is opened with the same manifest, and the run
 * carries on with the buckets the API still asks for: the API keeps what was sent, so nothing
 * is sent twice. Worker threads return outcomes; only this thread throws.
 */
public final class Uploader {

    private static final int FILES_IN_MESSAGES = 5;

    private final ApiClient client;
    private final UploadPolicy policy;
    private final UploadListener listener;

    public Uploader(ApiClient client, UploadPolicy policy, UploadListener listener) {
        this.client = client;
        this.policy = policy;
        this.listener = listener;
    }

    public UploadResult upload(Manifest manifest, UploadTarget target) {
        return upload(SessionRequest.of(manifest), target);
    }

    /** Uploads what {@code target} lacks of the request's manifest. */
    public UploadResult upload(SessionRequest request, UploadTarget target) {
        long started = System.nanoTime();
        Manifest manifest = request.manifest();
        UploadPlan plan = SessionOpener.open(client, target, request, 1, listener::requestRetried);
        Set<String> asked = plan.buckets().stream()
                .flatMap(b -> b.entries().stream())
                .map(ManifestEntry::hash)
                .collect(Collectors.toSet());
        int concurrency = plan.jwt().singleFileUploads() ? plan.jwt().singleFileConcurrency() : policy.concurrency();
        listener.sessionOpened(plan, manifest.fileCount(), manifest.totalBytes(), concurrency);
        Run run = new Run(new ConcurrencyLimit(concurrency, listener::concurrencyChanged), concurrency);
        int renewals = 0;
        int refusedInARow = 0;
        int bucketsSent = 0;
        while (!plan.buckets().isEmpty()) {
            SessionOutcome outcome = runSession(plan, run);
            bucketsSent += outcome.bucketsDone();
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            if (outcome.renewReason() == null) {
                if (outcome.completion() == null) {
                    throw new AssetsDeployException(
                            Kind.API_REFUSED,
                            "upload: the API accepted all " + plan.buckets().size()
                                    + " buckets but sent no completion token; run again");
                }
                return result(manifest, asked, run, outcome.completion(), bucketsSent, renewals, started);
            }
            refusedInARow = outcome.tokenRefused() && outcome.bucketsDone() == 0 ? refusedInARow + 1 : 0;
            if (refusedInARow >= 2) {
                throw new AssetsDeployException(
                        Kind.AUTHENTICATION,
                        "upload: the API refused the upload token of a fresh upload session; check the API credentials and run again");
            }
            if (++renewals > policy.maxRenewals()) {
                throw new AssetsDeployException(
                        Kind.NETWORK,
                        "upload: gave up after renewing the upload token " + policy.maxRenewals() + " times ("
                                + outcome.renewReason() + "); run again to resume");
            }
            plan = SessionOpener.open(client, target, request, plan.session() + 1, listener::requestRetried);
            listener.tokenRenewed(outcome.renewReason(), plan);
        }
        return result(manifest, asked, run, new CompletionToken(plan.jwt().token()), bucketsSent, renewals, started);
    }

    /** State shared by the buckets of every session of one run. */
    private static final class Run {
        final ConcurrencyLimit limit;
        final int threads;
        final Set<String> uploadedHashes = ConcurrentHashMap.newKeySet();
        final AtomicInteger retries = new AtomicInteger();
        /** Per sending thread: the pools' threads end with their session, and their buffers with them. */
        final ThreadLocal<AssetContent.Buffers> buffers = ThreadLocal.withInitial(AssetContent.Buffers::new);

        Run(ConcurrencyLimit limit, int threads) {
            this.limit = limit;
            this.threads = threads;
        }
    }

    private sealed interface Outcome permits Done, Renew, Failed, Stopped {
        Bucket bucket();
    }

    private record Done(Bucket bucket) implements Outcome {}

    private record Renew(Bucket bucket, boolean refused) implements Outcome {}

    private record Failed(Bucket bucket, AssetsDeployException error) implements Outcome {}

    private record Stopped(Bucket bucket) implements Outcome {}

    private record SessionOutcome(
            int bucketsDone,
            CompletionToken completion,
            String renewReason,
            boolean tokenRefused,
            AssetsDeployException failure) {}

    private SessionOutcome runSession(UploadPlan plan, Run run) {
        Duration margin = renewMargin(plan.jwt());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> renewing = new AtomicReference<>();
        AtomicReference<CompletionToken> completion = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(
                Math.min(run.threads, plan.buckets().size()), r -> {
                    Thread t = new Thread(r, "upload-" + plan.session());
                    t.setDaemon(true);
                    return t;
                });
        List<Outcome> outcomes = new ArrayList<>();
        try {
            CompletionService<Outcome> done = new ExecutorCompletionService<>(pool);
            for (Bucket bucket : plan.buckets()) {
                done.submit(() -> uploadBucket(plan, bucket, margin, run, stop, renewing, completion));
            }
            for (int i = 0; i < plan.buckets().size(); i++) {
                Outcome outcome = done.take().get();
                if (outcome instanceof Failed) {
                    stop.set(true);
                }
                outcomes.add(outcome);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssetsDeployException(Kind.INTERNAL, "upload interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        outcomes.sort(Comparator.comparingInt(o -> o.bucket().index()));
        int doneCount = (int) outcomes.stream().filter(o -> o instanceof Done).count();
        AssetsDeployException failure = outcomes.stream()
                .filter(o -> o instanceof Failed)
                .map(o -> ((Failed) o).error())
                .findFirst()
                .orElse(null);
        List<Renew> renews = outcomes.stream()
                .filter(o -> o instanceof Renew)
                .map(o -> (Renew) o)
                .toList();
        return new SessionOutcome(
                doneCount,
                completion.get(),
                renews.isEmpty() ? null : renewing.get(),
                renews.stream().anyMatch(Renew::refused),
                failure);
    }

    private Outcome uploadBucket(
            UploadPlan plan,
            Bucket bucket,
            Duration margin,
            Run run,
            AtomicBoolean stop,
            AtomicReference<String> renewing,
            AtomicReference<CompletionToken> completion) {
        RetryPolicy retry = policy.retry();
        String step = bucket.step();
        for (int attempt = 1; ; attempt++) {
            if (expiresSoon(plan.jwt(), margin)) {
                renewing.compareAndSet(
                        null, "the upload token expires at " + plan.jwt().expiresAt());
            }
            if (stop.get()) {
                return new Stopped(bucket);
            }
            if (renewing.get() != null) {
                // The token is done for: leave this bucket to the next session.
                return new Renew(bucket, false);
            }
            ApiException failure;
            try {
                run.limit.acquire();
            } catch (InterruptedException e) {
                return new Stopped(bucket);
            }
            try {
                if (stop.get() || renewing.get() != null) {
                    return stop.get() ? new Stopped(bucket) : new Renew(bucket, false);
                }
                listener.bucketStarted(bucket, attempt);
                ApiResponse response = client.execute(request(plan, bucket, step, run));
                run.limit.succeeded();
                String jwt = jwt(response);
                if (jwt != null) {
                    completion.set(new CompletionToken(jwt));
                }
                bucket.entries().forEach(e -> run.uploadedHashes.add(e.hash()));
                listener.bucketFinished(bucket);
                return new Done(bucket);
            } catch (ApiException e) {
                failure = e;
            } catch (AssetsDeployException e) {
                stop.set(true);
                return new Failed(bucket, e);
            } catch (RetryPolicy.CancelledException e) {
                return new Stopped(bucket);
            } finally {
                run.limit.release();
            }
            if (failure.kind() == Kind.AUTHENTICATION) {
                renewing.compareAndSet(null, "the API refused the upload token (HTTP " + failure.status() + ")");
                return new Renew(bucket, true);
            }
            String files = "; its " + Counts.of(bucket.entries().size(), "file") + ": "
                    + bucket.describeFiles(FILES_IN_MESSAGES);
            RetryPolicy.Decision next = retry.decide(attempt, failure);
            if (failure.retryable() && failure.overloaded()) {
                run.limit.overloaded(failure.gateway());
            }
            if (next instanceof RetryPolicy.GiveUp giveUp) {
                stop.set(true);
                return new Failed(
                        bucket,
                        giveUp.exhausted()
                                ? failure.exhausted(step + " failed after " + Counts.of(attempt, "attempt")
                                        + ", last error: " + failure.detail() + files + "; run again to resume")
                                : new ApiException(
                                        failure.kind(),
                                        step,
                                        failure.status(),
                                        false,
                                        null,
                                        failure.getMessage() + files,
                                        failure));
            }
            RetryPolicy.Retry wait = (RetryPolicy.Retry) next;
            Duration delay = wait.delay();
            run.retries.incrementAndGet();
            listener.bucketRetried(bucket, new RetryNotice(step, attempt, retry.maxAttempts(), failure.detail(), wait));
            try {
                if (failure.retryAfter() != null) {
                    run.limit.pause();
                    try {
                        retry.sleep(delay);
                    } finally {
                        run.limit.resume();
                    }
                } else {
                    retry.sleep(delay);
                }
            } catch (RetryPolicy.CancelledException e) {
                return new Stopped(bucket);
            }
        }
    }

    private ApiRequest request(UploadPlan plan, Bucket bucket, String step, Run run) {
        LongConsumer sent = n -> listener.bytesSent(bucket, n);
        Supplier<AssetContent.Buffers> buffers = run.buffers::get;
        if (plan.jwt().singleFileUploads()) {
            ManifestEntry entry = bucket.entries().get(0);
            return ApiRequest.post(step, client.paths().assetUpload(entry.hash()))
                    .raw(entry.wireContentType(), new AssetContent(entry, false, buffers, sent))
                    .bearer(plan.jwt().token());
        }
        MultipartBody.Builder body = MultipartBody.builder();
        for (ManifestEntry entry : bucket.entries()) {
            body.part(
                    entry.hash(), entry.hash(), entry.wireContentType(), new AssetContent(entry, true, buffers, sent));
        }
        return ApiRequest.post(step, client.paths().assetsUpload())
                .multipart(body.build())
                .bearer(plan.jwt().token());
    }

    private static String jwt(ApiResponse response) {
        JsonObject result = response.resultObject();
        JsonElement jwt = result == null ? null : result.get("jwt");
        return jwt != null && jwt.isJsonPrimitive() && !jwt.getAsString().isEmpty() ? jwt.getAsString() : null;
    }

    /**
     * How long before expiry to renew: the configured margin, but at most a quarter of the
     * token's remaining life, so a short-lived token is still used. A token without a known
     * expiry, or already expired by our clock (skew), is judged by the server's answers instead.
     */
    private Duration renewMargin(UploadJwt jwt) {
        if (jwt.expiresAt() == null) {
            return null;
        }
        Duration life = Duration.between(policy.clock().instant(), jwt.expiresAt());
        if (life.isNegative() || life.isZero()) {
            return null;
        }
        Duration quarter = life.dividedBy(4);
        return quarter.compareTo(policy.renewBefore()) < 0 ? quarter : policy.renewBefore();
    }

    private boolean expiresSoon(UploadJwt jwt, Duration margin) {
        if (margin == null) {
            return false;
        }
        Instant now = policy.clock().instant();
        return !now.plus(margin).isBefore(jwt.expiresAt());
    }

    private UploadResult result(
            Manifest manifest,
            Set<String> asked,
            Run run,
            CompletionToken token,
            int buckets,
            int renewals,
            long startedNanos) {
        int filesUploaded = 0;
        int filesAlready = 0;
        long bytesAlready = 0;
        for (ManifestEntry e : manifest.entries()) {
            if (run.uploadedHashes.contains(e.hash())) {
                filesUploaded++;
            } else if (!asked.contains(e.hash())) {
                filesAlready++;
                bytesAlready += e.size();
            }
        }
        long bytesUploaded = run.uploadedHashes.isEmpty()
                ? 0
                : manifest.byHash().values().stream()
                        .filter(e -> run.uploadedHashes.contains(e.hash()))
                        .mapToLong(ManifestEntry::size)
                        .sum();
        return new UploadResult(
                token,
                filesUploaded,
                bytesUploaded,
                filesAlready,
                bytesAlready,
                buckets,
                run.retries.get(),
                renewals,
                Duration.ofNanos(System.nanoTime() - startedNanos));
    }
}
