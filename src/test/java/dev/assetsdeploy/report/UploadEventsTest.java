package dev.assetsdeploy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assetsdeploy.api.RetryNotice;
import dev.assetsdeploy.api.RetryPolicy;
import dev.assetsdeploy.upload.Bucket;
import dev.assetsdeploy.upload.CompletionToken;
import dev.assetsdeploy.upload.UploadJwt;
import dev.assetsdeploy.upload.UploadPlan;
import dev.assetsdeploy.upload.UploadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadEventsTest {

    @Test
    void eventsAreOneCompactObjectPerLine() {
        StringWriter text = new StringWriter();
        UploadEvents events = new UploadEvents(new PrintWriter(text));
        Bucket b = UploadProgressTest.bucket(3, 2, 10);
        events.bucketRetried(
                b,
                new RetryNotice(
                        b.step(),
                        1,
                        6,
                        "HTTP 429: 971: slow down",
                        new RetryPolicy.Retry(Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(60))));
        events.requestRetried(new RetryNotice(
                "upload session", 2, 6, "HTTP 503: 10013: down", new RetryPolicy.Retry(Duration.ofMillis(5000))));
        events.concurrencyChanged(2);
        events.tokenRenewed(
                "the upload token expires at 2026-01-01T00:00:00Z",
                new UploadPlan(2, UploadJwt.parse("x"), List.of(b)));
        UploadResult r = new UploadResult(new CompletionToken("c.t.x"), 2, 20, 1, 5, 1, 1, 1, Duration.ofMillis(1234));
        events.done(r, null);
        events.done(r, Path.of("tok"));
        assertEquals(
                List.of(
                        "{\"event\":\"bucket_retried\",\"session\":1,\"bucket\":3,\"buckets\":2,\"files\":2,\"bytes\":20,\"attempt\":1,\"attempts\":6,\"delay_ms\":60000,\"retry_after_ms\":3600000,\"capped_at_ms\":60000,\"reason\":\"HTTP 429: 971: slow down\"}",
                        "{\"event\":\"request_retried\",\"step\":\"upload session\",\"attempt\":2,\"attempts\":6,\"delay_ms\":5000,\"reason\":\"HTTP 503: 10013: down\"}",
                        "{\"event\":\"concurrency_changed\",\"limit\":2}",
                        "{\"event\":\"token_renewed\",\"session\":2,\"reason\":\"the upload token expires at 2026-01-01T00:00:00Z\",\"files_to_upload\":2,\"bytes_to_upload\":20,\"buckets\":1}",
                        "{\"event\":\"done\",\"files_uploaded\":2,\"bytes_uploaded\":20,\"files_already_uploaded\":1,\"bytes_already_uploaded\":5,\"buckets\":1,\"retries\":1,\"renewals\":1,\"elapsed_ms\":1234,\"completion_token\":\"c.t.x\"}",
                        "{\"event\":\"done\",\"files_uploaded\":2,\"bytes_uploaded\":20,\"files_already_uploaded\":1,\"bytes_already_uploaded\":5,\"buckets\":1,\"retries\":1,\"renewals\":1,\"elapsed_ms\":1234,\"token_file\":\"tok\"}"),
                text.toString().lines().toList());
    }
}
