#!/usr/bin/env bash
# Installs the repository's Node tools (Azurite) from package-lock.json when they are missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
