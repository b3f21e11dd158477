#!/usr/bin/env python3
"""Writes the preview fixture sites under src/test/resources/preview/sites (run from the project root).

Every file's content is unique (it names its own path): Cloudflare compares assets by content
hash, wrangler dev by path, and distinct contents keep the two in agreement.
"""
import os
import shutil

ROOT = "src/test/resources/preview/sites"


def write(site, path, content=None):
    full = os.path.join(ROOT, site, path.lstrip("/"))
    os.makedirs(os.path.dirname(full), exist_ok=True)
    if content is None:
        content = f"<!doctype html><title>{site}{path}</title><p>{site} {path}</p>\n"
    with open(full, "w", encoding="utf-8", newline="") as f:
        f.write(content)


shutil.rmtree(ROOT, ignore_errors=True)

# --- html: every html_handling and not_found_handling case ---------------------------------
for p in ["/index.html", "/about/index.html", "/post.html", "/both.html", "/both/index.html",
          "/blog/index.html", "/blog/first.html", "/blog/404.html", "/404.html", "/contact.html",
          "/nested/deep/page.html", "/nested/deep/index.html", "/docs/index/index.html",
          "/docs/guide/index.html", "/docs/guide.html.html", "/café.html", "/space name.html",
          "/日本語/index.html", "/dot.html/index.html", "/sub/index.html.html"]:
    write("html", p)
for p, c in [("/style.css", "body{color:red}\n"), ("/app.js", "console.log('app')\n"),
             ("/data.json", '{"data":true}\n'), ("/LICENSE", "license text\n"),
             ("/.well-known/security.txt", "Contact: mailto:x@example.com\n"),
             ("/file.with.dots.txt", "dots\n"), ("/a@b.txt", "at sign\n"), ("/100%.txt", "percent\n"),
             ("/plus+sign.txt", "plus\n"), ("/emoji-😀.txt", "emoji\n"), ("/dir-only/x.txt", "dir only\n"),
             ("/image.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>\n"), ("/font.woff2", "not really a font\n"),
             ("/archive.tar.gz", "not really gzip\n"), ("/index", "a file named index\n"),
             ("/page", "a file named page (no extension)\n"), ("/page.html", "<p>page.html beside page</p>\n"),
             ("/(paren)!.txt", "parens\n"), ("/semi;colon.txt", "semicolon\n"), ("/tilde~.txt", "tilde\n"),
             ("/UPPER.HTML", "<p>upper-case extension</p>\n")]:
    write("html", p, c)

# --- rules: _redirects and _headers --------------------------------------------------------
for p in ["/index.html", "/about/index.html", "/new-page/index.html", "/blog/hello.html", "/news/hello.html",
          "/first.html", "/second.html", "/docs/en/guide.html", "/p/7.html", "/404.html", "/users/42.html",
          "/multi.html", "/contact.html", "/elsewhere.html"]:
    write("rules", p)
for p, c in [("/assets/app.js", "console.log('assets app')\n"), ("/assets/site.css", "a{}\n"),
             ("/data.json", '{"rules":true}\n'), ("/files/report.txt", "report in files\n"),
             ("/secret.txt", "ignored by .assetsignore\n"), ("/public.txt", "public\n")]:
    write("rules", p, c)
write("rules", "/.assetsignore", "secret.txt\n")
write("rules", "/_redirects", """# _redirects fixture: every status, static and dynamic rules, and invalid lines
/old-page /new-page 301
/temp /about/ 302
/see-other /about/ 303
/tmp307 /about/ 307
/perm308 /about/ 308
/default-status /about/
/rewrite-about /about/ 200
/rewrite-missing /nope 200
/rewrite-html /contact.html 200
/rewrite-index /index.html 200
/external https://example.com/landing 301
/external-q https://Example.COM:443/x?from=redirects 302
/with-query /about/?ref=redirect 301
/with-hash /about/#top 301
/index.html /elsewhere 301
/contact /contact-us 308
/a%20b /spaced 301
/café /cafe-redirect 301
/hex /about/ 0x12D
/case /About 301
/trailing-comment /about/ 301 # a trailing comment
/double//slash /about/ 301
/static-before /about/ 302
   /indented   /about/   301
/dup /first 301
/dup /second 301
/bad-status /x 404
/too many tokens here 301
https://example.com/abs /y 301
/proxy-abs https://example.com/ 200
/spa/* /index.html 200
/dir/ /dir/index.html 301
/no-slash-target about 301
/tab\t/about/\t301
/blog/* /news/:splat 301
/users/:id /profile/:id 302
/users/:id/posts/:post /p/:post?u=:id 301
/files/* /assets/:splat 200
/order/* /first 301
/order/x /second 301
/late-static /about/ 301
/splat-q/* /search?q=:splat 302
/:lang/docs/* /docs/:lang/:splat 301
/x/:a/:ab /y/:a/:ab 301
/redir-loop/* /redir-loop/:splat 301
/multi-slash/* //:splat 301
/ext/* https://example.com/:splat 302
/keep-query/* /about/ 301
""".replace("\\t", "\t"))
write("rules", "/_headers", """# _headers fixture
/*
  X-Global: first
  X-Frame-Options: DENY
/about/*
  X-About: 1
  Cache-Control: no-store
/blog/:slug
  X-Slug: :slug
/assets/*
  X-Splat: :splat
  ! X-Global
/*.css
  X-Css: true
/multi
  X-Multi: a
  X-Multi: b
/multi
  X-Multi-Second: replaces the first /multi block
/data.json
  ! Cache-Control
  ! Content-Type
  ! ETag
/users/:id
  X-User: :id
  Link: </users/:id/avatar>; rel=preload
/news/*
  X-News: yes
/news/*
  X-News-Again: yes
https://127.0.0.1/*
  X-Host-Rule: matched
https://:sub.localhost/*
  X-Sub: :sub
/no-headers
bad line without colon
/two/*/stars/*
  X-Two: 1
/mixed/*/:splat
  X-Mixed: 1
https://example.com:8080/*
  X-Port: 1
/empty-value
  X-Empty:
   : no name
  X Space: bad
/set-then-append/*
  Set-Cookie: a=1
/set-then-append/*.txt
  Set-Cookie: b=2
/*
  X-Global: second
/public.txt
  X-Public: yes
  X-Public: twice
""")

# --- limits: the documented rule and line limits --------------------------------------------
write("limits", "/index.html")
write("limits", "/target.html")
lines = [f"/s{i} /target 301" for i in range(1, 2002)]
lines += [f"/d{i}/* /target 302" for i in range(1, 102)]
lines += ["/after-limit /target 301"]
lines.insert(5, "/long-line /" + "x" * 2000 + " 301")
write("limits", "/_redirects", "\n".join(lines) + "\n")
hlines = []
for i in range(1, 103):
    hlines += [f"/h{i}", f"  X-Rule: {i}"]
hlines.insert(2, "/long-header")
hlines.insert(3, "  X-Long: " + "y" * 2000)
write("limits", "/_headers", "\n".join(hlines) + "\n")

# --- app: a site with a Worker, for run_worker_first and the compatibility date ---------------
for p in ["/index.html", "/about/index.html", "/404.html", "/api/docs/index.html", "/docs/404.html"]:
    write("app", p)
write("app", "/app.js", "console.log('app site')\n")
write("app", "/api/docs/spec.json", '{"spec":true}\n')
