// Records how wrangler 4.164 and git decide which files an .assetsignore leaves out.
//
// For every case of the table below (the .assetsignore text, a path, whether the path is a
// folder), builds the folder in a scratch directory and records:
//   - wrangler: whether buildAssetManifest would leave the file out. It runs wrangler's own
//     code: the `ignore` package bundled in wrangler-dist/cli.js (require_ignore), fed the
//     patterns exactly as createAssetsIgnoreFunction builds them, tested with the relative
//     path as readdir returns it;
//   - git: `git check-ignore --no-index` in a scratch repository whose .gitignore is the same
//     text (the always-ignored patterns in .git/info/exclude).
// For a folder case the file tested is `<path>/file` inside it.
//
// Run: /work/ref/node_modules/.bin/node src/test/record/record-ignore-cases.mjs [WRANGLER_CLI_JS]
// Writes src/test/resources/dev/assetsdeploy/manifest/ignore-cases.json. The Java test reads
// that file only: tests never need Node.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const cliJs = process.argv[2] ?? "/work/ref/node_modules/wrangler/wrangler-dist/cli.js";
const out = path.join(here, "../resources/dev/assetsdeploy/manifest/ignore-cases.json");

// --- wrangler's ignore package, cut out of its bundle -------------------------------------
function loadBundledIgnore() {
  const cli = fs.readFileSync(cliJs, "utf8");
  const start = cli.indexOf("var require_ignore = __commonJS({");
  const bodyStart = cli.indexOf("(exports2, module2) {", start) + "(exports2, module2) {".length;
  const end = cli.indexOf("\n});", bodyStart); // the module wrapper closes at column 0
  const body = cli.slice(bodyStart, cli.lastIndexOf("}", end));
  const module2 = { exports: {} };
  new Function("exports2", "module2", "init_import_meta_url", "__name", body)(
    module2.exports, module2, () => {}, (f) => f);
  return module2.exports;
}
const ignoreFactory = loadBundledIgnore();
const version = fs.readFileSync(cliJs, "utf8").match(/\/ignore@([0-9.]+)\//)[1];

// wrangler's createAssetsIgnoreFunction + createPatternMatcher, verbatim in behaviour.
function wranglerIgnores(assetsIgnoreText, relativeFilepath) {
  const patterns = ["/.assetsignore", "/_redirects", "/_headers"];
  if (assetsIgnoreText !== null) patterns.push(...assetsIgnoreText.split("\n"));
  const ignorer = ignoreFactory().add(patterns);
  return ignorer.test(relativeFilepath).ignored;
}

// --- the table ----------------------------------------------------------------------------
// [name, .assetsignore text (null: no file), path, isDirectory]
const CASES = [
  ["no .assetsignore: a file is included", null, "index.html", false],
  ["always ignored: /_headers", null, "_headers", false],
  ["always ignored: /_redirects", null, "_redirects", false],
  ["always ignored: /.assetsignore", "", ".assetsignore", false],
  ["_headers in a subfolder is an asset", null, "sub/_headers", false],
  [".assetsignore in a subfolder is an asset", "", "sub/.assetsignore", false],
  ["!_headers re-includes it", "!_headers", "_headers", false],
  ["!/_redirects re-includes it", "!/_redirects", "_redirects", false],
  ["!.assetsignore re-includes it", "!.assetsignore", ".assetsignore", false],
  ["plain name matches at any depth", "secret.txt", "a/b/secret.txt", false],
  ["plain name matches a folder", "drafts", "blog/drafts", true],
  ["star", "*.map", "js/app.js.map", false],
  ["star does not cross a slash", "js/*.map", "js/sub/app.js.map", false],
  ["star inside a folder", "js/*.map", "js/app.js.map", false],
  ["star matches a dotfile", "*", ".hidden", false],
  ["question mark", "file?.txt", "file1.txt", false],
  ["question mark needs one character", "file?.txt", "file.txt", false],
  ["question mark is not a slash", "a?b", "a/b", false],
  ["character class", "file[0-9].txt", "file7.txt", false],
  ["character class miss", "file[0-9].txt", "filex.txt", false],
  ["character class list", "[abc].css", "b.css", false],
  ["negated class with !", "file[!0-9].txt", "filex.txt", false],
  ["negated class with ! on a digit", "file[!0-9].txt", "file7.txt", false],
  ["negated class with ^", "file[^0-9].txt", "filex.txt", false],
  ["class holding !", "file[!0-9].txt", "file!.txt", false],
  ["unclosed class", "file[0-9.txt", "file[0-9.txt", false],
  ["escaped bracket", "\\[draft\\].md", "[draft].md", false],
  ["escaped star matches a star", "\\*.txt", "*.txt", false],
  ["escaped star does not match others", "\\*.txt", "a.txt", false],
  ["escaped question mark", "what\\?.txt", "what?.txt", false],
  ["escaped question mark vs any", "what\\?.txt", "whatX.txt", false],
  ["leading slash anchors to the root", "/config.json", "config.json", false],
  ["leading slash anchors: not deeper", "/config.json", "sub/config.json", false],
  ["middle slash anchors", "docs/private", "docs/private", true],
  ["middle slash anchors: not deeper", "docs/private", "x/docs/private", true],
  ["folder-only rule on a folder", "build/", "build", true],
  ["folder-only rule on a file", "build/", "build", false],
  ["folder-only rule deeper", "build/", "a/build", true],
  ["folder-only rule with a slash inside", "a/build/", "a/build", true],
  ["leading **/", "**/cache", "x/y/cache", true],
  ["leading **/ at the root", "**/cache", "cache", false],
  ["leading **/ with a path", "**/foo/bar", "a/foo/bar", false],
  ["trailing /**", "logs/**", "logs/a/b.txt", false],
  ["trailing /** does not match the folder itself", "logs/**", "logs", false],
  ["middle /**/", "a/**/b", "a/b", false],
  ["middle /**/ deep", "a/**/b", "a/x/y/b", false],
  ["** inside a name is a star", "a**b", "axxb", false],
  ["** inside a name does not cross /", "a**b", "ax/xb", false],
  ["*.js with **/ and a folder", "**/node_modules/", "x/node_modules", true],
  ["negation re-includes", "*.log\n!keep.log", "keep.log", false],
  ["negation keeps others ignored", "*.log\n!keep.log", "other.log", false],
  ["later rule wins", "!keep.log\n*.log", "keep.log", false],
  ["no re-inclusion inside an excluded folder", "secret/\n!secret/ok.txt", "secret/ok.txt", false],
  ["no re-inclusion with /*", "secret/*\n!secret/ok.txt", "secret/ok.txt", false],
  ["re-include a folder then a file", "/*\n!/public/\n/public/*\n!/public/ok.txt", "public/ok.txt", false],
  ["re-include a folder: others ignored", "/*\n!/public/\n/public/*\n!/public/ok.txt", "public/no.txt", false],
  ["comment line", "# comment\nother", "# comment", false],
  ["escaped hash", "\\#notes.md", "#notes.md", false],
  ["hash inside a line", "a#b", "a#b", false],
  ["escaped exclamation", "\\!important.txt", "!important.txt", false],
  ["double exclamation", "!!x", "!x", false],
  ["trailing spaces are ignored", "notes.txt   ", "notes.txt", false],
  ["trailing spaces: the name with spaces", "notes.txt   ", "notes.txt ", false],
  ["escaped trailing space", "name\\ ", "name ", false],
  ["escaped trailing space: the name without", "name\\ ", "name", false],
  ["trailing tab", "notes.txt\t", "notes.txt", false],
  ["leading spaces are kept", "  lead.txt", "lead.txt", false],
  ["leading spaces: name with spaces", "  lead.txt", "  lead.txt", false],
  ["CRLF line endings", "a.txt\r\nb.txt\r\n", "a.txt", false],
  ["CRLF line endings: last line", "a.txt\r\nb.txt\r\n", "b.txt", false],
  ["CRLF with negation", "*.txt\r\n!keep.txt\r\n", "keep.txt", false],
  ["BOM before the first rule", "\uFEFFfirst.txt\nsecond.txt", "first.txt", false],
  ["BOM before a comment", "\uFEFF# not a comment?\nx", "# not a comment?", false],
  ["BOM before a negation", "*.txt\n\uFEFF!keep.txt", "keep.txt", false],
  ["blank and whitespace lines", "\n   \n\t\nx.txt", "x.txt", false],
  ["case: rule upper, file lower", "*.PNG", "photo.png", false],
  ["case: rule lower, file upper", "secret.txt", "SECRET.TXT", false],
  ["case: folder", "Build/", "build", true],
  ["case: non-ASCII", "é.txt", "É.txt", false],
  ["dotfiles need a rule", "*.txt", ".env", false],
  [".well-known is included", "", ".well-known/security.txt", false],
  ["_worker.js can be ignored", "_worker.js", "_worker.js", false],
  ["dot in a rule is literal", "a.b", "axb", false],
  ["regex metacharacters are literal", "a+b(c)|d$.txt", "a+b(c)|d$.txt", false],
  ["curly braces are literal", "{a,b}.txt", "a.txt", false],
  ["curly braces name", "{a,b}.txt", "{a,b}.txt", false],
  ["backslash before a letter", "\\a.txt", "a.txt", false],
  ["a lone slash line", "/", "x.txt", false],
  ["trailing backslash line is dropped", "x.txt\\", "x.txt", false],
  ["star slash star", "*/*.css", "a/b.css", false],
  ["star slash star: deeper", "*/*.css", "a/b/c.css", false],
  ["range with a slash class", "a[/]b", "a/b", false],
  ["reversed range", "file[z-a].txt", "filez.txt", false],
  ["star at the end of a folder", "img*/", "images", true],
  ["exact deep path", "a/b/c.txt", "a/b/c.txt", false],
  ["leading ./ is literal", "./x.txt", "x.txt", false],
  ["everything ignored, one re-included", "*\n!index.html", "index.html", false],
  ["everything ignored, folder file", "*\n!index.html", "a/index.html", false],
  ["ignore a folder's content but not the folder", "dist/*\n!dist/keep/", "dist/keep/file", false],
];

// --- running ------------------------------------------------------------------------------
function writeTree(root, relPath, isDir) {
  const file = isDir ? path.join(relPath, "file") : relPath;
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), "x");
  return file;
}

