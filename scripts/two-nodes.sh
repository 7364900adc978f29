#!/usr/bin/env bash
# Runs the API as two nodes sharing the same database (or databases), http://localhost:5081 and
# http://localhost:5082, both serving every request. Wolverine spreads the async projections (the audit trail) over
# the nodes it finds alive in the schema's wolverine_nodes table (in the control database when there are several
# databases, each database's agents on one node), and moves them to the survivor when a node dies.
# Usage: scripts/two-nodes.sh            runs both in the foreground; Ctrl-C stops them
#        scripts/two-nodes.sh --detach   leaves them running: pids in $NODES_DIR/node-<port>.pid, logs beside them
# Environment: ConnectionStrings__Cases (or Tenancy__*, see the README's several databases, which the nodes inherit),
# Marten__Schema (default cases), NODES_DIR (default /tmp/cases-nodes),
# ASPNETCORE_ENVIRONMENT (default Development, whose signing key `dev-token` uses).
set -euo pipefail
cd "$(dirname "$0")/.."
export ConnectionStrings__Cases="${ConnectionStrings__Cases:-Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
NODES_DIR="${NODES_DIR:-/tmp/cases-nodes}"
PORTS=(5081 5082)
./scripts/ensure-postgres.sh
dotnet build src/Cases.Api -c Release --nologo -v q >/dev/null
out="$PWD/src/Cases.Api/bin/Release/net10.0"
mkdir -p "$NODES_DIR"

for port in "${PORTS[@]}"; do
  # The build's folder is the content root, where appsettings*.json are.
  (cd "$out" && ASPNETCORE_URLS="http://localhost:$port" Logging__LogLevel__Wolverine=Information \
    exec dotnet Cases.Api.dll >"$NODES_DIR/node-$port.log" 2>&1) &
  echo $! >"$NODES_DIR/node-$port.pid"
done

stop() { for port in "${PORTS[@]}"; do kill "$(cat "$NODES_DIR/node-$port.pid")" 2>/dev/null || true; done; }
for port in "${PORTS[@]}"; do
  for _ in $(seq 1 600); do
    curl -sf "http://localhost:$port/health/ready" >/dev/null && break
    kill -0 "$(cat "$NODES_DIR/node-$port.pid")" 2>/dev/null || { echo "node $port exited: see $NODES_DIR/node-$port.log" >&2; stop; exit 1; }
    sleep 0.1
  done
  curl -sf "http://localhost:$port/health/ready" >/dev/null || { echo "node $port not ready: see $NODES_DIR/node-$port.log" >&2; stop; exit 1; }
  echo "node ready: http://localhost:$port (pid $(cat "$NODES_DIR/node-$port.pid"), log $NODES_DIR/node-$port.log)"
done

if [ "${1:-}" = "--detach" ]; then exit 0; fi
trap stop INT TERM
wait
