#!/usr/bin/env bash
# A disposable PostgreSQL cluster beside the main server (scripts/ensure-postgres.sh), for the tests that need one of
# their own: the fault tests stop and start theirs under load, and the tenancy tests place organisations on a second
# server. Debian, as root.
#   extra-postgres.sh NAME PORT DATABASE start   creates cluster NAME if missing (on PORT, role `cases`, 300 connections)
#                                                and DATABASE if missing, starts the cluster, waits
#   extra-postgres.sh NAME PORT DATABASE stop    stops it at once (fast shutdown: open transactions are rolled back)
# Marten and Wolverine tell databases apart by host and name, not port: a database meant to sit beside the main
# server's under several-database tenancy needs a name of its own.
set -euo pipefail
NAME=${1:?usage: $0 NAME PORT DATABASE start|stop}
PORT=${2:?usage: $0 NAME PORT DATABASE start|stop}
DATABASE=${3:?usage: $0 NAME PORT DATABASE start|stop}
MAX_CONNECTIONS=300

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
case "${4:-}" in
  start)
    if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $NAME"; then
      pg_createcluster "$VERSION" "$NAME" --port "$PORT" >/dev/null
      pg_conftool "$VERSION" "$NAME" set max_connections "$MAX_CONNECTIONS"
    fi
    pg_ctlcluster "$VERSION" "$NAME" start >/dev/null 2>&1 || true
    # Up to two minutes: a busy machine starts it slowly, and the wait only bounds a hang.
    for _ in $(seq 1 480); do
      pg_isready -q -h 127.0.0.1 -p "$PORT" && break
      sleep 0.25
    done
    pg_isready -q -h 127.0.0.1 -p "$PORT" || { echo "cluster $NAME did not start" >&2; exit 1; }
    as_postgres() { runuser -u postgres -- psql -p "$PORT" -v ON_ERROR_STOP=1 -tAq "$@"; }
    [ "$(as_postgres -c "select 1 from pg_roles where rolname = 'cases'")" = 1 ] ||
      as_postgres -c "create role cases login createdb password 'cases'"
    [ "$(as_postgres -c "select 1 from pg_database where datname = '$DATABASE'")" = 1 ] ||
      as_postgres -c "create database \"$DATABASE\" owner cases"
    ;;
  stop)
    pg_ctlcluster "$VERSION" "$NAME" stop -m fast
    ;;
  *)
    echo "usage: $0 NAME PORT DATABASE start|stop" >&2
    exit 2
    ;;
esac
