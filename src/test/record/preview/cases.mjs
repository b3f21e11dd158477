// What to record: the configurations (a site folder + settings) and the requests sent to each.
// A request is "PATH", or {method, path, headers, host, inm} (inm: also replay with If-None-Match).
// A configuration with `bytes: true` also records each answer's length headers and body size.

const NAV = { Accept: "text/html,application/xhtml+xml", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document" };
const ACCEPT_HTML = { Accept: "text/html" };
const FETCH = { Accept: "*/*", "Sec-Fetch-Mode": "cors", "Sec-Fetch-Dest": "empty" };

const htmlPaths = [
  "/", "/index", "/index.html", "/index/", "/about", "/about/", "/about/index", "/about/index.html", "/about.html",
  "/post", "/post/", "/post.html", "/post/index", "/post/index.html", "/both", "/both/", "/both.html",
  "/both/index", "/both/index.html", "/blog", "/blog/", "/blog/index.html", "/blog/first", "/blog/first/",
  "/blog/first.html", "/blog/missing", "/blog/missing/deep/er", "/blog/404", "/blog/404.html", "/missing",
  "/missing/", "/missing.html", "/missing/deep/path.png", "/404", "/404.html", "/contact", "/contact/",
  "/nested", "/nested/", "/nested/deep", "/nested/deep/", "/nested/deep/index", "/nested/deep/index.html",
  "/nested/deep/page", "/nested/deep/page/", "/nested/deep/page.html", "/nested/deep/page/index.html",
  "/docs", "/docs/", "/docs/index", "/docs/index/", "/docs/index.html", "/docs/guide", "/docs/guide/",
  "/docs/guide.html", "/docs/guide.html.html", "/docs/guide/index.html", "/dot.html", "/dot.html/",
  "/dot", "/dot/", "/sub", "/sub/", "/sub/index", "/sub/index.html", "/sub/index.html.html",
  "/page", "/page/", "/page.html", "/UPPER.HTML", "/UPPER", "/upper",
  "/style.css", "/style.css/", "/style", "/app.js", "/data.json", "/LICENSE", "/image.svg", "/font.woff2",
  "/archive.tar.gz", "/.well-known/security.txt", "/file.with.dots.txt", "/dir-only", "/dir-only/",
  "/dir-only/x.txt",
  // percent-encoded and non-ASCII paths
  "/caf%C3%A9.html", "/caf%C3%A9", "/caf%c3%a9", "/caf%C3%A9/", "/café", "/café.html", "/space%20name",
  "/space%20name.html", "/space%20name/", "/a@b.txt", "/a%40b.txt", "/100%25.txt", "/100%.txt",
  "/plus+sign.txt", "/plus%2Bsign.txt", "/plus%2bsign.txt", "/emoji-%F0%9F%98%80.txt", "/emoji-😀.txt",
  "/%E6%97%A5%E6%9C%AC%E8%AA%9E/", "/%E6%97%A5%E6%9C%AC%E8%AA%9E", "/日本語", "/日本語/index.html",
  "/(paren)!.txt", "/%28paren%29%21.txt", "/semi;colon.txt", "/semi%3Bcolon.txt", "/tilde~.txt", "/tilde%7E.txt",
  "/%", "/%zz", "/%C3", "/%2e", "/st%79le.css", "/STYLE.CSS",
  // dot segments, slashes, queries
  "//about/", "/about//", "/./about/", "/x/../about/", "/%2e%2e/about/", "/%2E/about/", "/a\\..\\about/",
  "/%2Fabout/", "/about%2F", "/about%2f", "/about/?q=1", "/about?q=1&r=2", "/index.html?x=1",
  "/style.css?v=2", "/post.html?utm=a#frag", "/missing?x=1", "/about?", "/blog/first.html?a=b%20c",
];

const htmlExtras = [
  ...["/", "/about", "/about/", "/missing", "/blog/missing", "/missing.png", "/post", "/style.css"]
    .flatMap((path) => [{ path, headers: NAV }, { path, headers: ACCEPT_HTML }, { path, headers: FETCH }]),
  { method: "HEAD", path: "/" }, { method: "HEAD", path: "/about" }, { method: "HEAD", path: "/missing" },
  { method: "HEAD", path: "/style.css" }, { method: "POST", path: "/" }, { method: "POST", path: "/missing" },
  { method: "POST", path: "/about" }, { method: "PUT", path: "/style.css" }, { method: "DELETE", path: "/about/" },
  { method: "OPTIONS", path: "/" }, { method: "PATCH", path: "/blog/missing" },
  { path: "/", inm: true }, { path: "/style.css", inm: true }, { path: "/about/", inm: true },
  { path: "/missing", inm: true }, { path: "/blog/missing", inm: true }, { method: "HEAD", path: "/app.js", inm: true },
  { path: "/style.css", headers: { Authorization: "Bearer x" } },
];

const rulesPaths = [
  "/", "/old-page", "/old-page?keep=1", "/temp", "/see-other", "/tmp307", "/perm308", "/default-status",
  "/rewrite-about", "/rewrite-missing", "/rewrite-html", "/rewrite-index", "/external", "/external?x=1", "/external-q",
  "/external-q?x=1", "/with-query", "/with-query?mine=1", "/with-hash", "/index.html", "/contact", "/contact.html",
  "/a%20b", "/caf%C3%A9", "/café", "/hex", "/case", "/trailing-comment", "/double//slash", "/double/slash",
  "/static-before", "/indented", "/dup", "/bad-status", "/too", "/abs", "/proxy-abs", "/spa/x", "/dir/",
  "/no-slash-target", "/tab", "/blog/hello", "/blog/hello.html", "/blog/a/b/c", "/blog/", "/blog", "/users/42",
  "/users/42/", "/users/42/posts/7", "/users/abc/posts/7?x=1", "/files/report.txt", "/files/nope.txt",
  "/order/x", "/order/y", "/late-static", "/splat-q/a/b", "/en/docs/guide", "/fr/docs/a/b", "/x/1/2",
  "/redir-loop/a", "/multi-slash/evil.com", "/ext/a/b?q=1", "/keep-query/z?x=1&y=2", "/new-page", "/new-page/",
  "/about/", "/about", "/about/index.html", "/about/missing", "/news/hello", "/news/", "/assets/app.js",
  "/assets/site.css", "/assets/missing.css", "/multi", "/data.json", "/secret.txt", "/public.txt",
  "/two/a/stars/b", "/mixed/a/b", "/empty-value", "/set-then-append/a.txt", "/set-then-append/b",
  "/no-headers", "/p/7", "/missing",
];

const rulesExtras = [
  { path: "/", host: "app.localhost" }, { path: "/about/", host: "deep.sub.localhost" },
  { path: "/", host: "localhost" }, { method: "POST", path: "/old-page" }, { method: "POST", path: "/users/1" },
  { method: "HEAD", path: "/rewrite-about" }, { method: "POST", path: "/rewrite-about" },
  { method: "POST", path: "/rewrite-missing" }, { path: "/data.json", inm: true }, { path: "/assets/app.js", inm: true },
  { path: "/missing", headers: NAV },
];

const limitsPaths = [
  "/", "/s1", "/s5", "/s2000", "/s2001", "/long-line", "/d1/a", "/d100/a", "/d101/a", "/after-limit",
  "/target", "/h1", "/h2", "/h100", "/h101", "/h102", "/long-header",
];

const appPaths = ["/", "/about", "/about/", "/app.js", "/missing", "/missing.js", "/api/x", "/api/docs/",
  "/api/docs/spec.json", "/api/docs/missing", "/docs/missing", "/404.html"];
const appRequests = [
  ...appPaths.flatMap((path) => [path, { path, headers: NAV }, { path, headers: FETCH }]),
  { method: "POST", path: "/" }, { method: "POST", path: "/missing" }, { method: "POST", path: "/missing", headers: NAV },
];

const htmlRequests = [...htmlPaths, ...htmlExtras];

// What reaches the client beyond routing (recorded with `bytes: true`): Content-Length, Range
// headers and the body's size, for HEAD and Range requests.
const RANGE = (range) => ({ Range: range });
const bytesRequests = [
  "/style.css", { method: "HEAD", path: "/style.css" }, "/", { method: "HEAD", path: "/" },
  { method: "HEAD", path: "/about/" }, { method: "HEAD", path: "/about" }, { method: "HEAD", path: "/missing" },
  ...["bytes=0-3", "bytes=5-", "bytes=-4", "bytes=3-3", "bytes=0-1,3-4", "bytes=100-200", "bytes=4-2", "bytes=0-",
    "items=0-3", "junk"].map((range) => ({ path: "/style.css", headers: RANGE(range) })),
  { method: "HEAD", path: "/style.css", headers: RANGE("bytes=0-3") }, { path: "/", headers: RANGE("bytes=0-9") },
  { path: "/about", headers: RANGE("bytes=0-3") }, { path: "/missing", headers: RANGE("bytes=0-3") },
];

export const configs = [
  ...["auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none"].map((mode) => ({
    name: `html-${mode}`, site: "html", html_handling: mode, requests: htmlRequests })),
  { name: "html-default", site: "html", requests: htmlPaths.slice(0, 40) },
  { name: "html-auto-404", site: "html", html_handling: "auto-trailing-slash", not_found_handling: "404-page", requests: htmlRequests },
  { name: "html-drop-404", site: "html", html_handling: "drop-trailing-slash", not_found_handling: "404-page", requests: htmlRequests },
  { name: "html-force-spa", site: "html", html_handling: "force-trailing-slash", not_found_handling: "single-page-application", requests: htmlRequests },
  { name: "html-none-spa", site: "html", html_handling: "none", not_found_handling: "single-page-application", requests: htmlPaths.slice(0, 60) },
  { name: "rules-auto", site: "rules", html_handling: "auto-trailing-slash", requests: [...rulesPaths, ...rulesExtras] },
  { name: "rules-none-404", site: "rules", html_handling: "none", not_found_handling: "404-page", requests: [...rulesPaths, ...rulesExtras] },
  { name: "limits", site: "limits", requests: limitsPaths },
  // a Worker, and the date of assets_navigation_prefers_asset_serving (2025-04-01)
  { name: "app-spa-2025-03-31", site: "app", worker: true, compatibility_date: "2025-03-31", not_found_handling: "single-page-application", requests: appRequests },
  { name: "app-spa-2025-04-01", site: "app", worker: true, compatibility_date: "2025-04-01", not_found_handling: "single-page-application", requests: appRequests },
  { name: "app-spa-flag-on", site: "app", worker: true, compatibility_date: "2025-01-01", compatibility_flags: ["assets_navigation_prefers_asset_serving"], not_found_handling: "single-page-application", requests: appRequests },
  { name: "app-spa-flag-off", site: "app", worker: true, compatibility_date: "2025-06-01", compatibility_flags: ["assets_navigation_has_no_effect"], not_found_handling: "single-page-application", requests: appRequests },
  { name: "app-404-2025-06-01", site: "app", worker: true, compatibility_date: "2025-06-01", not_found_handling: "404-page", requests: appRequests },
  { name: "app-rwf-rules", site: "app", worker: true, compatibility_date: "2025-06-01", not_found_handling: "single-page-application", run_worker_first: ["/api/*", "!/api/docs/*"], requests: appRequests },
  { name: "app-rwf-true", site: "app", worker: true, compatibility_date: "2025-06-01", run_worker_first: true, requests: appPaths },
  { name: "app-assets-only-spa-old", site: "app", compatibility_date: "2024-09-01", not_found_handling: "single-page-application", requests: appRequests },
  { name: "bytes", site: "html", bytes: true, requests: bytesRequests },
  { name: "bytes-404", site: "html", not_found_handling: "404-page", bytes: true,
    requests: ["/missing", { method: "HEAD", path: "/missing" }, { path: "/missing", headers: RANGE("bytes=0-3") }] },
];
