#!/usr/bin/env bash
# Set up a fresh Debian or Ubuntu machine: a headless browser and poppler (Debian packages),
# then the npm dependencies and the compiled CLI. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium-headless-shell >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium-headless-shell)
command -v pdffonts >/dev/null 2>&1 || need+=(poppler-utils)
if [ "${#need[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: please install ${need[*]} (a Chromium headless shell and poppler) with your package manager" >&2
    exit 1
  fi
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "setup: installing ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# npm ci runs the project's prepare script, which compiles src/ into dist/.
npm ci --no-audit --no-fund
