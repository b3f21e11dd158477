package dev.assetsdeploy;

import java.util.regex.Pattern;

/**
 * The kinds of names that become a segment of an API path, each with Cloudflare's rule for it. The config and the
 * flags check a value with {@link #problem} to name their field or flag; {@code api.ApiPaths} checks every name
 * again before it percent-encodes it into a path, so a name that breaks its rule never reaches the wire.
 */
public enum PathName {
    /** wrangler's and the API's account id: {@code ^[A-Za-z0-9_-]+$}. */
    ACCOUNT_ID("account id", "an account id", Pattern.compile("[A-Za-z0-9_-]+"), 0, "letters, digits, _ and - only"),
    /**
     * A Worker of the account: wrangler's {@code isValidName} and the API schema's {@code workers_script_name}
     * ({@code ^[a-z0-9_][a-z0-9-_]*$}), at most 63 characters (the API's script naming conventions; a Worker's
     * name is also its workers.dev DNS label).
     */
    WORKER_NAME(
            "Worker name",
            "a Worker name",
            Pattern.compile("[a-z0-9_][a-z0-9_-]*"),
            63,
            "lowercase letters, digits, - and _ only (not starting with -)"),
    /**
     * A Worker in a dispatch namespace: wrangler checks nothing and the API schema says {@code ^.+$}, so only what
     * would change the path is refused (a separator, a query, a fragment, an escape, a dot segment).
     */
    NAMESPACE_WORKER_NAME("Worker name", "a Worker name", Free.PATTERN, 0, Free.EXPECTED),
    /** A Workers for Platforms dispatch namespace: as free as its Workers' names (API schema: {@code ^.+$}). */
    DISPATCH_NAMESPACE("dispatch namespace", "a dispatch namespace", Free.PATTERN, 0, Free.EXPECTED),
    /** A zone's id (32 hexadecimal digits from the API; from a route's {@code zone_id}, as the user wrote it). */
    ZONE_ID("zone id", "a zone id", Pattern.compile("[A-Za-z0-9_-]+"), 0, "letters, digits, _ and - only"),
    /** An asset's hash, as the manifest computes it (hex of BLAKE3, first 32 digits). */
    ASSET_HASH("asset hash", "an asset hash", Pattern.compile("[0-9a-f]{32}"), 0, "32 lowercase hexadecimal digits"),
    /** A version of a Worker, as the API names it (a UUID; only what would change the path is refused). */
    VERSION_ID("version id", "a version id", Free.PATTERN, 0, Free.EXPECTED),
    /** A queue, looked up by name (the config checks it is a non-empty string). */
    QUEUE_NAME("queue name", "a queue name", Free.PATTERN, 0, Free.EXPECTED),
    /** An R2 bucket: wrangler's bucket name rule, which the config checks too. */
    R2_BUCKET(
            "R2 bucket name",
            "an R2 bucket name",
            Pattern.compile("[a-z0-9][a-z0-9-]{1,61}[a-z0-9]"),
            0,
            "3-63 lowercase letters, digits and -, starting and ending with a letter or digit");

    private static final class Free {
        static final Pattern PATTERN = Pattern.compile("(?!\\.{1,2}$)[^/\\\\?#%\\p{Cc}]+");
        static final String EXPECTED = "no /, \\, ?, #, % or control characters, and not . or ..";
    }

    private final String what;
    private final String noun;
    private final Pattern pattern;
    private final int maxLength;
    private final String expected;

    PathName(String what, String noun, Pattern pattern, int maxLength, String expected) {
        this.what = what;
        this.noun = noun;
        this.pattern = pattern;
        this.maxLength = maxLength;
        this.expected = expected;
    }

    /** What the name is, for messages: "Worker name", "dispatch namespace". */
    public String what() {
        return what;
    }

    /** The Worker name rule for a Worker in a dispatch namespace, or in the account. */
    public static PathName workerName(boolean inDispatchNamespace) {
        return inDispatchNamespace ? NAMESPACE_WORKER_NAME : WORKER_NAME;
    }

    /**
     * {@code null} when {@code value} follows the rule, else one line starting with {@code origin}: {@code --script is
     * "My Site", expected lowercase letters, digits, - and _ only (not starting with -)}.
     */
    public String problem(String origin, String value) {
        if (value.isEmpty()) {
            return origin + " is empty, expected " + noun;
        }
        String quoted = Json.quote(value);
        if (!pattern.matcher(value).matches()) {
            return origin + " is " + quoted + ", expected " + expected;
        }
        if (maxLength > 0 && value.length() > maxLength) {
            return origin + " is " + quoted + ", expected at most " + maxLength + " characters, not " + value.length();
        }
        return null;
    }
}
