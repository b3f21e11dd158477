package dev.assetsdeploy.preview;

import dev.assetsdeploy.config.AssetsSettings;
import dev.assetsdeploy.config.AssetsSettings.NotFoundHandling;
import dev.assetsdeploy.manifest.ManifestEntry;
import java.util.Map;

/**
 * The asset worker's {@code getIntent}: from a decoded path to the asset to serve or the canonical
 * path to redirect to, for each {@code html_handling} mode, then {@code not_found_handling}.
 * A line-by-line port of workers-shared {@code handler.ts} (wrangler 4.164); the odd branches
 * are Cloudflare's, kept on purpose.
 */
final class HtmlHandling {

    /** The asset to serve (status 200 or 404), or the path to redirect to; {@code how} explains it. */
    record Intent(ManifestEntry asset, int status, String redirect, boolean notFoundFallback, String how) {}

    private final Map<String, ManifestEntry> assets;
    private final AssetsSettings.HtmlHandling htmlHandling;
    private final NotFoundHandling notFoundHandling;

    HtmlHandling(
            Map<String, ManifestEntry> assets,
            AssetsSettings.HtmlHandling htmlHandling,
            NotFoundHandling notFoundHandling) {
        this.assets = assets;
        this.htmlHandling = htmlHandling;
        this.notFoundHandling = notFoundHandling;
    }

    HtmlHandling withNotFoundHandling(NotFoundHandling mode) {
        return new HtmlHandling(assets, htmlHandling, mode);
    }

    private ManifestEntry exists(String path) {
        return assets.get(path);
    }

    private Intent serve(ManifestEntry asset, String how) {
        return new Intent(asset, 200, null, false, htmlHandling.value() + ": " + how + " " + asset.path());
    }

    Intent intent(String pathname, boolean skipRedirects) {
        return switch (htmlHandling) {
            case AUTO_TRAILING_SLASH -> autoTrailingSlash(pathname, skipRedirects);
            case FORCE_TRAILING_SLASH -> forceTrailingSlash(pathname, skipRedirects);
            case DROP_TRAILING_SLASH -> dropTrailingSlash(pathname, skipRedirects);
            case NONE -> none(pathname);
        };
    }

    private Intent safeRedirect(String file, String destination, boolean skip) {
        if (skip || exists(destination) != null) {
            return null;
        }
        Intent intent = intent(destination, true);
        ManifestEntry fileAsset = exists(file);
        if (intent != null
                && intent.asset() != null
                && fileAsset != null
                && intent.asset().hash().equals(fileAsset.hash())) {
            return new Intent(
                    null,
                    0,
                    destination,
                    false,
                    htmlHandling.value() + ": redirect to " + destination + " (the canonical URL of " + file + ")");
        }
        return null;
    }

