#!/usr/bin/env bash
# Builds the client into dist/ for Maven to package; installs the npm packages first when
# package-lock.json is newer than what node_modules holds. `build.sh test` runs its unit tests.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "web: npm is required (Node.js 20.19+ or 22.12+)" >&2; exit 1; }
# Vite 8 needs Node.js ^20.19 or >= 22.12.
node -e 'const [a, b] = process.versions.node.split(".").map(Number);
  process.exit(a > 22 || (a === 22 && b >= 12) || (a === 20 && b >= 19) ? 0 : 1)' ||
  { echo "web: Node.js $(node --version) is too old; Vite needs 20.19+ or 22.12+" >&2; exit 1; }
if [ ! node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ "${1:-build}" = test ]; then
  npm test
else
  npm run build
fi
