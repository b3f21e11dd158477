// Writes src/test/resources/dev/assetsdeploy/js-numbers.tsv: node src/test/record/js-numbers/generate.js > that file
// bits (hex) <TAB> String(x), for doubles across the whole range; seeded so the file is reproducible
let seed = 12345;
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
const buf = new DataView(new ArrayBuffer(8));
const lines = [];
const special = [1, 1e21, 1e-7, 1e-6, 1e20, 123456789012345680000, 0.1, 0.2, 0.1+0.2, 5e-324, 1.7976931348623157e308, 2**53, 2**53+2, 60.5, 0.5, 100, 1.5e300, 9.999999999999999e22, 1e23, 4.35, 0.000001, 0.0000001234, 123e-20];
for (const x of special) { buf.setFloat64(0, x); lines.push(buf.getBigUint64(0).toString(16).padStart(16,'0') + "\t" + String(x)); }
for (let i = 0; i < 3000; i++) {
  const hi = rnd() >>> 0, lo = rnd() >>> 0;
  buf.setUint32(0, (hi * 2) >>> 0); buf.setUint32(4, (lo * 2 + (rnd() & 1)) >>> 0);
  const x = buf.getFloat64(0);
  if (!isFinite(x)) continue;
  lines.push(buf.getBigUint64(0).toString(16).padStart(16,'0') + "\t" + String(x));
}
// short decimals, integers and small exponents, as configs hold them
for (let i = 0; i < 1000; i++) {
  const x = (rnd() % 100000) / 10 ** (rnd() % 12) * (rnd() % 2 ? 1 : -1) * 10 ** ((rnd() % 40) - 20);
  buf.setFloat64(0, x); lines.push(buf.getBigUint64(0).toString(16).padStart(16,'0') + "\t" + String(x));
}
console.log(lines.join("\n"));
