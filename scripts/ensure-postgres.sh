#!/usr/bin/env bash
# Makes sure the PostgreSQL named by ConnectionStrings__Cases accepts connections.
# Uses the server if it already answers; otherwise (Debian, as root, local host only) installs the `postgresql`
# package if missing, starts the cluster, creates the role and database, and waits for it. Idempotent.
# A cluster it provisions allows MAX_CONNECTIONS: the test suite runs several hosts at once and sizes their connection
# pools to fit the server (tests/Cases.Api.Tests/Infrastructure/CasesApp.cs), and Debian's 100 leaves them 4 each.
set -euo pipefail

MAX_CONNECTIONS=300

CONN="${ConnectionStrings__Cases:-Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases}"

setting() { # setting KEY DEFAULT: reads one key of the Npgsql connection string, case-insensitively
  local key value
  key=$(echo "$1" | tr '[:upper:]' '[:lower:]')
  value=$(echo "$CONN" | tr ';' '\n' | awk -F= -v k="$key" '{ n=tolower($1); gsub(/[ \t]/, "", n) } n==k { sub(/^[^=]*=/, ""); print; exit }')
  echo "${value:-$2}"
}
PGHOST_=$(setting host localhost)
PGPORT_=$(setting port 5432)
PGDB_=$(setting database cases)
PGUSER_=$(setting username "$(setting "user id" cases)")
PGPASS_=$(setting password cases)

reachable() {
  command -v psql >/dev/null 2>&1 &&
    PGPASSWORD="$PGPASS_" PGCONNECT_TIMEOUT=3 psql -h "$PGHOST_" -p "$PGPORT_" -U "$PGUSER_" -d "$PGDB_" \
      -tAc 'select 1' >/dev/null 2>&1
}

port_open() { (exec 3<>"/dev/tcp/$PGHOST_/$PGPORT_") 2>/dev/null; }
local_cluster_on_port() {
  command -v pg_lsclusters >/dev/null 2>&1 && pg_lsclusters -h | awk -v p="$PGPORT_" '$3==p {found=1} END {exit !found}'
}

if reachable; then
  echo "postgres: using $PGHOST_:$PGPORT_/$PGDB_"
  exit 0
fi
if port_open; then
  if ! command -v psql >/dev/null 2>&1; then
    echo "postgres: a server answers at $PGHOST_:$PGPORT_ (no psql client here to check the credentials); using it"
    exit 0
  fi
  if ! local_cluster_on_port; then
    echo "postgres: the server at $PGHOST_:$PGPORT_ refuses $PGUSER_@$PGDB_; fix ConnectionStrings__Cases" >&2
    exit 1
  fi
fi

case "$PGHOST_" in
  localhost|127.0.0.1|::1) ;;
  *) echo "postgres: $PGHOST_:$PGPORT_ does not answer and is not local; start it or fix ConnectionStrings__Cases" >&2; exit 1 ;;
esac
if [ "$(id -u)" != 0 ]; then
  echo "postgres: not reachable, and provisioning needs root (or start PostgreSQL and set ConnectionStrings__Cases)" >&2
  exit 1
fi

provisioned=no
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  echo "postgres: installing the postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  provisioned=yes
fi

VERSION=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
  pg_createcluster "$VERSION" main --port "$PGPORT_" >/dev/null
  provisioned=yes
fi
CLUSTER_PORT=$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')
if [ "$CLUSTER_PORT" != "$PGPORT_" ]; then
  pg_conftool "$VERSION" main set port "$PGPORT_"
  pg_ctlcluster "$VERSION" main stop >/dev/null 2>&1 || true
fi
online() { pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -qx online; }
# Raised on a cluster provisioned just now (the package starts one with 100) or found stopped; a running server in
# use is never restarted for it.
if [ "$(pg_conftool -s "$VERSION" main show max_connections 2>/dev/null || echo 100)" -lt "$MAX_CONNECTIONS" ] &&
  { [ "$provisioned" = yes ] || ! online; }; then
  pg_conftool "$VERSION" main set max_connections "$MAX_CONNECTIONS"
  if online; then pg_ctlcluster "$VERSION" main restart >/dev/null; fi
fi
pg_ctlcluster "$VERSION" main start >/dev/null 2>&1 || true

# Up to two minutes: a busy machine starts it slowly, and the wait only bounds a hang.
for _ in $(seq 1 240); do
  pg_isready -q -h 127.0.0.1 -p "$PGPORT_" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PGPORT_" || { echo "postgres: cluster did not start" >&2; exit 1; }

as_postgres() { runuser -u postgres -- psql -p "$PGPORT_" -v ON_ERROR_STOP=1 -tAq "$@"; }
if [ "$(as_postgres -c "select 1 from pg_roles where rolname = '$PGUSER_'")" != 1 ]; then
  as_postgres -c "create role \"$PGUSER_\" login createdb password '$PGPASS_'"
fi
if [ "$(as_postgres -c "select 1 from pg_database where datname = '$PGDB_'")" != 1 ]; then
  as_postgres -c "create database \"$PGDB_\" owner \"$PGUSER_\""
fi

reachable || { echo "postgres: started, but $PGUSER_@$PGHOST_:$PGPORT_/$PGDB_ refuses connections" >&2; exit 1; }
echo "postgres: ready at $PGHOST_:$PGPORT_/$PGDB_"
