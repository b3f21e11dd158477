package dev.assetsdeploy.config;

/**
 * A config key wrangler would act on and assets-deploy does not: the deploy stops before any request, unless
 * {@code --allow-unsupported KEY} accepts that the Worker is deployed without it.
 *
 * @param key       what {@code --allow-unsupported} names: {@code unsafe}, {@code queues.consumers}, {@code raw}, ...
 * @param configKey the top-level config key it sits under ({@code queues} for {@code queues.consumers}): whether an
 *                  {@code env.NAME} section inherits it follows that key
 * @param origin    where the config sets it: {@code wrangler.json: unsafe}, {@code wrangler.json: kv_namespaces[0].raw}
 * @param reason    why assets-deploy does not send it
 */
public record UnsupportedKey(String key, String configKey, String origin, String reason) {}
