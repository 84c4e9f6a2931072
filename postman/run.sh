#!/usr/bin/env bash
# Runs the Postman collection (the whole purchase, asserted against docs/API.md) with newman against a
# running Ticketing API; exits non-zero on any failed assertion or request.
#
#   postman/run.sh [baseUrl] [newman options...]     # baseUrl defaults to http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")"

base_url=${1:-http://localhost:8080}
shift $(($# > 0 ? 1 : 0))

# npm ci writes node_modules/.package-lock.json; a lockfile newer than it means the install is stale.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Payments wait up to 75 s for their charge, so no request is cut short before the API answers.
exec node_modules/.bin/newman run ticketing.postman_collection.json \
  --environment ticketing.postman_environment.json \
  --env-var "baseUrl=${base_url%/}" \
  --timeout-request 90000 \
  --color off \
  "$@"
