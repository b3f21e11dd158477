package dev.assetsdeploy.upload;

import java.util.List;

/** An opened upload session: its token and the buckets the API asks for (empty: the token is the completion token). */
public record UploadPlan(int session, UploadJwt jwt, List<Bucket> buckets) {

    public UploadPlan {
        buckets = List.copyOf(buckets);
    }

    public int files() {
        return buckets.stream().mapToInt(b -> b.entries().size()).sum();
    }

    public long bytes() {
        return buckets.stream().mapToLong(Bucket::bytes).sum();
    }
}
