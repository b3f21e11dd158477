package dev.assetsdeploy.manifest;

import java.nio.file.Path;

/**
 * Where a build keeps its hash cache: a folder (one file per assets folder in it), or nowhere and
 * why ({@code off}, said by {@code manifest --verbose}).
 */
public record HashCacheLocation(Path folder, String off) {

    public static final HashCacheLocation NONE = off("no cache folder was given");

    public static HashCacheLocation in(Path folder) {
        return new HashCacheLocation(folder, null);
    }

    public static HashCacheLocation off(String reason) {
        return new HashCacheLocation(null, reason);
    }
}
