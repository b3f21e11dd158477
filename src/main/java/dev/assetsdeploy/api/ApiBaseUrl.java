package dev.assetsdeploy.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What may be the API's base URL ({@code --api-base-url}, {@code CLOUDFLARE_API_BASE_URL}): an {@code https://} (or
 * {@code http://}) URL with a host and a port in range, and no user name, query or fragment, since paths are
 * appended to it. The scheme is case-insensitive, as RFC 3986 and wrangler's URL parser have it.
 */
public final class ApiBaseUrl {

    private ApiBaseUrl() {}

    /** Why {@code url} cannot be the API's base URL, or {@code null} when it can. */
    public static String problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
        if (uri.getScheme() == null
                || !(uri.getScheme().equalsIgnoreCase("https")
                        || uri.getScheme().equalsIgnoreCase("http"))) {
            return "it must start with https:// (or http://)";
        }
        if (uri.getHost() == null) {
            return "it names no host";
        }
        if (uri.getPort() > 65535) {
            return "port " + uri.getPort() + " is not between 1 and 65535";
        }
        if (uri.getRawUserInfo() != null) {
            return "it cannot hold a user name or password";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "it cannot have a ?query or #fragment";
        }
        return null;
    }

    /** Whether {@code url} (one without a {@link #problem}) sends the credentials unencrypted to another machine. */
    public static boolean plainHttpToAnotherMachine(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost")
                || host.endsWith(".localhost")
                || host.startsWith("127.")
                || host.equals("[::1]");
        return uri.getScheme().equalsIgnoreCase("http") && !loopback;
    }

    /** {@code url} as paths are appended to it: its scheme in lower case, without a trailing slash. */
    static String normalize(String url) {
        String problem = url == null ? "there is none" : problem(url);
        if (problem != null) {
            throw new IllegalArgumentException("not an API base URL: " + url + ": " + problem);
        }
        int colon = url.indexOf(':');
        String normal = url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
        return normal.endsWith("/") ? normal.substring(0, normal.length() - 1) : normal;
    }
}
