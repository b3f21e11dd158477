package dev.assetsdeploy.preview;

import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.config.HeadersFile;
import dev.assetsdeploy.config.RedirectsFile;
import dev.assetsdeploy.config.UrlPaths;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a request as Cloudflare's router and asset workers would (workers-shared, as bundled
 * in wrangler 4.164): {@code run_worker_first}, then {@code _redirects}, {@code html_handling},
 * {@code not_found_handling}, method and {@code If-None-Match} checks, then {@code _headers}.
 * Pure: no files, no sockets; {@link PreviewSite} holds everything it reads.
 */
public final class AssetRouter {

    static final String CACHE_CONTROL = "public, max-age=0, must-revalidate";
    private static final Pattern EXTERNAL = Pattern.compile("^(?:\\w+://|//[^/\\\\\\s?#])");
    private static final Pattern SUFFIX = Pattern.compile("[?#]");

    private record CompiledRedirect(RedirectsFile.Rule rule, RulePattern pattern) {}

    private record CompiledHeaders(HeadersFile.Rule rule, RulePattern pattern) {}

    /** A glob of {@code run_worker_first}: {@code *} matches anything, nothing else is special. */
    private record Glob(String rule, Pattern pattern) {}

    private final PreviewSettings settings;
    private final HtmlHandling htmlHandling;
    private final Map<String, RedirectsFile.Rule> staticRedirects;
    private final List<CompiledRedirect> dynamicRedirects = new ArrayList<>();
    private final List<CompiledHeaders> headerRules = new ArrayList<>();
    private final List<Glob> assetFirst = new ArrayList<>();
    private final List<Glob> workerFirst = new ArrayList<>();

    public AssetRouter(PreviewSite site) {
        this.settings = site.settings();
        this.htmlHandling =
                new HtmlHandling(site.manifest().byPath(), settings.htmlHandling(), settings.notFoundHandling());
        this.staticRedirects = site.redirects().staticRules();
        site.redirects().dynamicRules().values().forEach(rule -> {
            RulePattern pattern = RulePattern.compile(rule.from());
            if (pattern != null) {
                dynamicRedirects.add(new CompiledRedirect(rule, pattern));
            }
        });
        site.headers().byPath().values().forEach(rule -> {
            RulePattern pattern = RulePattern.compile(rule.path());
            if (pattern != null) {
                headerRules.add(new CompiledHeaders(rule, pattern));
            }
        });
        for (String rule : settings.workerFirstRules()) {
            if (rule.startsWith("!/")) {
                assetFirst.add(glob(rule, rule.substring(1)));
            } else if (rule.startsWith("/")) {
                workerFirst.add(glob(rule, rule));
            }
        }
    }

