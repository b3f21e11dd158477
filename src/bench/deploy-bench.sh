#!/usr/bin/env bash
# Deploy benchmark: a cold deploy, then no-change redeploys with and without the hash cache, with
# wall time and peak RSS, for each form of start: the jar under plain `java -jar` (no JVM flags, as
# the README gives it for CI) and the linux-x64 package's launcher; and wrangler's `deploy` on the
# same fake API when it is installed. One alternating run: every round runs each form in turn, so a
# change in the machine's load falls on all of them; the table gives medians (and the range).
#
#   src/bench/deploy-bench.sh [ROUNDS]          (from the project root; default 3)
#
# Env: FILES (20000), MB (200): the generated site (gen-site.py); WORK (/tmp/assets-deploy-deploy-bench);
#      REDEPLOYS (3): cached no-change redeploys per form and round (the shortest runs, so the noisiest);
#      WRANGLER_HOME (/work/tools/wrangler, holding node_modules/; "" skips wrangler); SKIP_BUILD=1 uses
#      target/ as it is; MVN_OFFLINE (-o); NICE (e.g. -10, as root: every timed process and the fake run at
#      that priority, for a machine shared with other jobs; both tools alike).
# A cold deploy starts from an empty fake API and an empty hash cache; each form gets its own fake, so
# every upload is whole. The fake checks every part's hash as it streams in; its tally must show no problems.
# CPU time (user + sys, of the process and its children) is given beside wall time: on a shared machine it
# moves less with the load.
set -euo pipefail
cd "$(dirname "$0")/../.."

ROUNDS=${1:-3}
REDEPLOYS=${REDEPLOYS:-3}
FILES=${FILES:-20000}
MB=${MB:-200}
WORK=${WORK:-/tmp/assets-deploy-deploy-bench}
WRANGLER_HOME=${WRANGLER_HOME-/work/tools/wrangler}
MVN_OFFLINE=${MVN_OFFLINE:--o}
PRIORITY=()
[[ -n ${NICE:-} ]] && PRIORITY=(nice -n "$NICE")

if [[ -z ${SKIP_BUILD:-} ]]; then
  mvn -B -q $MVN_OFFLINE package -DskipTests
fi
mvn -B -q $MVN_OFFLINE dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAR=$PWD/target/assets-deploy.jar
VERSION=$(sed -n 's/^version=//p' target/classes/dev/assetsdeploy/version.properties)

mkdir -p "$WORK"
SITE=$WORK/site-$FILES-$MB
if [[ ! -f $SITE.generated ]]; then # the marker sits beside the folder, not in it
  rm -rf "$SITE"
  python3 src/bench/gen-site.py "$SITE" "$FILES" "$MB" >/dev/null
  touch "$SITE.generated"
fi

# The package, fresh, with its class-data archive recorded by one deploy (as a user's first run would).
rm -rf "$WORK/package"
mkdir -p "$WORK/package"
tar -xzf "target/assets-deploy-$VERSION-linux-x64.tar.gz" -C "$WORK/package"
PACKAGE=$WORK/package/assets-deploy-$VERSION/bin/assets-deploy

WRANGLER=
if [[ -n $WRANGLER_HOME && -f $WRANGLER_HOME/node_modules/wrangler/bin/wrangler.js ]]; then
  WRANGLER=$WRANGLER_HOME/node_modules
  mkdir -p "$WORK/wrangler-project"
  printf '{"name": "bench", "compatibility_date": "2025-01-01", "workers_dev": false, "assets": {"directory": "%s"}}\n' \
    "$SITE" >"$WORK/wrangler-project/wrangler.json"
fi

fake=
start_fake() {
  rm -f "$WORK/fake.out"
  "${PRIORITY[@]}" java -Xmx1g -cp "$CP" dev.assetsdeploy.fakeapi.FakeApiMain --max-files 100000 >"$WORK/fake.out" 2>"$WORK/fake.err" &
  fake=$!
  for _ in $(seq 1 150); do grep -q '^listening' "$WORK/fake.out" 2>/dev/null && break; sleep 0.2; done
  read -r _ FAKE_URL FAKE_ACCOUNT FAKE_TOKEN <"$WORK/fake.out"
}
stop_fake() {
  kill "$fake"; wait "$fake" 2>/dev/null || true
  grep -q 'problems: \[\]' "$WORK/fake.err" || { echo "the fake API saw problems:" >&2; cat "$WORK/fake.err" >&2; exit 1; }
}
trap '[[ -n $fake ]] && kill "$fake" 2>/dev/null || true' EXIT

# run FORM CASE COMMAND...: one timed run against the current fake; appends "FORM CASE wall_s rss_kb cpu_s".
run() {
  local form=$1 case=$2; shift 2
  if ! "${PRIORITY[@]}" /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" env CLOUDFLARE_API_TOKEN="$FAKE_TOKEN" \
      CLOUDFLARE_ACCOUNT_ID="$FAKE_ACCOUNT" CLOUDFLARE_API_BASE_URL="$FAKE_URL" WRANGLER_SEND_METRICS=false \
      "$@" >"$WORK/run.out" 2>"$WORK/run.err"; then
    echo "$form $case failed:" >&2; tail -n 20 "$WORK/run.out" "$WORK/run.err" >&2; exit 1
  fi
  read -r wall rss user sys <"$WORK/time.txt"
  cpu=$(echo "$user $sys" | awk '{print $1 + $2}')
  echo "$form $case $wall $rss $cpu" >>"$WORK/results.txt"
  printf '  %-8s %-18s %6.2f s %6d MB %6.2f s CPU\n' "$form" "$case" "$wall" $((rss / 1024)) "$cpu"
}

