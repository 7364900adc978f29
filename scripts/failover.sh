#!/usr/bin/env bash
# Two nodes, two databases: organisation failover-a on database a (the one of ConnectionStrings__Cases), failover-b on
# database b (<its name>_second on a second cluster, port 5434, started by scripts/extra-postgres.sh), Wolverine's
# nodes and agent assignments in the control database (<its name>_control, beside a). It appends to both
# organisations through both nodes and waits until each database's async daemon has caught up (audit entries and
# chain links = events, in each database), SIGKILLs the node running database a's agents, keeps appending to both
# through the other, and exits 0 when, within DEADLINE seconds (default 120: generous, since it bounds a hang and never races the machine) of the kill, every agent the dead node ran
# is assigned to the survivor (wolverine_node_assignments in the control database) and, in each database, every event
# has exactly one audit entry and one chain link (entries = links = events, sequences unique, none missing).
# Runs the nodes (scripts/two-nodes.sh) on the schema `failover` of the three databases, which it drops first.
set -euo pipefail
cd "$(dirname "$0")/.."
export ConnectionStrings__Cases="${ConnectionStrings__Cases:-Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases}"
export Marten__Schema=failover
export NODES_DIR; NODES_DIR=$(mktemp -d)
schema=failover
deadline=${DEADLINE:-120}

setting() { echo "$ConnectionStrings__Cases" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1)==k { sub(/^[^=]*=/, ""); print; exit }'; }
host=$(setting host); user=$(setting username)
export PGPASSWORD; PGPASSWORD=$(setting password)
declare -A port=([a]="$(setting port)" [b]=5434 [control]="$(setting port)")
declare -A database=([a]="$(setting database)" [b]="$(setting database)_second" [control]="$(setting database)_control")
declare -A org=([a]=failover-a [b]=failover-b)
connection() { echo "Host=$host;Port=${port[$1]};Database=${database[$1]};Username=$user;Password=$PGPASSWORD"; }
sql() { psql -h "$host" -p "${port[$1]}" -U "$user" -d "${database[$1]}" -qAtX -v ON_ERROR_STOP=1 -c "$2"; }

./scripts/ensure-postgres.sh >/dev/null
./scripts/extra-postgres.sh second "${port[b]}" "${database[b]}" start
[ "$(sql a "select count(*) from pg_database where datname = '${database[control]}'")" = 1 ] ||
  sql a "create database \"${database[control]}\""
for db in a b control; do sql "$db" "drop schema if exists $schema cascade" 2>/dev/null; done

export Tenancy__Databases__a; Tenancy__Databases__a=$(connection a)
export Tenancy__Databases__b; Tenancy__Databases__b=$(connection b)
export Tenancy__Control; Tenancy__Control=$(connection control)
# The organisations appsettings.json names (the seeds') go to a; nothing is written to them.
export Tenancy__DefaultDatabase=a
# Organisation ids have hyphens, which `export` cannot name: env passes them to the nodes and the token command.
organisations=("Organisations__Names__${org[a]}=the failover check on a" "Organisations__Names__${org[b]}=the failover check on b"
  "Tenancy__Placement__${org[a]}=a" "Tenancy__Placement__${org[b]}=b")
cleanup() { for pid in "$NODES_DIR"/node-*.pid; do kill "$(cat "$pid")" 2>/dev/null || true; done; }
trap cleanup EXIT
env "${organisations[@]}" ./scripts/two-nodes.sh --detach

out=src/Cases.Api/bin/Release/net10.0
declare -A token appended=([a]=0 [b]=0)
for db in a b; do
  token[$db]=$(cd "$out" && env "${organisations[@]}" ASPNETCORE_ENVIRONMENT=Development dotnet Cases.Api.dll dev-token --org "${org[$db]}" --role registrar --user failover | tail -1)
