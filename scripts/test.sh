#!/usr/bin/env bash
# Runs every test (unit, integration and browser) against a real PostgreSQL and Debian's headless Chromium, provisioning
# both first if needed.
# Extra arguments go to `dotnet test` (e.g. --filter, --logger trx).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-postgres.sh
./scripts/ensure-chromium.sh
dotnet test Cases.sln --nologo "$@"
