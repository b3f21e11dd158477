package dev.assetsdeploy.cli;

import dev.assetsdeploy.manifest.HashCacheLocation;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where the hash cache is kept (part of {@link ManifestOptions}): {@code --cache-dir}, else
 * {@code $XDG_CACHE_HOME/assets-deploy}, else {@code ~/.cache/assets-deploy}; {@code --no-cache} turns it off.
 */
public final class HashCacheOptions {

    static final String FOLDER = "assets-deploy";

    @Option(
            names = "--cache-dir",
            paramLabel = "DIR",
            description = "Keep the hash cache in DIR (default: $XDG_CACHE_HOME/assets-deploy, else"
                    + " ~/.cache/assets-deploy): unchanged files are not read again. Never inside the assets folder.")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Hash every file, and read or write no hash cache.")
    boolean noCache;

    boolean conflicting() {
        return noCache && cacheDir != null;
    }

    HashCacheLocation location(Environment env) {
        if (noCache) {
            return HashCacheLocation.off("--no-cache");
        }
        if (cacheDir != null) {
            return HashCacheLocation.in(cacheDir);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && Path.of(xdg).isAbsolute()) { // the XDG spec: a relative path is to be ignored
            return HashCacheLocation.in(Path.of(xdg, FOLDER));
        }
        if (env.get("HOME") != null) {
            return HashCacheLocation.in(Path.of(env.get("HOME"), ".cache", FOLDER));
        }
        return HashCacheLocation.off("neither XDG_CACHE_HOME nor HOME is set: pass --cache-dir DIR");
    }
}
