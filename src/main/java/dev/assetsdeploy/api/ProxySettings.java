package dev.assetsdeploy.api;

import java.net.URI;
import java.util.Locale;

/**
 * The proxy the environment asks for ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, {@code NO_PROXY}),
 * passed in by the cli. When none applies to a host, the JVM's proxy properties
 * ({@code https.proxyHost}, ...) decide. Values may be {@code null}.
 */
public record ProxySettings(String httpsProxy, String httpProxy, String noProxy) {

    public static final ProxySettings NONE = new ProxySettings(null, null, null);

    /** The proxy URL for a request to {@code scheme://host:port}, or {@code null} for none from the environment. */
    public URI proxyFor(String scheme, String host, int port) {
        String proxy = "https".equalsIgnoreCase(scheme) ? firstNonBlank(httpsProxy, httpProxy) : httpProxy;
        if (proxy == null || bypassed(host, port)) {
            return null;
        }
        URI uri = URI.create(proxy.contains("://") ? proxy : "http://" + proxy);
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("proxy URL has no host");
        }
        return uri;
    }

    /** curl's NO_PROXY rules: {@code *}, or comma-separated hosts/domains (optionally {@code :port}), each matching itself and its subdomains. */
    boolean bypassed(String host, int port) {
        if (noProxy == null || noProxy.isBlank()) {
            return false;
        }
        String target = host.toLowerCase(Locale.ROOT);
        for (String raw : noProxy.split(",")) {
            String rule = raw.strip().toLowerCase(Locale.ROOT);
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.equals("*")) {
                return true;
            }
            int colon = rule.lastIndexOf(':');
            if (colon > 0
                    && rule.indexOf(':') == colon
                    && rule.substring(colon + 1).chars().allMatch(Character::isDigit)) {
                if (Integer.parseInt(rule.substring(colon + 1)) != port) {
                    continue;
                }
                rule = rule.substring(0, colon);
            }
            if (rule.startsWith("*.")) {
                rule = rule.substring(1);
            }
            String domain = rule.startsWith(".") ? rule.substring(1) : rule;
            if (target.equals(domain) || target.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : (b != null && !b.isBlank() ? b : null);
    }

    @Override
    public String toString() {
        // A proxy URL may carry user:password.
        return "ProxySettings[" + (httpsProxy != null) + ", " + (httpProxy != null) + ", " + noProxy + "]";
    }
}
