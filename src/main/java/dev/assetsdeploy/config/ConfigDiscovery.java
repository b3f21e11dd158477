package dev.assetsdeploy.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds the wrangler config the way wrangler 4.164 does ({@code findWranglerConfig} in its
 * cli.js): {@code find("wrangler.json") ?? find("wrangler.jsonc") ?? find("wrangler.toml")},
 * where each {@code find} walks from the starting folder up to the root and takes the first
 * regular file of that name. So the names are tried in order, each one all the way up: a
 * {@code wrangler.json} in a parent folder wins over a {@code wrangler.jsonc} in the starting
 * folder. Odd, but that is what users' projects are laid out against.
 */
public final class ConfigDiscovery {

    /** The names, in wrangler's order. */
    public static final List<String> FILE_NAMES = List.of("wrangler.json", "wrangler.jsonc", "wrangler.toml");

    private ConfigDiscovery() {}

    public static Optional<Path> find(Path start) {
        Path from = start.toAbsolutePath().normalize();
        for (String name : FILE_NAMES) {
            for (Path dir = from; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