    private static Intent first(Intent... candidates) {
        for (Intent c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private Intent autoTrailingSlash(String p, boolean skip) {
        ManifestEntry exact = exists(p);
        Intent r;
        if (p.endsWith("/index")) {
            if (exact != null) {
                return serve(exact, "exact match");
            }
            if ((r = safeRedirect(p + ".html", cut(p, 5), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 6) + ".html", cut(p, 6), skip)) != null) {
                return r;
            }
        } else if (p.endsWith("/index.html")) {
            if ((r = safeRedirect(p, cut(p, 10), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 11) + ".html", cut(p, 11), skip)) != null) {
                return r;
            }
        } else if (p.endsWith("/")) {
            ManifestEntry index = exists(p + "index.html");
            if (index != null) {
                return serve(index, "folder index");
            }
            if ((r = safeRedirect(cut(p, 1) + ".html", cut(p, 1), skip)) != null) {
                return r;
            }
        } else if (p.endsWith(".html")) {
            if ((r = safeRedirect(p, cut(p, 5), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 5) + "/index.html", cut(p, 5) + "/", skip)) != null) {
                return r;
            }
        }
        if (exact != null) {
            return serve(exact, "exact match");
        }
        ManifestEntry html = exists(p + ".html");
        if (html != null) {
            return serve(html, "adds .html, serves");
        }
        return first(safeRedirect(p + "/index.html", p + "/", skip), notFound(p));
    }

    private Intent forceTrailingSlash(String p, boolean skip) {
        ManifestEntry exact = exists(p);
        Intent r;
        if (p.endsWith("/index")) {
            if (exact != null) {
                return serve(exact, "exact match");
            }
            if ((r = safeRedirect(p + ".html", cut(p, 5), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 6) + ".html", cut(p, 5), skip)) != null) {
                return r;
            }
        } else if (p.endsWith("/index.html")) {
            if ((r = safeRedirect(p, cut(p, 10), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 11) + ".html", cut(p, 10), skip)) != null) {
                return r;
            }
        } else if (p.endsWith("/")) {
            ManifestEntry index = exists(p + "index.html");
            if (index != null) {
                return serve(index, "folder index");
            }
            ManifestEntry html = exists(cut(p, 1) + ".html");
            if (html != null) {
                return serve(html, "trailing slash serves");
            }
        } else if (p.endsWith(".html")) {
            if ((r = safeRedirect(p, cut(p, 5) + "/", skip)) != null) {
                return r;
            }
            if (exact != null) {
                return serve(exact, "exact match");
            }
            if ((r = safeRedirect(cut(p, 5) + "/index.html", cut(p, 5) + "/", skip)) != null) {
                return r;
            }
        }
        if (exact != null) {
            return serve(exact, "exact match");
        }
        return first(
                safeRedirect(p + ".html", p + "/", skip), safeRedirect(p + "/index.html", p + "/", skip), notFound(p));
    }

    private Intent dropTrailingSlash(String p, boolean skip) {
        ManifestEntry exact = exists(p);
        Intent r;
        if (p.endsWith("/index")) {
            if (exact != null) {
                return serve(exact, "exact match");
            }
            if (p.equals("/index")) {
                if ((r = safeRedirect("/index.html", "/", skip)) != null) {
                    return r;
                }
            } else {
                if ((r = safeRedirect(cut(p, 6) + ".html", cut(p, 6), skip)) != null) {
                    return r;
                }
                if ((r = safeRedirect(p + ".html", cut(p, 6), skip)) != null) {
                    return r;
                }
            }
        } else if (p.endsWith("/index.html")) {
            if (p.equals("/index.html")) {
                if ((r = safeRedirect("/index.html", "/", skip)) != null) {
                    return r;
                }
            } else {
                if ((r = safeRedirect(p, cut(p, 11), skip)) != null) {
                    return r;
                }
                if (exact != null) {
                    return serve(exact, "exact match");
                }
                if ((r = safeRedirect(cut(p, 11) + ".html", cut(p, 11), skip)) != null) {
                    return r;
                }
            }
        } else if (p.endsWith("/")) {
            if (p.equals("/")) {
                ManifestEntry index = exists("/index.html");
                if (index != null) {
                    return serve(index, "root index");
                }
            } else {
                if ((r = safeRedirect(cut(p, 1) + ".html", cut(p, 1), skip)) != null) {
                    return r;
                }
                if ((r = safeRedirect(cut(p, 1) + "/index.html", cut(p, 1), skip)) != null) {
                    return r;
                }
            }
        } else if (p.endsWith(".html")) {
            if ((r = safeRedirect(p, cut(p, 5), skip)) != null) {
                return r;
            }
            if ((r = safeRedirect(cut(p, 5) + "/index.html", cut(p, 5), skip)) != null) {
                return r;
            }
        }
        if (exact != null) {
            return serve(exact, "exact match");
        }
        ManifestEntry html = exists(p + ".html");
        if (html != null) {
            return serve(html, "adds .html, serves");
        }
        ManifestEntry index = exists(p + "/index.html");
        if (index != null) {
            return serve(index, "adds /index.html, serves");
        }
        return notFound(p);
    }

    private Intent none(String p) {
        ManifestEntry exact = exists(p);
        return exact != null ? serve(exact, "exact match") : notFound(p);
    }

    private Intent notFound(String p) {
        return switch (notFoundHandling) {
            case SINGLE_PAGE_APPLICATION -> singlePageApplication(p);
            case NOT_FOUND_PAGE -> notFoundPage(p);
            case NONE -> null;
        };
    }

    private Intent singlePageApplication(String p) {
        ManifestEntry index = exists("/index.html");
        return index == null
                ? null
                : new Intent(
                        index, 200, null, true, "single-page-application: no asset for " + p + ", serves /index.html");
    }

    private Intent notFoundPage(String p) {
        String cwd = p;
        while (!cwd.isEmpty()) {
            cwd = cwd.substring(0, Math.max(0, cwd.lastIndexOf('/')));
            ManifestEntry page = exists(cwd + "/404.html");
            if (page != null) {
                return new Intent(
                        page, 404, null, true, "404-page: no asset for " + p + ", nearest 404 page is " + page.path());
            }
        }
        return null;
    }

    /** {@code s.slice(0, -n)}. */
    private static String cut(String s, int n) {
        return s.substring(0, Math.max(0, s.length() - n));
    }
}
