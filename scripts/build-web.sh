#!/usr/bin/env bash
# Builds the browser front end (static-web/dist) when its sources changed since the last build. The API's OpenAPI
# document (docs/openapi.json) is one of them: the front end's API types are generated from it, so a changed API is
# type-checked against the pages. Installs its npm packages first when package-lock.json is newer than node_modules.
# Pass --force to rebuild.
set -euo pipefail
cd "$(dirname "$0")/../static-web"

stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

built=dist/index.html
# The generated types (src/lib/api-schema.ts) are rewritten by every test run and lint, so they are not compared;
# the document they come from is.
sources=(src public index.html package.json package-lock.json vite.config.ts tsconfig.json ../docs/openapi.json)
if [ "${1:-}" != "--force" ] && [ -f "$built" ] &&
  [ -z "$(find "${sources[@]}" -newer "$built" ! -path src/lib/api-schema.ts -print -quit)" ]; then
  exit 0
fi
npm run build --silent
