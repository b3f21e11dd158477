package dev.assetsdeploy.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A line of an assets folder's {@code _redirects} or {@code _headers} that Cloudflare ignores (or a redirect
 * longer than Cloudflare documents), with its message: a warning (an error under {@code --strict}), since the
 * files are sent verbatim in {@code assets.config} and the server would drop the line silently.
 *
 * @param file   the file, as {@code <assets folder>/_redirects}
 * @param line   1-based line number
 * @param detail Cloudflare's own message for it
 */
public record RoutingFileWarning(Path file, int line, String detail) {

    /** One line, {@code <file>:<line>: <detail>}, as printed after {@code warning: }. */
    public String message() {
        return file + ":" + line + ": " + detail;
    }

    /**
     * The problems of files already parsed from {@code folder}: {@code _redirects} first (with its rules over the
     * documented length), each in line order.
     */
    public static List<RoutingFileWarning> of(Path folder, RedirectsFile.Parsed redirects, HeadersFile.Parsed headers) {
        List<RoutingFileWarning> warnings = new ArrayList<>();
        Path redirectsFile = folder.resolve(RoutingFiles.REDIRECTS_FILE);
        Stream.concat(redirects.problems().stream(), redirects.longLines().stream())
                .sorted(Comparator.comparingInt(RoutingFileProblem::line))
                .forEach(p -> warnings.add(new RoutingFileWarning(redirectsFile, p.line(), p.message())));
        Path headersFile = folder.resolve(RoutingFiles.HEADERS_FILE);
        headers.problems().forEach(p -> warnings.add(new RoutingFileWarning(headersFile, p.line(), p.message())));
        return List.copyOf(warnings);
    }

    /**
     * Checks the texts of {@code folder}'s routing files.
     *
     * @param htmlHandling the configured {@code html_handling} ({@code null} = default), which decides what is a loop
     */
    public static List<RoutingFileWarning> check(
            Path folder, RoutingFiles files, AssetsSettings.HtmlHandling htmlHandling) {
        return of(folder, files.parsedRedirects(htmlHandling), files.parsedHeaders());
    }
}
