#!/usr/bin/env bash
# Runs every test (unit and integration) against a real PostgreSQL, provisioning it first if needed.
# Extra arguments go to `dotnet test` (e.g. --filter, --logger trx).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-postgres.sh
dotnet test Cases.sln --nologo "$@"
