package dev.assetsdeploy.config;

/**
 * How a new version reaches the Worker's running Durable Objects ({@code durable_objects.code_update_strategy},
 * new in wrangler 4.164): at once, or when each object is next idle, at most {@code maxDelaySeconds} later.
 *
 * @param immediate       {@code mode: "immediate"}; then {@code maxDelaySeconds} is not sent (wrangler drops it)
 * @param maxDelaySeconds {@code max_delay}, 0 to 86400 with millisecond precision
 */
public record CodeUpdateStrategy(boolean immediate, double maxDelaySeconds) {

    /** wrangler's {@code DEFAULT_DURABLE_OBJECTS_CODE_UPDATE_STRATEGY}: what every deployment carries by default. */
    public static final CodeUpdateStrategy DEFAULT = new CodeUpdateStrategy(false, 300);
}
