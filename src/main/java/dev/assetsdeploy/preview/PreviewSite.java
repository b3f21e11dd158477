package dev.assetsdeploy.preview;

import dev.assetsdeploy.config.HeadersFile;
import dev.assetsdeploy.config.RedirectsFile;
import dev.assetsdeploy.error.AssetsDeployException;
import dev.assetsdeploy.manifest.Manifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything that decides how a folder is served: its manifest, the settings, and the
 * {@code _redirects} and {@code _headers} rules read from the folder's root. Immutable.
 */
public record PreviewSite(Manifest manifest, PreviewSettings settings, RedirectsFile.Parsed redirects,
                          HeadersFile.Parsed headers) {

    public static final String REDIRECTS_FILE = "_redirects";
    public static final String HEADERS_FILE = "_headers";

    /** Reads {@code _redirects} and {@code _headers} from the manifest's folder (either may be absent). */
    public static PreviewSite load(Manifest manifest, PreviewSettings settings) {
        String redirects = read(manifest.root().resolve(REDIRECTS_FILE));
        String headers = read(manifest.root().resolve(HEADERS_FILE));
        return new PreviewSite(manifest, settings,
                redirects == null ? new RedirectsFile.Parsed(List.of(), List.of())
                        : RedirectsFile.parse(redirects, settings.htmlHandling()),
                headers == null ? new HeadersFile.Parsed(List.of(), List.of()) : HeadersFile.parse(headers));
    }

    /** The file's text (bytes that are not UTF-8 become U+FFFD, as Node reads them), or null when absent. */
    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw AssetsDeployException.invalidInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
