// Times wrangler 4.164's own manifest step on a folder, for comparison with assets-deploy:
// buildAssetManifest's work (recursive readdir, the ignore test, stat, hashFile with the same
// blake3-wasm, all files at once through Promise.all), using /work/ref's node_modules.
// Usage: node wrangler-manifest.cjs DIR [REF_NODE_MODULES]
const path = require("node:path");
const fs = require("node:fs");
const fsp = require("node:fs/promises");
const ref = process.argv[3] ?? "/work/ref/node_modules";
const blake3Wasm = require(path.join(ref, "blake3-wasm"));

const hashFile = (filepath) => {
  const contents = fs.readFileSync(filepath);
  const base64Contents = contents.toString("base64");
  const extension = path.extname(filepath).substring(1);
  return blake3Wasm.hash(base64Contents + extension).toString("hex").slice(0, 32);
};

async function main() {
  const dir = process.argv[2];
  const start = process.hrtime.bigint();
  const files = await fsp.readdir(dir, { recursive: true });
  const manifest = {};
  await Promise.all(files.map(async (rel) => {
    const filepath = path.join(dir, rel);
    const stat = await fsp.stat(filepath);
    if (stat.isDirectory()) return;
    manifest["/" + rel.split(path.sep).join("/")] = { hash: hashFile(filepath), size: stat.size };
  }));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`wrangler-style manifest: ${Object.keys(manifest).length} files in ${(ms / 1000).toFixed(2)} s (after node start)`);
}
main();
