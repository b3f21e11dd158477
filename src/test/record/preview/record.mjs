// Records how `wrangler dev` (Cloudflare's own asset-routing code, run locally by workerd) answers
// each request in cases.mjs, into src/test/resources/preview/recorded/<config>.json.
// Run through record.sh. Only this script needs Node; the tests replay the recordings.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { configs } from "./cases.mjs";

const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../../../..");
const sitesDir = path.join(projectRoot, "src/test/resources/preview/sites");
const outDir = path.join(projectRoot, "src/test/resources/preview/recorded");
const wrangler = process.env.WRANGLER_JS;
const only = process.argv.slice(2);
// Headers every response may carry that say nothing about routing.
const TRANSPORT = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding",
  "cf-cache-status", "etag", "content-type", "cache-control", "location", "x-served-by", "vary"]);

function rawRequest(port, { method = "GET", path: target, headers = {}, host }) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host ? `${host}:${port}` : `127.0.0.1:${port}`}`,
      "Connection: close", ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "", ""];
    const chunks = [];
    socket.on("data", (d) => chunks.push(d));
    socket.on("error", reject);
    socket.on("end", () => {
      const raw = Buffer.concat(chunks);
      const text = raw.toString("latin1");
      const headEnd = text.indexOf("\r\n\r\n");
      const head = text.slice(0, headEnd).split("\r\n");
      const status = Number(head[0].split(" ")[1]);
      const h = {};
      for (const line of head.slice(1)) {
        const at = line.indexOf(":");
        const name = line.slice(0, at).trim().toLowerCase();
        const value = Buffer.from(line.slice(at + 1).trim(), "latin1").toString("utf8");
        h[name] = h[name] === undefined ? value : `${h[name]}, ${value}`;
      }
      let body = raw.subarray(headEnd + 4);
      if ((h["transfer-encoding"] ?? "").includes("chunked")) body = dechunk(body);
      resolve({ status, headers: h, bodyLength: body.length });
    });
    socket.write(Buffer.from(lines.join("\r\n"), "utf8"));
  });
}

function dechunk(body) {
  const parts = [];
  let at = 0;
  for (;;) {
    const lineEnd = body.indexOf("\r\n", at);
    const size = parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

// With `bytes: true`: what the client gets beyond routing.
function bytes(response) {
  const h = response.headers;
  return { contentLength: h["content-length"] ?? null, contentRange: h["content-range"] ?? null,
    acceptRanges: h["accept-ranges"] ?? null, bodyLength: response.bodyLength };
}

function summary(response) {
  const h = response.headers;
  const custom = {};
  for (const [k, v] of Object.entries(h)) if (!TRANSPORT.has(k)) custom[k] = v;
  return {
    status: response.status,
    location: h["location"] ?? null,
    contentType: h["content-type"] ?? null,
    cacheControl: h["cache-control"] ?? null,
    etag: h["etag"] !== undefined,
    worker: h["x-served-by"] === "worker",
    custom,
  };
}

async function startWrangler(config, port) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `preview-${config.name}-`));
  const assets = { directory: path.join(sitesDir, config.site) };
  if (config.html_handling) assets.html_handling = config.html_handling;
  if (config.not_found_handling) assets.not_found_handling = config.not_found_handling;
  if (config.run_worker_first !== undefined) assets.run_worker_first = config.run_worker_first;
  const wranglerJson = { name: `preview-${config.site}`, compatibility_date: config.compatibility_date ?? "2025-06-01", assets };
  if (config.compatibility_flags) wranglerJson.compatibility_flags = config.compatibility_flags;
  if (config.worker) {
    fs.writeFileSync(path.join(dir, "worker.js"),
      'export default { fetch() { return new Response("from worker", { headers: { "x-served-by": "worker" } }); } };\n');
    wranglerJson.main = "worker.js";
  }
  fs.writeFileSync(path.join(dir, "wrangler.json"), JSON.stringify(wranglerJson, null, 2));
  const child = spawn(process.execPath, [wrangler, "dev", "--port", String(port), "--ip", "127.0.0.1",
    "--inspector-port", String(port + 1000), "--log-level", "info"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let log = "";
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start:\n${log}`)), 90000);
    const onData = (d) => {
      log += d.toString();
      if (log.includes("Ready on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`wrangler dev exited ${code}:\n${log}`)));
  });
  return { child, dir, log: () => log, wranglerJson };
}

async function record(config, port) {
  const server = await startWrangler(config, port);
  const cases = [];
  try {
    for (const spec of config.requests) {
      const req = typeof spec === "string" ? { path: spec } : spec;
      const response = await rawRequest(port, req);
      const answer = summary(response);
      const entry = { method: req.method ?? "GET", path: req.path, headers: req.headers ?? {}, host: req.host ?? null, ...answer };
      if (config.bytes) entry.bytes = bytes(response);
      if (req.inm) {
        const etag = (await rawRequest(port, req)).headers["etag"];
        entry.inm = etag === undefined ? null : {
          strong: (await rawRequest(port, { ...req, headers: { ...req.headers, "If-None-Match": etag } })).status,
          weak: (await rawRequest(port, { ...req, headers: { ...req.headers, "If-None-Match": `W/${etag}` } })).status,
          other: (await rawRequest(port, { ...req, headers: { ...req.headers, "If-None-Match": '"not-the-etag"' } })).status,
        };
      }
      cases.push(entry);
    }
  } finally {
    process.kill(-server.child.pid, "SIGTERM");
    await new Promise((r) => setTimeout(r, 1500));
  }
  const settings = { ...server.wranglerJson.assets, compatibility_date: server.wranglerJson.compatibility_date,
    compatibility_flags: server.wranglerJson.compatibility_flags ?? [], worker: Boolean(config.worker) };
  delete settings.directory;
  const warnings = server.log().split("\n").filter((l) => /Parsed|invalid .* rule|\u25B6|^\s+at \S*_(redirects|headers)/.test(l))
    .map((l) => l.replace(/at \S*(_redirects|_headers):/, "at $1:"));
  const out = { name: config.name, site: config.site, recordedWith: "wrangler 4.164.0 (wrangler dev)", settings, wranglerLog: warnings, cases };
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, `${config.name}.json`), JSON.stringify(out, null, 1) + "\n");
  console.log(`${config.name}: ${cases.length} cases`);
}

let port = 18700;
for (const config of configs) {
  if (only.length && !only.includes(config.name)) continue;
  await record(config, port);
  port += 2;
}
