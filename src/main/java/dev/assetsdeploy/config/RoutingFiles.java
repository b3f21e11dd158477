package dev.assetsdeploy.config;

import dev.assetsdeploy.AssetsDeployException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The raw texts of {@code _headers} and {@code _redirects} at the root of the assets folder,
 * {@code null} when absent. wrangler sends them verbatim in {@code assets.config}, read as UTF-8
 * (malformed bytes become U+FFFD, as Node's {@code readFileSync(f, "utf8")} does; a BOM is kept).
 */
public record RoutingFiles(String headers, String redirects) {

    public static final String REDIRECTS_FILE = "_redirects";
    public static final String HEADERS_FILE = "_headers";
    public static final RoutingFiles NONE = new RoutingFiles(null, null);

    public static RoutingFiles read(Path assetsDirectory) {
        if (assetsDirectory == null || !Files.isDirectory(assetsDirectory)) {
            return NONE;
        }
        return new RoutingFiles(
                readIfPresent(assetsDirectory.resolve(HEADERS_FILE)),
                readIfPresent(assetsDirectory.resolve(REDIRECTS_FILE)));
    }

    /**
     * The {@code _redirects} rules (none when absent).
     *
     * @param htmlHandling the configured {@code html_handling} ({@code null} = default), which decides what is a loop
     */
    public RedirectsFile.Parsed parsedRedirects(AssetsSettings.HtmlHandling htmlHandling) {
        return redirects == null
                ? new RedirectsFile.Parsed(List.of(), List.of())
                : RedirectsFile.parse(redirects, htmlHandling);
    }

    /** The {@code _headers} rules (none when absent). */
    public HeadersFile.Parsed parsedHeaders() {
        return headers == null ? new HeadersFile.Parsed(List.of(), List.of()) : HeadersFile.parse(headers);
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
