#!/usr/bin/env bash
# Kills the node that runs the async audit trail and shows the other node taking it over: within 30 s, every event
# has exactly one audit entry (entries = events, sequences unique, none missing). Exit code 0 when it holds.
# Runs two nodes (scripts/two-nodes.sh) on the schema `failover`, which it drops first.
set -euo pipefail
cd "$(dirname "$0")/.."
export ConnectionStrings__Cases="${ConnectionStrings__Cases:-Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases}"
export Marten__Schema=failover
# The organisation its writes act for, made known to the nodes (tokens must name an organisation they serve).
export Organisations__Names__failover="the failover check"
export NODES_DIR; NODES_DIR=$(mktemp -d)
schema=failover
agent="event-subscriptions://%/audittrailprojection/all"
deadline=30

setting() { echo "$ConnectionStrings__Cases" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1)==k { sub(/^[^=]*=/, ""); print; exit }'; }
export PGPASSWORD; PGPASSWORD=$(setting password)
sql() { psql -h "$(setting host)" -p "$(setting port)" -U "$(setting username)" -d "$(setting database)" -qAtX -v ON_ERROR_STOP=1 -c "$1"; }

./scripts/ensure-postgres.sh >/dev/null
sql "drop schema if exists $schema cascade" 2>/dev/null
cleanup() { for pid in "$NODES_DIR"/node-*.pid; do kill "$(cat "$pid")" 2>/dev/null || true; done; }
trap cleanup EXIT
./scripts/two-nodes.sh --detach

out=src/Cases.Api/bin/Release/net10.0
token=$(cd "$out" && ASPNETCORE_ENVIRONMENT=Development dotnet Cases.Api.dll dev-token --org failover --role registrar --user failover | tail -1)
appended=0
append() { # append COUNT PORT: registers COUNT cases through the node on PORT, one event each
  for _ in $(seq 1 "$1"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$2/api/cases" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' \
      -d '{"channel":"hotline","category":"ethics","subjects":["E-1"],"summary":"Failover check","receivedOn":"2021-03-02"}')
    [ "$code" = 201 ] || { echo "append through $2 answered $code" >&2; exit 1; }
    appended=$((appended + 1))
  done
}
projector() { sql "select node_id from $schema.wolverine_node_assignments where id like '$agent'"; }
port_of() { grep -l "Starting agents for Node $1" "$NODES_DIR"/node-*.log | sed 's/.*node-\([0-9]*\)\.log/\1/'; }

append 25 5081
append 25 5082
for _ in $(seq 1 60); do [ -n "$(projector)" ] && break; sleep 0.5; done
node=$(projector)
[ -n "$node" ] || { echo "no node took the audit trail" >&2; exit 1; }
victim=$(port_of "$node")
survivor=$([ "$victim" = 5081 ] && echo 5082 || echo 5081)
echo "the audit trail runs on node $node (port $victim); events so far: $(sql "select count(*) from $schema.mt_events"), audit entries: $(sql "select count(*) from $schema.mt_doc_auditentry")"

kill -KILL "$(cat "$NODES_DIR/node-$victim.pid")"
killed=$(date +%s)
echo "SIGKILL sent to the node on port $victim; appending through port $survivor"

taken_over=""
while [ $(( $(date +%s) - killed )) -le "$deadline" ]; do
  append 5 "$survivor"
  now=$(projector)
  if [ -n "$now" ] && [ "$now" != "$node" ] && [ -z "$taken_over" ]; then
    taken_over=$(( $(date +%s) - killed ))
    echo "the survivor ($now) runs the audit trail ${taken_over} s after the kill"
  fi
  events=$(sql "select count(*) from $schema.mt_events")
  entries=$(sql "select count(*) from $schema.mt_doc_auditentry")
  [ -n "$taken_over" ] && [ "$events" = "$entries" ] && break
  sleep 0.5
done

events=$(sql "select count(*) from $schema.mt_events")
entries=$(sql "select count(*) from $schema.mt_doc_auditentry")
sequences=$(sql "select count(distinct (data->>'sequence')::bigint) from $schema.mt_doc_auditentry")
missing=$(sql "select count(*) from $schema.mt_events e where not exists (select 1 from $schema.mt_doc_auditentry a where (a.data->>'sequence')::bigint = e.seq_id)")
elapsed=$(( $(date +%s) - killed ))
echo "after ${elapsed} s: ${appended} events appended through the API, ${events} events stored, ${entries} audit entries, ${sequences} distinct sequences, ${missing} events without an entry"
if [ -n "$taken_over" ] && [ "$events" = "$appended" ] && [ "$entries" = "$events" ] && [ "$sequences" = "$events" ] && [ "$missing" = 0 ]; then
  echo "failover: PASSED (taken over in ${taken_over} s, caught up in ${elapsed} s, limit ${deadline} s)"
else
  echo "failover: FAILED" >&2
  exit 1
fi
