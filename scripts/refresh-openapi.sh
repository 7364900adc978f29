#!/usr/bin/env bash
# Rewrites the committed OpenAPI contract (src/Cases.Api/openapi/v1.json) from the service as it is now: run it after
# changing the API, then review and commit the contract with the change. The test project generates its client from it.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/ensure-postgres.sh
CASES_REFRESH_OPENAPI=1 dotnet test tests/Cases.Api.Tests --nologo \
  --filter "FullyQualifiedName~when_reading_the_api_reference.the_served_document_is_the_committed_contract"
