#!/usr/bin/env bash
# Fan-out benchmark (scale-out): the load benchmark's cluster (tools/bench/load.sh: a throw-away PostgreSQL, one api
# process, N workers) running one credit job at a time at each parallelism (same data, budget and seed), and how many
# trials each finished in the budget. Prints progress on stderr and one JSON line (p1_trials, p2_trials,
# trials_ratio_p2_vs_p1, best scores).
# Usage (from the repository root): tools/bench/fanout.sh [--workers 2] [--budget 30] [--parallelism 1,2] [--rounds 1]
set -euo pipefail
cd "$(dirname "$0")/../.."
exec bash tools/bench/load.sh --mode fanout --csv "$PWD/samples/credit/train.csv" --label Status --budget 30 "$@"
