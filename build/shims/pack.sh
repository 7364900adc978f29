#!/usr/bin/env bash
# Rebuilds the two shim packages into build/packages (committed; only needed if a shim changes).
set -euo pipefail
cd "$(dirname "$0")"
for p in Patched.DistributedLock.Postgres IdentityModel; do
  dotnet pack "$p/$p.csproj" -c Release --nologo -v q
done
