#!/usr/bin/env bash
# Regenerates docs/openapi.json from the Function App's functions and contract attributes, then the front end's API
# types from it. Run it after changing a route, a contract attribute or a request/response type; a test fails until
# the committed document is current, and the front end's type check fails where the browser no longer fits the API.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build functions/Portal.LocalHost -c Release -nologo -v:q
dotnet run -c Release --no-build --project functions/Portal.LocalHost -- --openapi "$(pwd)/docs/openapi.json"
if [ -d static-web/node_modules ]; then
  (cd static-web && npm run --silent generate-api-types)
fi
