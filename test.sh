#!/usr/bin/env bash
# Runs every test: unit, integration (real Azurite), infrastructure checks.
# Needs only the .NET 10 SDK and Node.js 20+; installs everything else it uses.
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-node-tools.sh
results="$(pwd)/artifacts/test-results"
rm -rf "$results"

dotnet build Portal.sln -c Release -nologo -v:q
status=0
dotnet test Portal.sln -c Release --no-build --nologo \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results" || status=$?

node scripts/test-summary.mjs "$results"
exit $status
