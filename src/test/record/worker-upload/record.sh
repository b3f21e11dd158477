#!/usr/bin/env bash
# Records the Worker uploads wrangler 4.164 makes, for WranglerParityTest. Needs python3 and the
# reference wrangler (WRANGLER_HOME, default /work/ref). Not run by the build or CI.
#   src/test/record/worker-upload/record.sh   (from the project root)
set -euo pipefail
root=$(pwd)
ref=${WRANGLER_HOME:-/work/ref}
here=$root/src/test/record/worker-upload
dest=$root/src/test/resources/dev/assetsdeploy/deploy/wrangler
work=$(mktemp -d)
port=18799
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$dest" "$work/out"

cp -r "$dest/../wrangler-project/public" "$work/public"
cp -r "$dest/../wrangler-project/dist" "$work/dist"

record() { # NAME EXISTS CONFIG wrangler-args...
  local name=$1 exists=$2 config=$3; shift 3
  rm -f "$work"/out/*
  EXISTS=$exists python3 "$here/recorder.py" $port "$work/out" & server=$!
  sleep 1
  echo "$config" > "$work/wrangler.json"
  (cd "$work" && env PATH="$ref/node_modules/.bin:$PATH" CLOUDFLARE_API_BASE_URL=http://127.0.0.1:$port/client/v4 \
      CLOUDFLARE_API_TOKEN=token CLOUDFLARE_ACCOUNT_ID=acc1 WRANGLER_SEND_METRICS=false CI=true \
      "$ref/node_modules/.bin/node" "$ref/node_modules/wrangler/bin/wrangler.js" "$@" >/dev/null 2>&1 || true)
  kill $server; wait $server 2>/dev/null || true
  local last; last=$(grep -l -E '^(PUT|POST) .*/scripts/site(/versions)?\?' "$work"/out/*.request | tail -1)
  cp "$last" "$dest/$name.request"; cp "${last%.request}.body" "$dest/$name.body"
  echo "recorded $name: $(head -1 "$dest/$name.request")"
}

assets_only='{"name": "site", "compatibility_date": "2025-01-01", "workers_dev": false,
  "assets": {"directory": "public", "not_found_handling": "404-page", "html_handling": "drop-trailing-slash"}}'
with_code='{"name": "site", "main": "dist/worker.js", "compatibility_date": "2025-01-01", "compatibility_flags": ["nodejs_compat"],
  "workers_dev": false, "no_bundle": true, "find_additional_modules": true, "base_dir": "dist",
  "rules": [{"type": "ESModule", "globs": ["**/*.mjs"]}],
  "assets": {"directory": "public", "binding": "ASSETS", "not_found_handling": "single-page-application",
             "run_worker_first": ["/api/*", "!/api/docs"]}}'

record assets-only-put "" "$assets_only" deploy --message hello
record code-put "" "$with_code" deploy
record code-version "1" "$with_code" versions upload --message v1
record code-version-no-message "1" "$with_code" versions upload
record dispatch-namespace-put "" "$with_code" deploy --dispatch-namespace customers
