package dev.assetsdeploy.config;

import java.nio.file.Path;
import java.util.function.Function;

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

    /**
     * A field as an {@code env.NAME} section inherits it: the section's value, else the top level's; {@code null} when
     * neither sets it (either layer may be {@code null}).
     */
    static <L, T> Sourced<T> pick(L top, L section, Function<L, Sourced<T>> field) {
        if (section != null && field.apply(section) != null) {
            return field.apply(section);
        }
        return top == null ? null : field.apply(top);
    }

    /** The value, or {@code null} when unset. */
    static <T> T valueOf(Sourced<T> sourced) {
        return sourced == null ? null : sourced.value();
    }

    Path resolvedPath() {
        return base.resolve((String) value).normalize();
    }
}
