package dev.assetsdeploy.versions;

import dev.assetsdeploy.AssetsDeployException;
import dev.assetsdeploy.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The preview alias of a version upload ({@code --preview-alias}, the {@code workers/alias} annotation): the version
 * then also answers on {@code https://<alias>-<worker>.<subdomain>.workers.dev}.
 *
 * <p>Cloudflare's rules (docs, "Preview URLs"): lowercase letters, digits and dashes, starting with a letter, and the
 * alias, a dash and the Worker name together at most 63 characters (one DNS label). A valid alias is sent as given.
 * Anything else is taken for a branch name and turned into an alias by wrangler 4.164's own
 * {@code generatePreviewAlias}, so it is the alias Workers Builds makes for that branch; when even that finds none, the
 * upload is refused before any request.
 *
 * @param value     the alias to send
 * @param requested what was asked for; differs from {@code value} when it had to be turned into an alias
 */
public record PreviewAlias(String value, String requested) {

    static final int MAX_DNS_LABEL = 63;
    private static final Pattern DOCUMENTED = Pattern.compile("[a-z][a-z0-9-]*");
    /** wrangler's {@code ALIAS_VALIDATION_REGEX}, applied after lower-casing: also no dash at the end. */
    private static final Pattern GENERATED = Pattern.compile("[a-z](?:[a-z0-9-]*[a-z0-9])?");
    /** wrangler's {@code HASH_LENGTH}: hex digits of the branch name's SHA-256 that end a shortened alias. */
    private static final int HASH_DIGITS = 4;

    /** Whether {@code requested} had to be turned into an alias. */
    public boolean generated() {
        return !value.equals(requested);
    }

    /**
     * @throws AssetsDeployException (invalid input) when no alias can be made of {@code requested}: one line naming
     *                               the rules
     */
    public static PreviewAlias resolve(String requested, String scriptName) {
        int room = MAX_DNS_LABEL - scriptName.length() - 1;
        if (DOCUMENTED.matcher(requested).matches() && requested.length() <= room) {
            return new PreviewAlias(requested, requested);
        }
        String alias = fromBranchName(requested, scriptName);
        if (alias == null) {
            throw AssetsDeployException.invalidInput("--preview-alias " + Json.quote(requested)
                    + ": no preview alias can be made of it; an alias is lowercase letters, digits and -, starts with"
                    + " a letter, and has at most " + Math.max(room, 0) + " characters (63 with \"-" + scriptName
                    + "\")");
        }
        return new PreviewAlias(alias, requested);
    }

    /** wrangler's {@code generatePreviewAlias(scriptName)} for the branch {@code branch}; {@code null} when it gives up. */
    static String fromBranchName(String branch, String scriptName) {
        String sanitized = branch.replaceAll("[^a-zA-Z0-9-]", "-")
                .replaceAll("-+", "-")
                .replaceAll("^-+|-+$", "")
                .toLowerCase(Locale.ROOT);
        if (!GENERATED.matcher(sanitized).matches()) {
            return null;
        }
        int room = MAX_DNS_LABEL - scriptName.length() - 1;
        if (sanitized.length() <= room) {
            return sanitized;
        }
        String suffix = "-" + sha256Hex(branch).substring(0, HASH_DIGITS);
        if (room - suffix.length() < 1) {
            return null;
        }
        // As wrangler: cut to fit, then the suffix, even when the cut leaves a dash before it.
        return sanitized.substring(0, room - suffix.length()) + suffix;
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
