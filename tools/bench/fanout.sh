#!/usr/bin/env bash
# Fan-out benchmark (scale-out): a throw-away PostgreSQL (tools/postgres.sh), one api process and N worker processes;
# one credit job at a time at each parallelism (same data, budget and seed), and how many trials each finished in the
# budget. Prints progress on stderr and one JSON line (p1_trials, p2_trials, trials_ratio_p2_vs_p1, best scores).
# Usage (from the repository root): tools/bench/fanout.sh [--workers 2] [--budget 30] [--parallelism 1,2] [--rounds 1]
set -euo pipefail
cd "$(dirname "$0")/../.."
pg=$(bash tools/postgres.sh start)
dotnet build src/AutoMLPlatform.Server -c Release -nologo -clp:ErrorsOnly >&2
dotnet build tools/bench/Load -c Release -nologo -clp:ErrorsOnly >&2
exec dotnet tools/bench/Load/bin/Release/net10.0/AutoMLPlatform.Bench.Load.dll \
  --server "$PWD/src/AutoMLPlatform.Server/bin/Release/net10.0/AutoMLPlatform.Server.dll" --postgres "$pg" \
  --csv "$PWD/samples/credit/train.csv" --label Status --commit "$(git rev-parse --short HEAD)" \
  --mode fanout --budget 30 "$@"
