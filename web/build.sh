#!/usr/bin/env bash
# Builds the client into dist/ for Maven to package; installs the npm packages first when
# package-lock.json is newer than what node_modules holds. `build.sh test` runs its unit tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "web: npm is required (Node.js 20 or newer)" >&2; exit 1; }
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ "${1:-build}" = test ]; then
  npm test
else
  npm run build
fi
