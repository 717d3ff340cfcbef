#!/usr/bin/env bash
# Runs every test: front-end unit tests, unit, integration (real Azurite), infrastructure checks and the
# browser tests (headless Chromium against the built front end).
# Needs only the .NET 10 SDK and Node.js 20+; installs everything else it uses.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-node-tools.sh
scripts/install-chromium.sh
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# Front end: unit tests, then a fresh build (which fails above the initial JavaScript budget).
scripts/build-web.sh --force
status=0
(cd static-web && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json") || status=$?

dotnet build Portal.sln -c Release -nologo -v:q
dotnet test Portal.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" || status=$?

node scripts/test-summary.mjs "$results"
exit $status
