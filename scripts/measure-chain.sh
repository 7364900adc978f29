#!/usr/bin/env bash
# Measures the hash chain on a schema the service has created and is running on (./scripts/run.sh):
#  1. the cost of the chain on append (marking each event for the chain writer): the same events inserted with the
#     chain on and off, in transactions that are rolled back, so nothing is left behind;
#  2. how long the running service's chain writer takes to link a throw-away organisation's N events, and the verify
#     rate over them (the `verify` verb), then removes them.
# Usage: scripts/measure-chain.sh [schema] [events]
set -euo pipefail
cd "$(dirname "$0")/.."
schema="${1:-cases}"
count="${2:-20000}"
export PGPASSWORD=cases
psql_cases() { psql -h localhost -U cases -d cases -v ON_ERROR_STOP=1 -qAt "$@"; }
org="bench-$$"

insert_sql() {
  cat <<SQL
insert into ${schema}.mt_streams (id, type, version, timestamp, created, tenant_id)
  values ('00000000-0000-7000-8000-000000000001', 'case', ${count}, now(), now(), '${org}');
insert into ${schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, user_name)
  select nextval('${schema}.mt_events_sequence'), gen_random_uuid(), '00000000-0000-7000-8000-000000000001', n,
         jsonb_build_object('caseId', '00000000-0000-7000-8000-000000000001', 'acknowledgedOn', '2021-03-03', 'n', n),
         'case_acknowledged', now(), '${org}', 'bench', 'bench'
  from generate_series(1, ${count}) n;
SQL
}

timed() { # prints milliseconds taken by the SQL on stdin, run in one transaction with the chain setting given
  local setting="$1"
  local start end
  start=$(date +%s%N)
  { echo "begin; set local cases.chain = '${setting}';"; insert_sql; echo "${2:-rollback};"; } | psql_cases >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

off=$(timed off)
on=$(timed on)
echo "append ${count} events: chain off ${off} ms ($(( count * 1000 / (off > 0 ? off : 1) )) events/s), chain on ${on} ms ($(( count * 1000 / (on > 0 ? on : 1) )) events/s)"
echo "marking costs $(( (on - off) * 1000 / count )) µs per event"

timed on commit >/dev/null
start=$(date +%s%N)
for _ in $(seq 600); do
  [ "$(psql_cases -c "select count(*) from ${schema}.cases_chain_pending where tenant_id = '${org}'")" = 0 ] && break
  sleep 0.5
done
echo "the chain writer linked ${count} events in $(( ($(date +%s%N) - start) / 1000000 )) ms (polled every 0.5 s)"
# Development: this build has no pre-generated code, which Production requires (see README).
ASPNETCORE_ENVIRONMENT=Development Marten__Schema="${schema}" dotnet run --project src/Cases.Api --no-launch-profile -- verify --org "${org}" | tail -1
psql_cases -c "delete from ${schema}.cases_chain_head where tenant_id = '${org}'; delete from ${schema}.cases_chain where tenant_id = '${org}'; delete from ${schema}.cases_chain_pending where tenant_id = '${org}'; delete from ${schema}.mt_events where tenant_id = '${org}'; delete from ${schema}.mt_streams where tenant_id = '${org}';"
