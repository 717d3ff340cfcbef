#!/usr/bin/env bash
# Builds what is needed and runs the portal locally with demo data: http://localhost:7071
# Needs only the .NET 10 SDK and Node.js 20+. Extra arguments go to LocalHost (e.g. --urls http://localhost:8080).
set -euo pipefail
cd "$(dirname "$0")"

scripts/install-node-tools.sh
scripts/build-web.sh
dotnet run --project functions/Portal.LocalHost -c Release -- "$@"
