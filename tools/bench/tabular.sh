#!/usr/bin/env bash
# The engine's benchmark on variety: `automl bench` on every tabular table of ../shared/datasets (binary, multiclass,
# regression in manifest.tsv) and ../shared/datasets/suite, each with several seeds, scored on the table's test split,
# ranked against FLAML (60 s), default XGBoost and default scikit-learn HistGradientBoosting.
#
#   tools/bench/tabular.sh [SECONDS] [--seeds 1,2,3] [--sets credit,Ozone] [--peers] [-- automl bench options]
#
# SECONDS defaults to 60. The peers' scores are those of ../shared/notes/anchors.md (measured on this kind of machine)
# unless --peers runs ../shared/anchors/tabular/run_peers.sh in this run (needs python3 with scikit-learn, xgboost and
# pandas, and a FLAML checkout on FLAML_SRC). Progress goes to stderr; stdout carries the table and, as its last line,
# one JSON object: mean rank, tables won, worst gap to the best default GBM, tables refused, peak memory, seed spread.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=60
seeds=1,2,3
sets=
peers=false
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then seconds=$1; shift; fi
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seeds) seeds=$2; shift 2 ;;
    --sets) sets=$2; shift 2 ;;
    --peers) peers=true; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done

datasets="${AUTOMLPLATFORM_SHARED_DATASETS:-../shared/datasets}"
anchors="${AUTOMLPLATFORM_SHARED_ANCHORS:-../shared/anchors/tabular}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build src/AutoMLPlatform.Cli -c Release -nologo -clp:ErrorsOnly -v:q >&2
# A copy of the build, so that rebuilding the checkout during a run does not change the binary under it.
cp -r src/AutoMLPlatform.Cli/bin/Release/net10.0 "$results/automl-bin"
automl="$results/automl-bin/automl"

# name, label, task, train file, test file: one line per tabular table of both manifests.
tables() {
  tail -n +2 "$datasets/manifest.tsv" | while IFS=$'\t' read -r name label task _; do
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$task" "$datasets/$name/train.csv" "$datasets/$name/test.csv"
  done
  tail -n +2 "$datasets/suite/manifest.tsv" | while IFS=$'\t' read -r name label task _; do
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$task" "$datasets/suite/${name}_train.csv" "$datasets/suite/${name}_test.csv"
  done
}

while IFS=$'\t' read -r name label task train test; do
  case "$task" in binary|multiclass|regression) ;; *) continue ;; esac
  if [[ -n "$sets" && ",$sets," != *",$name,"* ]]; then continue; fi
  for seed in ${seeds//,/ }; do
    echo "== $name ($task, label $label, ${seconds}s, seed $seed) ==" >&2
    if "$automl" bench --train "$train" --test "$test" --label "$label" --task "$task" --time "$seconds" --seed "$seed" "$@" \
        > "$results/$name.$seed.out" 2> "$results/$name.$seed.err"; then
      tail -n 1 "$results/$name.$seed.out" > "$results/$name.$seed.json"
      echo "  $(cat "$results/$name.$seed.json")" >&2
    else
      echo "  refused: $(tail -n 1 "$results/$name.$seed.err")" >&2
      printf '{"refused": %s}\n' "$(tail -n 1 "$results/$name.$seed.err" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().strip()))')" \
        > "$results/$name.$seed.json"
    fi
  done
  if $peers; then
    echo "  peers on $name ..." >&2
    prefix="$results/peer-$name"
    ln -s "$(realpath "$train")" "${prefix}_train.csv"; ln -s "$(realpath "$test")" "${prefix}_test.csv"
    bash "$anchors/run_peers.sh" "$prefix" "$label" "$task" 60 0 "$results/$name.peers.jsonl" > /dev/null 2>> "$results/peers.err" \
      || echo "  peers failed on $name (see stderr of run_peers.sh)" >&2
  fi
done < <(tables)

python3 tools/bench/tabular_report.py "$results" "$seconds" "$(git rev-parse --short HEAD)"
