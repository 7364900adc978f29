#!/usr/bin/env bash
# Runs the README's test command (scripts/test.sh) several times in a row while `stress-ng --cpu 2` keeps two cores
# busy, to show that the suite does not depend on the machine's speed. Prints each run's wall time and result lines,
# and exits non-zero if any run failed.
#   test-under-load.sh [RUNS] [test.sh arguments...]     RUNS defaults to 3; e.g. test-under-load.sh 5 --filter Hardening
# Installs stress-ng if missing (Debian, as root). Each run's full output is kept in a temporary folder, named on failure.
set -uo pipefail
cd "$(dirname "$0")/.."

RUNS=3
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then
  RUNS=$1
  shift
fi

if ! command -v stress-ng >/dev/null 2>&1; then
  echo "installing stress-ng"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends stress-ng >/dev/null 2>&1 ||
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends stress-ng >/dev/null; } ||
    { echo "stress-ng could not be installed" >&2; exit 1; }
fi

stress-ng --cpu 2 >/dev/null 2>&1 &
STRESS=$!
# stress-ng stops with the script, however it ends.
trap 'kill "$STRESS" 2>/dev/null; wait "$STRESS" 2>/dev/null' EXIT
trap 'exit 130' INT TERM
echo "stress-ng --cpu 2 running (pid $STRESS); $RUNS runs of ./scripts/test.sh $*"

LOGS=$(mktemp -d)
failed=0
for run in $(seq 1 "$RUNS"); do
  log="$LOGS/run-$run.log"
  start=$(date +%s)
  ./scripts/test.sh "$@" >"$log" 2>&1
  status=$?
  took=$(( $(date +%s) - start ))
  printf 'run %d/%d: %dm%02ds, exit %d\n' "$run" "$RUNS" $(( took / 60 )) $(( took % 60 )) "$status"
  # The runner's summary: one line per test project, or a few lines at a detailed verbosity.
  grep -E '^(Passed|Failed)! +- |^Total tests:|^ +(Passed|Failed): +[0-9]' "$log" | sed 's/^ */  /'
  if [ "$status" -ne 0 ]; then
    failed=$(( failed + 1 ))
    grep -E '^ +Failed [A-Za-z]' "$log" | sed 's/^ */  failed: /'
    echo "  full output: $log"
  fi
done

echo "$(( RUNS - failed )) of $RUNS runs passed under stress-ng --cpu 2"
[ "$failed" -eq 0 ]