    private static Glob glob(String rule, String pattern) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
        }
        return new Glob(rule, Pattern.compile(regex.toString(), Pattern.DOTALL));
    }

    /** The request as the worker's {@code new URL(request.url)} sees it. */
    private record Url(String host, String hostname, String pathname, String search) {}

    private static Url url(PreviewRequest request) {
        String target = request.target();
        if (target.matches("(?i)^https?://.*")) {
            int pathAt = target.indexOf('/', target.indexOf("//") + 2);
            target = pathAt < 0 ? "/" : target.substring(pathAt);
        }
        if (!target.startsWith("/")) {
            target = "/" + target;
        }
        UrlPaths.Parts parts = UrlPaths.parsePathReference(target, true);
        String host = request.host() == null ? "localhost" : request.host().toLowerCase(Locale.ROOT);
        return new Url(host, request.hostname(), parts.pathname(), parts.search());
    }

    public PreviewResponse resolve(PreviewRequest request) {
        Url url = url(request);
        List<PreviewResponse.Step> steps = new ArrayList<>();
        if (settings.hasWorkerCode()) {
            PreviewResponse worker = routeToWorker(request, url, steps);
            if (worker != null) {
                return worker;
            }
        }
        return handle(request, url, htmlHandling, steps);
    }

    /** The router worker: the Worker's answer (which preview cannot give), or null to serve assets. */
    private PreviewResponse routeToWorker(PreviewRequest request, Url url, List<PreviewResponse.Step> steps) {
        for (Glob glob : assetFirst) {
            if (glob.pattern().matcher(url.pathname()).matches()) {
                steps.add(new PreviewResponse.Step(
                        "run_worker_first", "'" + glob.rule() + "' sends " + url.pathname() + " to assets"));
                return null;
            }
        }
        for (Glob glob : workerFirst) {
            if (glob.pattern().matcher(url.pathname()).matches()) {
                return toWorker(
                        steps, "run_worker_first", "'" + glob.rule() + "' sends " + url.pathname() + " to the Worker");
            }
        }
        if (settings.workerFirstForAll()) {
            return toWorker(steps, "run_worker_first", "true: every request goes to the Worker first");
        }
        boolean navigate = "navigate".equals(request.header("Sec-Fetch-Mode"));
        boolean keepNotFound = !workerFirst.isEmpty() || settings.navigationPrefersAssets() && navigate;
        HtmlHandling probe = keepNotFound ? htmlHandling : htmlHandling.withNotFoundHandling(NotFoundHandling.NONE);
        AssetAnswer answer = assetAnswer(request, url, probe, new ArrayList<>());
        if (answer instanceof NoIntent) {
            String why = settings.notFoundHandling() == NotFoundHandling.NONE || keepNotFound
                    ? ""
                    : settings.navigationPrefersAssets()
                            ? "; not_found_handling comes before the Worker only for navigation requests (Sec-Fetch-Mode: navigate)"
                            : "; not_found_handling never comes before the Worker at compatibility date "
                                    + settings.compatibilityDate() + " (navigation requests get it from "
                                    + PreviewSettings.NAVIGATION_FLAG_DATE + ")";
            return toWorker(steps, "Worker", "no asset matches " + url.pathname() + why);
        }
        return null;
    }

    private static PreviewResponse toWorker(List<PreviewResponse.Step> steps, String rule, String detail) {
        steps.add(new PreviewResponse.Step(rule, detail));
        return new PreviewResponse(0, null, null, new ResponseHeaders(), true, steps);
    }

    /** What the asset worker's {@code getResponseOrAssetIntent} decided for a request. */
    private sealed interface AssetAnswer permits NoIntent, Direct, Serve {}

    /** "Nothing here": a 404 the Worker may take over. */
    private record NoIntent() implements AssetAnswer {}

    /** A response decided before any asset is read (redirect, 404, 405). */
    private record Direct(int status, String location) implements AssetAnswer {}

    /** An asset to serve, as {@link HtmlHandling} found it. */
    private record Serve(HtmlHandling.Intent intent) implements AssetAnswer {}

    private PreviewResponse handle(
            PreviewRequest request, Url url, HtmlHandling handling, List<PreviewResponse.Step> steps) {
        AssetAnswer answer = assetAnswer(request, url, handling, steps);
        ResponseHeaders headers = new ResponseHeaders();
        int status;
        String location = null;
        ManifestEntry asset = null;
        if (answer instanceof NoIntent) {
            status = 404;
        } else if (answer instanceof Direct direct) {
            status = direct.status();
            location = direct.location();
            if (location != null) {
                headers.set("Location", location);
            }
        } else {
            HtmlHandling.Intent intent = ((Serve) answer).intent();
            asset = intent.asset();
            status = serve(request, intent, headers, steps);
        }
        addCustomHeaders(url, headers, steps);
        return new PreviewResponse(status, location, asset, headers, false, steps);
    }

    private AssetAnswer assetAnswer(
            PreviewRequest request, Url url, HtmlHandling handling, List<PreviewResponse.Step> steps) {
        String pathname = url.pathname();
        boolean proxied = false;
        RedirectsFile.Rule rule = staticRedirects.get(pathname);
        String to = rule == null ? null : rule.to();
        if (rule == null) {
            for (CompiledRedirect redirect : dynamicRedirects) {
                Map<String, String> groups = redirect.pattern().match(url.hostname(), pathname);
                if (groups != null) {
                    rule = redirect.rule();
                    to = normalizeTarget(rule.to(), groups);
                    break;
                }
            }
        }
        if (rule != null) {
            String line = "line " + rule.line() + " '" + rule.from() + " " + rule.to() + " " + rule.status() + "'";
            if (rule.status() != 200) {
                String location = location(to, url);
                steps.add(new PreviewResponse.Step("_redirects", line + " redirects to " + location));
                return new Direct(rule.status(), location);
            }
            pathname = resolve(to, url).parts().pathname();
            proxied = true;
            steps.add(new PreviewResponse.Step("_redirects", line + " rewrites to " + pathname));
        }
        String decoded = UriComponents.decodePath(pathname);
        HtmlHandling.Intent intent = handling.intent(decoded, false);
        if (intent == null) {
            steps.add(new PreviewResponse.Step(
                    "html_handling",
                    handling == htmlHandling
                            ? "no asset for " + decoded
                                    + (settings.notFoundHandling() == NotFoundHandling.NONE
                                            ? ""
                                            : " and no not-found fallback")
                            : "no asset for " + decoded));
            return proxied ? new Direct(404, null) : new NoIntent();
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            steps.add(new PreviewResponse.Step("method", method + " is not allowed on assets (only GET and HEAD)"));
            return new Direct(405, null);
        }
        String destination = UriComponents.encodePath(intent.redirect() != null ? intent.redirect() : decoded);
        if (intent.redirect() != null) {
            steps.add(new PreviewResponse.Step("html_handling", intent.how()));
            return new Direct(307, destination + url.search());
        }
        if (!destination.equals(pathname)) {
            steps.add(new PreviewResponse.Step(
                    "canonical URL", pathname + " is served at its encoded form " + destination));
            return new Direct(307, destination + url.search());
        }
        steps.add(new PreviewResponse.Step(
                intent.notFoundFallback() ? "not_found_handling" : "html_handling", intent.how()));
        return new Serve(intent);
    }

    /** {@code normalizeRedirectTarget}: placeholders filled in; in a relative target, runs of slashes collapsed. */
    private static String normalizeTarget(String value, Map<String, String> groups) {
        boolean external = EXTERNAL.matcher(jsTrim(value)).find();
        String target = jsTrim(RulePattern.replace(value, groups));
        if (external) {
            return target;
        }
        Matcher suffix = SUFFIX.matcher(target);
        int at = suffix.find() ? suffix.start() : -1;
        String path = at < 0 ? target : target.substring(0, at);
        return path.replaceAll("[/\\\\]+", "/") + (at < 0 ? "" : target.substring(at));
    }

    /** JavaScript's trim; targets are URL-encoded by the parser, so ASCII whitespace is all there is to trim. */
    private static String jsTrim(String s) {
        return s.strip();
    }

    /** A redirect target resolved against the request URL ({@code new URL(to, request.url)}). */
    private record Resolved(String origin, UrlPaths.Parts parts) {}

    private static final Pattern ABSOLUTE =
            Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):[/\\\\]*([^/\\\\?#]*)(.*)$", Pattern.DOTALL);

    private static Resolved resolve(String to, Url url) {
        String target = to;
        if (target.matches("(?s)^[/\\\\]{2}.*")) {
            target = "http:" + target; // scheme-relative: the request's scheme (preview serves http)
        }
        Matcher m = ABSOLUTE.matcher(target);
        if (!m.matches()) {
            return new Resolved("http://" + url.host(), UrlPaths.parsePathReference(target, true));
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && host.endsWith(":443") || scheme.equals("http") && host.endsWith(":80")) {
            host = host.substring(0, host.lastIndexOf(':'));
        }
        String rest = m.group(3);
        rest = rest.startsWith("/") || rest.startsWith("\\") ? rest : "/" + rest;
        return new Resolved(scheme + "://" + host, UrlPaths.parsePathReference(rest, true));
    }

    /** The {@code Location} for a redirect: path only on the same origin, else the full URL; the request's query kept unless the target has one. */
    private static String location(String to, Url url) {
        Resolved d = resolve(to, url);
        String tail = d.parts().pathname()
                + (d.parts().search().isEmpty() ? url.search() : d.parts().search())
                + d.parts().hash();
        return d.origin().equals("http://" + url.host()) ? tail : d.origin() + tail;
    }

    /** The asset's headers; the status: the intent's, or 304 when If-None-Match names its ETag. */
    private static int serve(
            PreviewRequest request,
            HtmlHandling.Intent intent,
            ResponseHeaders headers,
            List<PreviewResponse.Step> steps) {
        ManifestEntry asset = intent.asset();
        String etag = "\"" + asset.hash() + "\"";
        headers.set("ETag", etag);
        if (asset.contentType() != null) {
            headers.append("Content-Type", asset.contentType());
        }
        if (request.header("Authorization") == null && request.header("Range") == null) {
            headers.append("Cache-Control", CACHE_CONTROL);
        }
        String ifNoneMatch = request.header("If-None-Match");
        if (etag.equals(ifNoneMatch) || ("W/" + etag).equals(ifNoneMatch)) {
            steps.add(new PreviewResponse.Step(
                    "If-None-Match", "matches the ETag of " + asset.path() + ": 304 Not Modified"));
            return 304;
        }
        return intent.status();
    }

    private void addCustomHeaders(Url url, ResponseHeaders headers, List<PreviewResponse.Step> steps) {
        Set<String> setByRules = new HashSet<>();
        for (CompiledHeaders compiled : headerRules) {
            Map<String, String> groups = compiled.pattern().match(url.hostname(), url.pathname());
            if (groups == null) {
                continue;
            }
            HeadersFile.Rule rule = compiled.rule();
            List<String> did = new ArrayList<>();
            for (String name : rule.unset()) {
                headers.delete(name);
                did.add("removes " + name);
            }
            Map<String, String> set = new LinkedHashMap<>();
            rule.set().forEach((name, value) -> set.put(name, RulePattern.replace(value, groups)));
            set.forEach((name, value) -> {
                if (setByRules.add(name.toLowerCase(Locale.ROOT))) {
                    headers.set(name, value);
                    did.add("sets " + name);
                } else {
                    headers.append(name, value);
                    did.add("appends " + name);
                }
            });
            steps.add(new PreviewResponse.Step(
                    "_headers", "line " + rule.line() + " '" + rule.path() + "' " + String.join(", ", did)));
        }
    }
}