function gitIgnores(text, relPath, isDir) {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "ignore-case-"));
  try {
    execFileSync("git", ["init", "-q", repo]);
    fs.writeFileSync(path.join(repo, ".git/info/exclude"), "/.assetsignore\n/_redirects\n/_headers\n");
    if (text !== null) fs.writeFileSync(path.join(repo, ".gitignore"), text);
    const file = writeTree(repo, relPath, isDir);
    try {
      execFileSync("git", ["-C", repo, "check-ignore", "--no-index", "-q", "--", file], { stdio: "ignore" });
      return true;
    } catch (e) {
      if (e.status === 1) return false;
      throw e;
    }
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
  }
}

const gitVersion = execFileSync("git", ["--version"]).toString().trim();
const cases = CASES.map(([name, ignore, p, isDir]) => {
  const file = isDir ? `${p}/file` : p;
  const wrangler = wranglerIgnores(ignore, file);
  const git = gitIgnores(ignore, p, isDir);
  return { name, assetsignore: ignore, path: p, directory: isDir, file,
           wrangler: wrangler ? "ignored" : "included", git: git ? "ignored" : "included" };
});
// Generated lines against generated paths, wrangler's answer only (matcher level, no folder):
// odd mixes of the characters that are special to gitignore, to the ignore package's regex
// rewriting, or to JavaScript regular expressions. Seeded: the same table every run.
let seed = 20240601;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const LINE_PARTS = ["a", "b", "B", "é", "É", "*", "**", "?", "[", "]", "[a-c]", "[!a]", "!", "-", "/", "\\", "#",
                    " ", "\\ ", ".", "^", "$", "(", ")", "{", "}", "|", "+", "\\*", "\\?", "\\[", "\\d", "\\b", "\t"];
