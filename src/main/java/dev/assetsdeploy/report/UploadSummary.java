package dev.assetsdeploy.report;

import dev.assetsdeploy.Counts;
import dev.assetsdeploy.Sizes;
import dev.assetsdeploy.upload.UploadResult;
import java.util.Locale;

/** The final line of an upload, for people. Never shows the token. */
public final class UploadSummary {

    private UploadSummary() {}

    public static String text(UploadResult r) {
        double seconds = r.elapsed().toMillis() / 1000.0;
        if (r.filesUploaded() == 0) {
            return String.format(
                    Locale.ROOT,
                    "Nothing to upload: all %,d files (%s) are already on Cloudflare (%.1f s).",
                    r.filesAlreadyUploaded(),
                    Sizes.human(r.bytesAlreadyUploaded()),
                    seconds);
        }
        StringBuilder s = new StringBuilder("Uploaded " + Counts.of(r.filesUploaded(), "file") + " ("
                + Sizes.human(r.bytesUploaded()) + ") in " + Counts.of(r.buckets(), "request"));
        s.append("; " + Counts.of(r.filesAlreadyUploaded(), "file") + " (" + Sizes.human(r.bytesAlreadyUploaded())
                + ") already on Cloudflare");
        s.append("; " + Counts.of(r.retries(), "retry", "retries"));
        if (r.renewals() > 0) {
            s.append(", " + Counts.of(r.renewals(), "token renewal"));
        }
        s.append(String.format(Locale.ROOT, "; %.1f s (%s/s).", seconds, Sizes.human((long)
                (r.bytesUploaded() / Math.max(seconds, 1e-3)))));
        return s.toString();
    }
}
