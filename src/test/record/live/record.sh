#!/usr/bin/env bash
# Records every request wrangler 4.164 makes for the scenarios in scenarios/ against fake_api.py,
# into src/test/resources/dev/assetsdeploy/recorded/<scenario>/ (see the README there).
# Needs python3 and the reference wrangler (WRANGLER_HOME, default /work/tools/wrangler).
# Never talks to the real Cloudflare API. Not run by the build or CI.
#   src/test/record/live/record.sh [SCENARIO...]    (from the project root; default: all of them)
set -euo pipefail
root=$(pwd)
here=$root/src/test/record/live
dest=$root/src/test/resources/dev/assetsdeploy/recorded
wrangler_home=${WRANGLER_HOME:-/work/tools/wrangler}
node=$wrangler_home/node_modules/.bin/node
wrangler=$wrangler_home/node_modules/wrangler/bin/wrangler.js
[ -d "$here/scenarios" ] || { echo "run from the project root" >&2; exit 2; }
[ -x "$node" ] && [ -f "$wrangler" ] || { echo "no wrangler under $wrangler_home (set WRANGLER_HOME)" >&2; exit 2; }
version=$("$node" -p "require('$wrangler_home/node_modules/wrangler/package.json').version")
[ "$version" = 4.164.0 ] || { echo "wrangler $version found, 4.164.0 expected" >&2; exit 2; }

record() { # SCENARIO
  local name=$1 spec=$here/scenarios/$1 work out server code expected
  [ -f "$spec/command.txt" ] || { echo "$name: no such scenario" >&2; return 1; }
  work=$(mktemp -d)
  out=$work/out
  mkdir -p "$out" "$work/project" "$work/home/.config" "$work/tmp/update-check"
  local base=$here/project
  if [ -f "$spec/project-base" ]; then base=$root/$(cat "$spec/project-base"); fi
  cp -r "$base/public" "$work/project/"
  if python3 -c 'import json, sys; sys.exit(0 if "main" in json.load(open(sys.argv[1])) else 1)' "$spec/wrangler.json"; then
    cp -r "$base/dist" "$work/project/"
  fi
  if [ -d "$spec/project" ]; then cp -r "$spec/project/." "$work/project/"; fi
  cp "$spec/wrangler.json" "$work/project/wrangler.json"
  # A fresh update-check cache, so wrangler does not ask the npm registry whether it is current.
  printf '{"latest":"%s","lastUpdate":%s000}' "$version" "$(date +%s)" > "$work/tmp/update-check/wrangler-latest.json"

  python3 "$here/fake_api.py" "$spec/seed.json" "$out" 2> "$out/fake.log" &
  server=$!
  for _ in $(seq 100); do [ -s "$out/port" ] && break; sleep 0.1; done
  [ -s "$out/port" ] || { echo "$name: the fake API did not start:" >&2; cat "$out/fake.log" >&2; return 1; }

  local -a args
  eval "args=($(cat "$spec/command.txt"))"
  set +e
  (cd "$work/project" && env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" \
      TMPDIR="$work/tmp" CI=true WRANGLER_SEND_METRICS=false \
      CLOUDFLARE_API_BASE_URL="http://127.0.0.1:$(cat "$out/port")/client/v4" \
      CLOUDFLARE_API_TOKEN=fake-token CLOUDFLARE_ACCOUNT_ID=acc1 \
      WRANGLER_OUTPUT_FILE_PATH="$out/output.ndjson" \
      "$node" "$wrangler" "${args[@]}" > "$out/stdout.txt" 2> "$out/stderr.txt" < /dev/null)
  code=$?
  set -e
  kill "$server"; wait "$server" 2>/dev/null || true

  rm -rf "${dest:?}/$name"
  mkdir -p "$dest/$name"
  cp "$spec/wrangler.json" "$out/seed.json" "$dest/$name/"
  [ -f "$out/requests.json" ] || echo "[]" > "$out/requests.json"
  cp "$out/requests.json" "$dest/$name/"
  echo "wrangler $(cat "$spec/command.txt")" > "$dest/$name/command.txt"
  echo "$code" > "$dest/$name/exit-code.txt"
  python3 "$here/normalize.py" "$work" "$out" "$dest/$name"
  local unmodelled; unmodelled=$(grep UNMODELLED "$out/fake.log" || true)
  rm -rf "$work"

  expected=$(cat "$spec/expect-exit" 2>/dev/null || echo 0)
  local count; count=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$dest/$name/requests.json")
  echo "$name: exit $code, $count requests"
  if [ -n "$unmodelled" ]; then
    echo "$name: wrangler called endpoints the fake does not model:" >&2; echo "$unmodelled" >&2; return 1
  fi
  if [ "$code" != "$expected" ]; then
    echo "$name: exit $code, expected $expected; stderr:" >&2; tail -20 "$dest/$name/stderr.txt" >&2; return 1
  fi
}

if [ $# -eq 0 ]; then set -- $(ls "$here/scenarios"); fi
failed=()
for name in "$@"; do record "$name" || failed+=("$name"); done
if [ ${#failed[@]} -gt 0 ]; then echo "FAILED: ${failed[*]}" >&2; exit 1; fi
