#!/usr/bin/env python3
"""Generates the manifest benchmark folder: 20,000 files, about 200 MB, nested folders.

Deterministic: the same arguments always give the same names and bytes (seeded PRNG), so
figures from different runs and machines compare. Sizes are mixed like a real site: many
small pages and scripts, some images, a few large media files.
Usage: gen-site.py OUT_DIR [FILES] [TOTAL_MB]
"""
import os
import random
import sys

out = sys.argv[1]
files = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
total = (int(sys.argv[3]) if len(sys.argv) > 3 else 200) * 1_000_000

rng = random.Random(20_000)
exts = ["html", "css", "js", "json", "svg", "png", "jpg", "woff2", "txt", "map", "webp", "xml"]
# Weights: 80% small (0.5-8 KB), 18% medium (8-64 KB), 2% large (0.5-4 MB); then scaled to the total.
sizes = []
for _ in range(files):
    r = rng.random()
    if r < 0.80:
        sizes.append(rng.randint(512, 8 * 1024))
    elif r < 0.98:
        sizes.append(rng.randint(8 * 1024, 64 * 1024))
    else:
        sizes.append(rng.randint(512 * 1024, 4 * 1024 * 1024))
scale = total / sum(sizes)
sizes = [max(0, int(s * scale)) for s in sizes]

pool = rng.randbytes(8 * 1024 * 1024)  # file bytes are windows of this pool, offset per file
for i, size in enumerate(sizes):
    # 10 sections / 10 groups each / 8 parts each: 800 leaf folders of 25 files, 910 folders in all.
    folder = os.path.join(out, f"section-{i // 2000:02d}", f"group-{(i // 200) % 10}", f"part-{(i // 25) % 8}")
    os.makedirs(folder, exist_ok=True)
    start = (i * 7919) % (len(pool) - 1)
    data = bytearray()
    while len(data) < size:
        take = min(size - len(data), len(pool) - start)
        data += pool[start:start + take]
        start = 0
    data[:8] = i.to_bytes(8, "big")[: min(8, size)]  # every file distinct
    with open(os.path.join(folder, f"file-{i:05d}.{exts[i % len(exts)]}"), "wb") as f:
        f.write(bytes(data[:size]))
print(f"{out}: {files} files, {sum(sizes):,} bytes")
