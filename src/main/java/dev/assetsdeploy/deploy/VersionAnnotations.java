package dev.assetsdeploy.deploy;

import com.google.gson.JsonObject;

/**
 * What a Worker upload records about its version: {@code --message} ({@code workers/message}), {@code --tag}
 * ({@code workers/tag}) and, for a version upload, the preview alias ({@code workers/alias}); each may be
 * {@code null}.
 */
public record VersionAnnotations(String message, String tag, String alias) {

    public static final VersionAnnotations NONE = new VersionAnnotations(null, null, null);

    public static VersionAnnotations message(String message) {
        return new VersionAnnotations(message, null, null);
    }

    /**
     * The metadata's {@code annotations}, or {@code null} for none. wrangler's {@code versions upload} always sends
     * the object, {@code {}} when empty, with message, tag and alias in that order; its {@code deploy} sends one only
     * with a message or a tag that is not empty ({@code props.tag || props.message}), and never an alias (Cloudflare makes aliases for version uploads only).
     */
    JsonObject json(boolean versionOnly) {
        if (!versionOnly && isEmpty(message) && isEmpty(tag)) {
            return null;
        }
        JsonObject annotations = new JsonObject();
        if (message != null) {
            annotations.addProperty("workers/message", message);
        }
        if (tag != null) {
            annotations.addProperty("workers/tag", tag);
        }
        if (alias != null && versionOnly) {
            annotations.addProperty("workers/alias", alias);
        }
        return annotations;
    }

    private static boolean isEmpty(String text) {
        return text == null || text.isEmpty();
    }
}
