package dev.assetsdeploy.deploy;

import dev.assetsdeploy.error.AssetsDeployException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The raw texts of {@code _headers} and {@code _redirects} at the root of the assets folder,
 * {@code null} when absent. wrangler sends them verbatim in {@code assets.config}, read as UTF-8
 * (malformed bytes become U+FFFD, as Node's {@code readFileSync(f, "utf8")} does; a BOM is kept).
 */
public record RoutingFiles(String headers, String redirects) {

    public static final RoutingFiles NONE = new RoutingFiles(null, null);

    public static RoutingFiles read(Path assetsDirectory) {
        if (assetsDirectory == null || !Files.isDirectory(assetsDirectory)) {
            return NONE;
        }
        return new RoutingFiles(readIfPresent(assetsDirectory.resolve("_headers")),
                readIfPresent(assetsDirectory.resolve("_redirects")));
    }

    private static String readIfPresent(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
