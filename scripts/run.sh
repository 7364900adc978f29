#!/usr/bin/env bash
# Runs the API on http://localhost:5080 (Development), provisioning PostgreSQL first if needed.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-postgres.sh
exec dotnet run --project src/Cases.Api --launch-profile Cases.Api -- "$@"
