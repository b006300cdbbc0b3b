#!/usr/bin/env bash
# The README's test command: installs what the tests need, builds once, runs every test project (one at a time:
# training tests want both cores) and ends with one line, "tests: N passed, M failed", counted from the TRX results.
# Extra arguments go to `dotnet test` (e.g. --filter "TestCategory!=Slow").
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/setup.sh || { echo "tests: 0 passed, 1 failed (setup failed)"; exit 1; }

# A private PostgreSQL cluster for the tests of the PostgreSQL provider (category "Postgres"), stopped at exit.
if AUTOMLPLATFORM_TEST_POSTGRES=$(bash tools/postgres.sh start); then
  export AUTOMLPLATFORM_TEST_POSTGRES
  trap 'bash tools/postgres.sh stop' EXIT
else
  echo "tests: 0 passed, 1 failed (PostgreSQL could not be started)"; exit 1
fi

results=TestResults
rm -rf "$results"
status=0
dotnet build AutoMLPlatform.sln -c Release -nologo -clp:ErrorsOnly || status=$?
if [ $status -eq 0 ]; then
  dotnet test AutoMLPlatform.sln -c Release --no-build -m:1 --nologo \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?
fi

passed=0; failed=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
done

# A build error or a crashed test host counts as a failure even when no test reported one.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed"
[ $failed -eq 0 ] && [ $status -eq 0 ]
