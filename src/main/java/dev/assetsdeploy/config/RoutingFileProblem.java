package dev.assetsdeploy.config;

/** A line of {@code _headers} or {@code _redirects} that Cloudflare ignores, and why (its message). */
public record RoutingFileProblem(int line, String message) {
}
