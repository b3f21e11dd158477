#!/usr/bin/env bash
# Upload benchmark: the real jar (-Xmx96m) uploads a generated site to the fake API on loopback.
#
#   src/bench/upload-bench.sh                       # 20,000 files / 200 MB; delays 0 and 100 ms; concurrency 3 and 6
#   FILES=2000 MB=500 DELAYS=0 CONCURRENCY=6 src/bench/upload-bench.sh    # the 500 MB memory check
#   BUCKET_FILES=100 DELAYS=100 CONCURRENCY="3 6 12" src/bench/upload-bench.sh  # many small buckets: latency-bound
#
# Reports, per run: total wall time (JVM start + manifest hashing + upload), the upload phase
# alone (from the NDJSON "done" event), files/s and MB/s over the upload phase, and peak RSS
# of the uploading process (GNU time). The fake verifies every part's hash while it streams in.
set -euo pipefail
cd "$(dirname "$0")/../.."

FILES=${FILES:-20000}
MB=${MB:-200}
XMX=${XMX:-96m}
DELAYS=${DELAYS:-"0 100"}
CONCURRENCY=${CONCURRENCY:-"3 6"}
WORK=${WORK:-/tmp/assets-deploy-bench}
BUCKET_FILES=${BUCKET_FILES:-5000}   # the fake groups at most this many files (and 50 MiB of Base64) per bucket
MVN_OFFLINE=${MVN_OFFLINE:--o}

mvn -B -q $MVN_OFFLINE package -DskipTests
mvn -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

SITE="$WORK/site-$FILES-$MB"
if [ ! -d "$SITE" ]; then
  mkdir -p "$WORK"
  java src/bench/upload-gensite.java "$SITE" "$FILES" "$MB"
fi

printf '%-8s %-5s %10s %10s %10s %9s %10s\n' delay_ms conc wall_s upload_s files/s MB/s peak_rss_MB
for delay in $DELAYS; do
  for conc in $CONCURRENCY; do
    fifo="$WORK/fake.out"; rm -f "$fifo"
    java -Xmx512m -cp "$CP" dev.assetsdeploy.fakeapi.FakeApiMain --delay-ms "$delay" --max-files 100000 --bucket-files "$BUCKET_FILES" >"$fifo" 2>"$WORK/fake.err" &
    fake=$!
    for _ in $(seq 1 100); do grep -q '^listening' "$fifo" 2>/dev/null && break; sleep 0.2; done
    read -r _ url account token <"$fifo"
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" \
      env CLOUDFLARE_API_TOKEN="$token" CLOUDFLARE_ACCOUNT_ID="$account" CLOUDFLARE_API_BASE_URL="$url" \
      java -Xmx"$XMX" -XX:+ExitOnOutOfMemoryError -jar target/assets-deploy.jar upload "$SITE" --script bench \
        --concurrency "$conc" --max-files 100000 --json --quiet --token-out "$WORK/token" >"$WORK/run.ndjson" \
      || { echo "upload failed (delay $delay, concurrency $conc)"; cat "$WORK/run.ndjson"; kill "$fake"; exit 1; }
    kill "$fake"; wait "$fake" 2>/dev/null || true
    grep -q 'problems: \[\]' "$WORK/fake.err" || { echo "fake API saw problems:"; cat "$WORK/fake.err"; exit 1; }
    read -r wall rss_kb <"$WORK/time.txt"
    done_line=$(grep '"event":"done"' "$WORK/run.ndjson")
    python3 - "$delay" "$conc" "$wall" "$rss_kb" "$done_line" <<'PY'
import json, sys
delay, conc, wall, rss_kb, done = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), json.loads(sys.argv[5])
up = done["elapsed_ms"] / 1000
print(f'{delay:<8} {conc:<5} {wall:10.1f} {up:10.1f} {done["files_uploaded"]/up:10.0f} {done["bytes_uploaded"]/up/1e6:9.1f} {rss_kb/1024:10.0f}')
PY
  done
done
