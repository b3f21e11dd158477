package dev.assetsdeploy.preview;

import dev.assetsdeploy.config.HeadersFile;
import dev.assetsdeploy.config.RedirectsFile;
import dev.assetsdeploy.config.RoutingFiles;
import dev.assetsdeploy.manifest.Manifest;

/**
 * Everything that decides how a folder is served: its manifest, the settings, and the
 * {@code _redirects} and {@code _headers} rules read from the folder's root. Immutable.
 */
public record PreviewSite(
        Manifest manifest, PreviewSettings settings, RedirectsFile.Parsed redirects, HeadersFile.Parsed headers) {

    /** Reads {@code _redirects} and {@code _headers} from the manifest's folder (either may be absent). */
    public static PreviewSite load(Manifest manifest, PreviewSettings settings) {
        RoutingFiles files = RoutingFiles.read(manifest.root());
        return new PreviewSite(
                manifest, settings, files.parsedRedirects(settings.htmlHandling()), files.parsedHeaders());
    }
}
