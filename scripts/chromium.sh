#!/usr/bin/env bash
# Installs Debian's Chromium for the browser test (web/e2e), because Playwright's own browser download
# doesn't work here. Does nothing when /usr/bin/chromium is already there.
set -euo pipefail

[ -x /usr/bin/chromium ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "chromium.sh: /usr/bin/chromium is missing and installing it needs root or passwordless sudo; run: sudo apt-get install -y chromium" >&2
  exit 1
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${sudo[@]}" apt-get update && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y chromium; } >"$log" 2>&1 \
  || [ ! -x /usr/bin/chromium ]; then
  echo "chromium.sh: apt-get could not install chromium ($(tail -n 1 "$log")); run: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "chromium.sh: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
