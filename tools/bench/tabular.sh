#!/usr/bin/env bash
# The engine's benchmark: `automl bench` on every tabular dataset in ../shared/datasets (manifest tasks binary,
# multiclass, regression), scored on its test split, in a table beside what the alternatives reach there
# (../shared/notes/anchors.md: FLAML 60 s, default XGBoost, default scikit-learn HistGradientBoosting).
#
#   tools/bench/tabular.sh [SECONDS] [extra `automl bench` options, e.g. --tuner random --seed 2]
#
# Progress goes to stderr; stdout carries the table and, as its last line, one JSON object with every result.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds="${1:-60}"
shift || true
datasets="${AUTOMLPLATFORM_SHARED_DATASETS:-../shared/datasets}"
results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet build src/AutoMLPlatform.Cli -c Release -nologo -clp:ErrorsOnly -v:q >&2
automl=src/AutoMLPlatform.Cli/bin/Release/net10.0/automl

while IFS=$'\t' read -r name label task _; do
  case "$task" in binary|multiclass|regression) ;; *) continue ;; esac
  echo "== $name ($task, label $label, ${seconds}s) ==" >&2
  if "$automl" bench --train "$datasets/$name/train.csv" --test "$datasets/$name/test.csv" --label "$label" \
      --time "$seconds" "$@" > "$results/$name.out" 2> >(sed 's/^/  /' >&2); then
    tail -n 1 "$results/$name.out" > "$results/$name.json"
  else
    echo "  automl bench failed on $name" >&2
  fi
done < <(tail -n +2 "$datasets/manifest.tsv")

python3 - "$results" "$seconds" "$(git rev-parse --short HEAD)" <<'PY'
import json, os, sys

results_dir, seconds, commit = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# What the alternatives reach on the shared test splits (60 s, 2 threads), from ../shared/notes/anchors.md.
anchors = {
    "credit":   {"flaml": 0.8654, "xgboost": 0.8399, "hgb": 0.8530},
    "penguins": {"flaml": 0.9710, "xgboost": 0.9710, "hgb": 0.9855},
    "letters":  {"flaml": 0.9620, "xgboost": 0.9603, "hgb": 0.9608},
    "ames":     {"flaml": 0.9205, "xgboost": 0.9230, "hgb": 0.9207},
}
rows, summary = [], {}
for file in sorted(f for f in os.listdir(results_dir) if f.endswith(".json")):
    name = file[:-5]
    with open(os.path.join(results_dir, file)) as handle:
        r = json.load(handle)
    a = anchors.get(name, {})
    best_peer = max(a.values()) if a else None
    rows.append((name, f"{r['task']} · {r['metric']}", r["score"], a.get("flaml"), a.get("xgboost"), a.get("hgb"),
                 r["best_trainer"], r["trials"], r["fit_seconds"], r["peak_memory_mb"]))
    summary[name] = {"metric": r["metric"], "score": r["score"], "best_peer": best_peer,
                     "beats_best_peer": None if best_peer is None else r["score"] >= best_peer,
                     "best_trainer": r["best_trainer"], "trials": r["trials"], "fit_seconds": r["fit_seconds"],
                     "peak_memory_mb": r["peak_memory_mb"]}

fmt = lambda v: "—" if v is None else f"{v:.4f}"
print(f"| set | task · metric | automlplatform {seconds} s | FLAML 60 s | XGBoost default | HGB default | best model | trials | fit s | peak MB |")
print("|---|---|---|---|---|---|---|---|---|---|")
for name, task, score, flaml, xgb, hgb, best, trials, fit, mem in rows:
    print(f"| {name} | {task} | **{score:.4f}** | {fmt(flaml)} | {fmt(xgb)} | {fmt(hgb)} | {best} | {trials} | {fit:.1f} | {mem:.0f} |")
wins = sum(1 for s in summary.values() if s["beats_best_peer"])
print(json.dumps({"bench": "tabular", "seconds": seconds, "results": summary, "beats_best_peer": wins, "sets": len(summary), "commit": commit}))
PY
