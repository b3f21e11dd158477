package dev.assetsdeploy.config;

import java.nio.file.Path;

/**
 * A config value and where it came from.
 *
 * @param value  the value as given
 * @param origin how messages name it: {@code wrangler.jsonc: env.staging.assets.directory}, {@code --main}, {@code DIR}
 * @param base   the folder a relative path value is resolved against (the config file's folder,
 *               or the working folder for flags); {@code null} for values that are not paths
 */
record Sourced<T>(T value, String origin, Path base) {

    static <T> Sourced<T> of(T value, String origin) {
        return new Sourced<>(value, origin, null);
    }

    Path resolvedPath() {
        return base.resolve((String) value).normalize();
    }
}