done
append() { # append DB COUNT PORT: registers COUNT cases of DB's organisation through the node on PORT, one event each
  for _ in $(seq 1 "$2"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://localhost:$3/api/cases" -H "Authorization: Bearer ${token[$1]}" \
      -H 'Content-Type: application/json' \
      -d '{"channel":"hotline","category":"ethics","subjects":["E-1"],"summary":"Failover check","receivedOn":"2021-03-02"}')
    [ "$code" = 201 ] || { echo "append to ${org[$1]} through $3 answered $code" >&2; exit 1; }
    appended[$1]=$((appended[$1] + 1))
  done
}
# Agents name their database as host.database (event subscriptions) or host/database (durability): match either.
agents_of_db() { # the agents working on DB, with the node each is assigned to
  sql control "select id || ' ' || node_id from $schema.wolverine_node_assignments
    where position('.${database[$1]}/' in id) > 0 or position('/${database[$1]}/' in id) > 0 order by id"
}
audit_agent_node() { sql control "select node_id from $schema.wolverine_node_assignments
    where id like 'event-subscriptions://%/audittrailprojection/all' and position('.${database[$1]}/' in id) > 0"; }
port_of() { grep -l "Starting agents for Node $1" "$NODES_DIR"/node-*.log | sed 's/.*node-\([0-9]*\)\.log/\1/'; }
count() { sql "$1" "select count(*) from $schema.$2"; }
caught_up() { # DB: every event of DB has its audit entry and its chain link
  local events; events=$(count "$1" mt_events)
  [ "$events" = "${appended[$1]}" ] && [ "$(count "$1" mt_doc_auditentry)" = "$events" ] && [ "$(count "$1" cases_chain)" = "$events" ]
}
figures() { # DB: one line of its counts
  echo "database ${1} (${database[$1]}, port ${port[$1]}): ${appended[$1]} appended, $(count "$1" mt_events) events, $(count "$1" mt_doc_auditentry) audit entries, $(count "$1" cases_chain) chain links"
}
assignments() { sql control "select '  ' || a.id || ' -> node ' || coalesce(n.node_number::text, '?') || ' ' || a.node_id
    from $schema.wolverine_node_assignments a left join $schema.wolverine_nodes n on n.id = a.node_id order by a.id"; }

# Writes to both organisations through both nodes, so each node appends to both databases.
for node_port in 5081 5082; do append a 20 "$node_port"; append b 20 "$node_port"; done
started=$(date +%s)
until [ -n "$(audit_agent_node a)" ] && [ -n "$(audit_agent_node b)" ] && caught_up a && caught_up b; do
  [ $(( $(date +%s) - started )) -le 60 ] || { figures a; figures b; assignments; echo "failover: FAILED (the daemons did not catch up within 60 s before the kill)" >&2; exit 1; }
  sleep 0.5
done
echo "before the kill, both daemons caught up $(( $(date +%s) - started )) s after the last append:"
figures a; figures b
echo "nodes: $(sql control "select string_agg(node_number || ' ' || id, ', ' order by node_number) from $schema.wolverine_nodes")"
echo "assignments (control database ${database[control]}):"; assignments

node=$(audit_agent_node a)
victim=$(port_of "$node")
survivor=$([ "$victim" = 5081 ] && echo 5082 || echo 5081)
moving=$(sql control "select id from $schema.wolverine_node_assignments where node_id = '$node' order by id")
moving_count=$(echo "$moving" | grep -c .)
moving_list=$(echo "$moving" | sed "s/.*/'&'/" | paste -sd,)
echo "database a's audit trail runs on node $node (port $victim), with ${moving_count} agents in all; database b's on node $(audit_agent_node b)"

kill -KILL "$(cat "$NODES_DIR/node-$victim.pid")"
killed=$(date +%s)
echo "SIGKILL sent to the node on port $victim; appending to both organisations through port $survivor"

survivor_node=""; taken_over=""
while [ $(( $(date +%s) - killed )) -le "$deadline" ]; do
  append a 3 "$survivor"; append b 3 "$survivor"
  # The dead node's agents now held by another node, and which; none left to the dead one.
  moved=$(sql control "select count(*) filter (where id in ($moving_list) and node_id <> '$node') || ' ' ||
    count(*) filter (where node_id = '$node') || ' ' || coalesce(string_agg(distinct node_id::text, ','), '') from $schema.wolverine_node_assignments")
  read -r held left survivor_node <<<"$moved"
  if [ "$held" = "$moving_count" ] && [ "$left" = 0 ] && [ -z "$taken_over" ]; then
    taken_over=$(( $(date +%s) - killed ))
    echo "every agent of the dead node runs on the survivor ($survivor_node) ${taken_over} s after the kill"
  fi
  [ -n "$taken_over" ] && caught_up a && caught_up b && break
  sleep 0.5
done

elapsed=$(( $(date +%s) - killed ))
echo "after ${elapsed} s:"
failed=""
for db in a b; do
  figures "$db"
  events=$(count "$db" mt_events)
  sequences=$(sql "$db" "select count(distinct (data->>'sequence')::bigint) from $schema.mt_doc_auditentry")
  missing=$(sql "$db" "select count(*) from $schema.mt_events e where not exists (select 1 from $schema.mt_doc_auditentry a where (a.data->>'sequence')::bigint = e.seq_id)")
  unlinked=$(sql "$db" "select count(*) from $schema.mt_events e where not exists (select 1 from $schema.cases_chain c where c.seq_id = e.seq_id)")
  echo "  ${sequences} distinct sequences, ${missing} events without an entry, ${unlinked} without a chain link; the survivor's agents there: $(agents_of_db "$db" | grep -c " $survivor_node\$" || true)"
  { [ "$events" = "${appended[$db]}" ] && [ "$(count "$db" mt_doc_auditentry)" = "$events" ] && [ "$sequences" = "$events" ] &&
    [ "$missing" = 0 ] && [ "$unlinked" = 0 ]; } || failed="$failed $db"
done
echo "nodes: $(sql control "select string_agg(node_number || ' ' || id, ', ' order by node_number) from $schema.wolverine_nodes")"
echo "assignments:"; assignments
if [ -n "$taken_over" ] && [ -z "$failed" ]; then
  echo "failover: PASSED (two databases; agents taken over in ${taken_over} s, both caught up in ${elapsed} s, limit ${deadline} s)"
else
  [ -n "$taken_over" ] || failed="$failed, the dead node's agents not all taken over"
  echo "failover: FAILED (database$failed)" >&2
  exit 1
fi
