#!/usr/bin/env bash
# Records wrangler dev's answers for the preview fixtures (see record.mjs). Needs the reference
# wrangler 4.164 + Node 22 (WRANGLER_HOME, as for worker-upload/record.sh, or REF; default /work/ref).
# Usage: record.sh [config-name ...]
set -euo pipefail
REF=${WRANGLER_HOME:-${REF:-/work/ref}}
cd "$(dirname "$0")/../../../.."
python3 src/test/record/preview/make-sites.py
unset CLOUDFLARE_API_TOKEN CLOUDFLARE_API_KEY CLOUDFLARE_EMAIL CLOUDFLARE_ACCOUNT_ID
export WRANGLER_SEND_METRICS=false CI=true NO_COLOR=1 WRANGLER_JS="$REF/node_modules/wrangler/bin/wrangler.js"
export PATH="$REF/node_modules/.bin:$PATH"
exec "$REF/node_modules/.bin/node" src/test/record/preview/record.mjs "$@"
