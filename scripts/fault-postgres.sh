#!/usr/bin/env bash
# The fault tests' own PostgreSQL cluster, which they stop and start under load: the main server
# (scripts/ensure-postgres.sh) keeps serving every other test meanwhile. Debian, as root.
#   fault-postgres.sh start   creates the cluster if missing (port 5433, role and database `cases`), starts it, waits
#   fault-postgres.sh stop    stops it at once (fast shutdown: open transactions are rolled back)
set -euo pipefail
exec "$(dirname "$0")/extra-postgres.sh" faults 5433 cases "${1:-}"
