#!/usr/bin/env bash
# Builds the browser front end (static-web/dist) when its sources changed since the last build. The OpenAPI document
# (docs/openapi.json) counts as a source: the front end's API types are generated from it.
# Installs its npm packages first when package-lock.json is newer than node_modules. Pass --force to rebuild.
set -euo pipefail
cd "$(dirname "$0")/../static-web"

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

built=dist/index.html
if [ "${1:-}" != "--force" ] && [ -f "$built" ] && [ -z "$(find src public scripts index.html package.json package-lock.json vite.config.ts tsconfig.json ../docs/openapi.json -newer "$built" -print -quit)" ]; then
  exit 0
fi
npm run build --silent
