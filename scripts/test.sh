#!/usr/bin/env bash
# Runs every test (unit, integration and browser) against a real PostgreSQL and Debian's headless Chromium, provisioning
# both first if needed, and the second PostgreSQL cluster the tenancy tests spread organisations over (port 5434; its
# database is named after the main one, as tests/Cases.Api.Tests/Infrastructure/CasesApp.cs's SecondServer names it).
# Extra arguments go to `dotnet test` (e.g. --filter, --logger trx).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-postgres.sh
main_db=$(echo "${ConnectionStrings__Cases:-Database=cases}" | tr ';' '\n' | awk -F= 'tolower($1) ~ /^ *database *$/ { print $2 }')
./scripts/extra-postgres.sh second 5434 "${main_db:-cases}_second" start
./scripts/ensure-chromium.sh
dotnet test Cases.sln --nologo "$@"
