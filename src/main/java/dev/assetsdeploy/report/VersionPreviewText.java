package dev.assetsdeploy.report;

import dev.assetsdeploy.TerminalText;
import dev.assetsdeploy.versions.VersionPreview;
import java.util.Locale;

/** How a version upload's preview (or the lack of one) is told: the same words on a terminal and in a CI summary. */
final class VersionPreviewText {

    private VersionPreviewText() {}

    /** Why there is no preview URL, and what to do about it: one line. */
    static String why(VersionPreview.None none) {
        return switch (none.reason()) {
            case VERSION_HAS_NO_PREVIEW ->
                "Cloudflare made none for this version" + " (Workers with Durable Objects get no preview URLs)";
            case PREVIEWS_OFF ->
                "preview URLs are off for this Worker; to turn them on, set \"preview_urls\": true"
                        + " in the config and deploy, or run `assets-deploy triggers --preview-urls`";
            case NO_WORKERS_DEV_SUBDOMAIN ->
                "the account has no workers.dev subdomain;" + " register one in the dashboard (Workers & Pages)";
            case LOOKUP_FAILED -> "could not read the Worker's preview settings: " + TerminalText.escape(none.detail());
        };
    }

    /** The reason as a word for scripts: {@code previews-off}, {@code version-has-no-preview}, ... */
    static String code(VersionPreview.None none) {
        return none.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
