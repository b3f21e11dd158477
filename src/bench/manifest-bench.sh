#!/usr/bin/env bash
# Times `assets-deploy manifest` on a generated folder of 20,000 files / ~200 MB (issue 2's
# target: under 2.5 s wall on a 2-core machine, JVM start included), and optionally wrangler's
# own manifest step on the same folder.
#
# Usage: src/bench/manifest-bench.sh [RUNS]   (from the project root, after `mvn package`)
# Env:   BENCH_DIR (default /tmp/manifest-bench-site), WRANGLER_NODE_MODULES (default
#        /work/ref/node_modules; set to "" to skip the wrangler comparison).
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
site=${BENCH_DIR:-/tmp/manifest-bench-site}
jar=target/assets-deploy.jar
ref=${WRANGLER_NODE_MODULES-/work/ref/node_modules}

[[ -f $jar ]] || { echo "no $jar: run mvn package first" >&2; exit 1; }
if [[ ! -f $site.generated ]]; then # built once; the marker sits beside the folder, not in it
  rm -rf "$site"
  python3 src/bench/gen-site.py "$site" 20000 200
  touch "$site.generated"
fi
echo "folder: $site ($(find "$site" -type f | wc -l) files, $(du -sb "$site" | cut -f1) bytes)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); java: $(java -version 2>&1 | head -1)"

java -jar "$jar" manifest "$site" --json >/dev/null # warm the page cache
walls=()
for i in $(seq "$runs"); do
  line=$( { /usr/bin/time -f "%e %M %U %S" java -jar "$jar" manifest "$site" --json >/dev/null; } 2>&1 | tail -1)
  read -r wall rss user sys <<<"$line"
  walls+=("$wall")
  printf 'run %d: %5.2f s wall, %4d MB peak RSS, %5.2f s user, %5.2f s sys\n' "$i" "$wall" $((rss / 1024)) "$user" "$sys"
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "assets-deploy manifest: median ${median} s wall over $runs runs (target < 2.5 s); load now $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ -n $ref && -d $ref/blake3-wasm ]]; then
  node=${ref}/.bin/node
  [[ -x $node ]] || node=node
  for i in 1 2; do
    { /usr/bin/time -f "  (whole node process: %e s wall, %M KB peak RSS)" "$node" src/bench/wrangler-manifest.cjs "$site" "$ref"; } 2>&1
  done
fi
