#!/usr/bin/env bash
# Reproduces the table of BENCHMARKS.md in one run, on the PostgreSQL named by ConnectionStrings__Cases (provisioned
# if needed), in the schema `bench` (dropped and recreated: never point it at a schema holding real data).
#  1. copies the service's sources to bench/out/build, pre-generates Wolverine's code there (`codegen write`) and
#     publishes it in Release, ReadyToRun, as a production build would be made;
#  2. runs bench/Cases.Bench, which starts that build in Production and prints the figures.
# Usage: bench/run.sh [--events 1000000] [--small 10000] [--clients 8] [--seconds 20] [--reads 1000] [--only rebuild|api|reads [--reuse]|calls] [--port 5091]
#  --only rebuild: loads the large size and times its full rebuild alone.
#  --only api: runs the pgbench ceiling and the two API append measures (own organisations, one organisation) alone on
#    an empty store, in a few minutes.
#  --only reads: loads the small size, then the large one, rebuilds the projections after each load (untimed: the loader
#    writes events only), and measures start-up (elapsed and processor time) and the three reads (a case, an employee,
#    a year of statistics) at each.
#  --only reads --reuse: the same measures once, on what the schema already holds (neither dropped nor loaded): run it
#    after a full `--only reads`, on the commit before a change and on the change, to compare two builds back to back
#    on the same data. A change to the schema needs the full run.
#  --only calls: on an empty store, imports ten months (304 days) of a call-centre line's calls, 200-250 a day, through
#    the API as CSV, sequentially: day by day (304 requests) and month by month (10 requests), then both again (every
#    day logged already), and reports wall time, requests/s and calls/s of each.
set -euo pipefail
cd "$(dirname "$0")/.."
export ConnectionStrings__Cases="${ConnectionStrings__Cases:-Host=localhost;Port=5432;Database=cases;Username=cases;Password=cases}"
./scripts/ensure-postgres.sh

build=bench/out/build
rm -rf "$build" bench/out/service
mkdir -p "$build"
cp -r src build Directory.Build.props Directory.Packages.props nuget.config "$build/"
find "$build/src" -type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +
(
  cd "$build"
  # Code generation reads the configuration only: a throw-away key and schema let it build the host.
  Auth__DevelopmentSigningKey=codegen-only-key-0000000000000000000000 Marten__Schema=bench \
    dotnet run --project src/Cases.Api -c Release -- codegen write >/dev/null
  # ReadyToRun: compiled ahead of time, so that start-up does not wait for the JIT.
  dotnet publish src/Cases.Api -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o ../service --nologo -v q
)
dotnet run --project bench/Cases.Bench -c Release -- --service "$PWD/bench/out/service/Cases.Api.dll" --out "$PWD/bench/out" "$@"