deploy_args=("$SITE" --script bench --compatibility-date 2025-01-01 --quiet)
rm -rf "$WORK/cache-warm-up"
start_fake # a package on a Java 17 runtime records its class-data archive at its first run (not measured)
env -u CI CLOUDFLARE_API_TOKEN="$FAKE_TOKEN" CLOUDFLARE_ACCOUNT_ID="$FAKE_ACCOUNT" CLOUDFLARE_API_BASE_URL="$FAKE_URL" \
  "$PACKAGE" "${deploy_args[@]}" --cache-dir "$WORK/cache-warm-up" >/dev/null
stop_fake

: >"$WORK/results.txt"
echo "site: $SITE ($(find "$SITE" -type f | wc -l) files, $(du -sb "$SITE" | cut -f1) bytes)"
echo "priority: ${NICE:-default}; machine: $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MB, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
for round in $(seq "$ROUNDS"); do
  echo "round $round (load $(cut -d' ' -f1-3 /proc/loadavg))"
  for form in jar package; do
    if [[ $form == jar ]]; then cmd=(java -jar "$JAR"); else cmd=(env -u CI "$PACKAGE"); fi
    cache=$WORK/cache-$form
    rm -rf "$cache"
    start_fake
    run "$form" cold "${cmd[@]}" "${deploy_args[@]}" --cache-dir "$cache"
    for _ in $(seq "$REDEPLOYS"); do
      run "$form" redeploy-cache "${cmd[@]}" "${deploy_args[@]}" --cache-dir "$cache"
    done
    run "$form" redeploy-no-cache "${cmd[@]}" "${deploy_args[@]}" --no-cache
    stop_fake
  done
  if [[ -n $WRANGLER ]]; then
    start_fake
    (cd "$WORK/wrangler-project" && run wrangler cold env CI=true "$WRANGLER/.bin/node" "$WRANGLER/wrangler/bin/wrangler.js" deploy)
    (cd "$WORK/wrangler-project" && run wrangler redeploy env CI=true "$WRANGLER/.bin/node" "$WRANGLER/wrangler/bin/wrangler.js" deploy)
    stop_fake
  fi
done

python3 - "$WORK/results.txt" "$ROUNDS" "$REDEPLOYS" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
runs = {}
for form, case, wall, rss, cpu in rows:
    runs.setdefault((form, case), []).append((float(wall), int(rss) / 1024, float(cpu)))
forms = [f for f in ("jar", "package", "wrangler") if any(k[0] == f for k in runs)]
def cell(form, case, i, unit):
    values = [r[i] for r in runs.get((form, case), [])]
    if not values:
        return "-"
    m = statistics.median(values)
    text = f"{m:.1f} s" if unit == "s" else f"{m:.0f} MB"
    return text + (f" ({min(values):.1f}–{max(values):.1f})" if unit == "s" and len(values) > 1 else "")
lines = [
    ("cold deploy", {"jar": "cold", "package": "cold", "wrangler": "cold"}, 0, "s"),
    ("redeploy, nothing changed (cache)", {"jar": "redeploy-cache", "package": "redeploy-cache", "wrangler": "redeploy"}, 0, "s"),
    ("redeploy, nothing changed (--no-cache)", {"jar": "redeploy-no-cache", "package": "redeploy-no-cache"}, 0, "s"),
    ("CPU (user + sys), cold deploy", {"jar": "cold", "package": "cold", "wrangler": "cold"}, 2, "s"),
    ("CPU (user + sys), redeploy (cache)", {"jar": "redeploy-cache", "package": "redeploy-cache", "wrangler": "redeploy"}, 2, "s"),
    ("peak RSS, cold deploy", {"jar": "cold", "package": "cold", "wrangler": "cold"}, 1, "MB"),
    ("peak RSS, redeploy (cache)", {"jar": "redeploy-cache", "package": "redeploy-cache", "wrangler": "redeploy"}, 1, "MB"),
]
print(f"\nmedians of {sys.argv[2]} rounds, {sys.argv[3]} cached redeploys a round (range in brackets)\n")
shown = [f for f in ("jar", "package") if f in forms] if "wrangler" in forms else []
print("| | " + " | ".join(forms) + " |" + "".join(f" {f} ÷ wrangler |" for f in shown))
print("|---|" + "---|" * len(forms) + "---|" * len(shown))
for label, cases, i, unit in lines:
    cells = [cell(f, cases.get(f), i, unit) if f in cases else "-" for f in forms]
    ratios = ""
    for f in shown:
        ours = [r[i] for r in runs.get((f, cases[f]), [])]
        wr = [r[i] for r in runs.get(("wrangler", cases.get("wrangler")), [])]
        ratios += f" {statistics.median(ours) / statistics.median(wr):.2f}× |" if ours and wr else " - |"
    print(f"| {label} | " + " | ".join(cells) + " |" + ratios)
PY
