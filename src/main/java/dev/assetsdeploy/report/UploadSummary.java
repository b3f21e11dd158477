package dev.assetsdeploy.report;

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
        StringBuilder s = new StringBuilder(String.format(
                Locale.ROOT,
                "Uploaded %,d files (%s) in %,d requests",
                r.filesUploaded(),
                Sizes.human(r.bytesUploaded()),
                r.buckets()));
        s.append(String.format(
                Locale.ROOT,
                "; %,d files (%s) already on Cloudflare",
                r.filesAlreadyUploaded(),
                Sizes.human(r.bytesAlreadyUploaded())));
        s.append(String.format(Locale.ROOT, "; %d retr%s", r.retries(), r.retries() == 1 ? "y" : "ies"));
        if (r.renewals() > 0) {
            s.append(String.format(Locale.ROOT, ", %d token renewal%s", r.renewals(), r.renewals() == 1 ? "" : "s"));
        }
        s.append(String.format(Locale.ROOT, "; %.1f s (%s/s).", seconds, Sizes.human((long)
                (r.bytesUploaded() / Math.max(seconds, 1e-3)))));
        return s.toString();
    }
}