const PATH_PARTS = ["a", "b", "B", "ab", "é", "É", "*", "?", "[a]", "!", "#", " ", ".", "a.b", "^", "$", "(", "{", "|", "+",
                    "\\", "1", "-", "_"];
const generated = [];
for (let i = 0; i < 1500; i++) {
  let line = "";
  for (let n = 1 + Math.floor(random() * 5); n > 0; n--) line += pick(LINE_PARTS);
  const segments = [];
  if (random() < 0.6) {
    // A path made from the line itself, so that many lines nearly match.
    let text = "";
    for (const ch of line.replace(/^!/, "")) {
      const r = random();
      if (ch === "*") text += pick(["", "a", "ab", "x/y"]);
      else if (ch === "?") text += pick(["a", "?", "/"]);
      else if (ch === "\\" && r < 0.7) continue;
      else if (r < 0.1) text += pick(PATH_PARTS);
      else text += ch;
    }
    segments.push(...text.split("/").filter((x) => x !== ""));
    if (segments.length === 0) segments.push("a");
  } else {
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      let segment = "";
      for (let m = 1 + Math.floor(random() * 3); m > 0; m--) segment += pick(PATH_PARTS);
      segments.push(segment);
    }
  }
  for (let k = 0; k < segments.length; k++) if (/^\.+$/.test(segments[k])) segments[k] += "a"; // "." and ".." are no names
  const file = segments.join("/");
  let answer;
  try {
    answer = wranglerIgnores(line, file) ? "ignored" : "included";
  } catch (e) {
    if (!(e instanceof SyntaxError)) throw e; // RangeError would mean an invalid path: none are generated
    answer = "error";
  }
  generated.push({ assetsignore: line, file, wrangler: answer });
}

const doc = {
  recordedWith: { wrangler: "4.164 (" + path.basename(cliJs) + ")", ignorePackage: version, git: gitVersion,
                  node: process.version },
  cases,
  generated,
};
fs.writeFileSync(out, JSON.stringify(doc, null, 2) + "\n");
const disagree = cases.filter((c) => c.wrangler !== c.git);
console.log(`${cases.length} cases; git disagrees with wrangler on ${disagree.length}:`);
for (const c of disagree) console.log(`  ${c.name}: wrangler ${c.wrangler}, git ${c.git}`);
const counts = {};
for (const g of generated) counts[g.wrangler] = (counts[g.wrangler] ?? 0) + 1;
console.log(`${generated.length} generated lines against wrangler's matcher:`, counts);
