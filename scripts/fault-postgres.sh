#!/usr/bin/env bash
# A second, disposable PostgreSQL cluster for the fault tests, which stop and start it under load: the main server
# (scripts/ensure-postgres.sh) keeps serving every other test meanwhile. Debian, as root.
#   fault-postgres.sh start   creates the cluster if missing (port 5433, role and database `cases`), starts it, waits
#   fault-postgres.sh stop    stops it at once (fast shutdown: open transactions are rolled back)
set -euo pipefail
PORT=5433
NAME=faults

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
case "${1:-}" in
  start)
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $NAME"; then
      pg_createcluster "$VERSION" "$NAME" --port "$PORT" >/dev/null
    fi
    pg_ctlcluster "$VERSION" "$NAME" start >/dev/null 2>&1 || true
    # Up to two minutes: a busy machine starts it slowly, and the wait only bounds a hang.
    for _ in $(seq 1 480); do
      pg_isready -q -h 127.0.0.1 -p "$PORT" && break
      sleep 0.25
    done
    pg_isready -q -h 127.0.0.1 -p "$PORT" || { echo "fault cluster did not start" >&2; exit 1; }
    as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -tAq "$@"; }
    [ "$(as_postgres -c "select 1 from pg_roles where rolname = 'cases'")" = 1 ] ||
      as_postgres -c "create role cases login createdb password 'cases'"
    [ "$(as_postgres -c "select 1 from pg_database where datname = 'cases'")" = 1 ] ||
      as_postgres -c "create database cases owner cases"
    ;;
  stop)
    pg_ctlcluster "$VERSION" "$NAME" stop -m fast
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
