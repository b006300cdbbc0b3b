"""Summarises a tools/bench/tabular.sh run: one table row per dataset, then one JSON line.

usage: tabular_report.py RESULTS_DIR SECONDS COMMIT

RESULTS_DIR holds NAME.SEED.json (the last stdout line of `automl bench`, or {"refused": "..."}) and, when the peers
ran in the same run, NAME.peers.jsonl (the lines of run_peers.sh). Peers that did not run are taken from the anchors
below (../shared/notes/anchors.md: FLAML 60 s, default XGBoost, default HistGradientBoosting; 2 cores).
"""
import json
import os
import statistics
import sys

ANCHORS = {
    "credit": (0.8654, 0.8399, 0.8530),
    "penguins": (0.9710, 0.9710, 0.9855),
    "letters": (0.9620, 0.9603, 0.9608),
    "ames": (0.9205, 0.9230, 0.9207),
    "PimaIndiansDiabetes2": (0.8369, 0.8170, 0.7965),
    "wa_churn": (0.8660, 0.8334, 0.8481),
    "lending_club": (0.7769, 0.6950, 0.7276),
    "HouseVotes84": (0.9961, 0.9867, 0.9933),
    "Soybean": (0.9416, 0.9343, 0.9489),
    "hpc_data": (0.8383, 0.8430, 0.8279),
    "Vowel": (0.9444, 0.9192, 0.9343),
    "Sacramento": (0.6392, 0.5427, 0.6746),
    "Ozone": (0.6997, 0.6650, 0.6742),
    "Chicago": (0.8538, 0.8185, 0.8273),
}
PEER_TOOLS = {"flaml": 0, "xgboost": 1, "sklearn_hgb": 2}


def peers_of(results_dir, name):
    """(flaml, xgboost, hgb, source): measured in this run where run_peers.sh wrote them, else the anchors."""
    path = os.path.join(results_dir, f"{name}.peers.jsonl")
    scores = list(ANCHORS.get(name, (None, None, None)))
    source = "anchors"
    if os.path.exists(path):
        with open(path) as handle:
            for line in handle:
                line = line.strip()
                if line.startswith("{"):
                    r = json.loads(line)
                    tool = r.get("tool", "")
                    index = next((i for key, i in PEER_TOOLS.items() if key in tool or tool in key), None)
                    if index is not None:
                        scores[index] = r["score"]
                        source = "measured"
    return scores[0], scores[1], scores[2], source


def rank_of(ours, others):
    """Rank among {ours} ∪ others (1 = best), ties sharing the mean rank."""
    better = sum(1 for o in others if o > ours)
    ties = sum(1 for o in others if o == ours)
    return 1 + better + ties / 2


def main():
    results_dir, seconds, commit = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    runs = {}
    for file in sorted(f for f in os.listdir(results_dir) if f.endswith(".json")):
        name, seed = file[:-5].rsplit(".", 1)
        with open(os.path.join(results_dir, file)) as handle:
            runs.setdefault(name, {})[int(seed)] = json.load(handle)

    print(f"| set | metric | ours {seconds} s: mean (min–max over seeds) | FLAML | XGBoost | HGB | rank | gap to best GBM | best models | trials | peak MB |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    summary, ranks, refused, worst_gap, peak = {}, [], [], None, 0.0
    for name, by_seed in runs.items():
        ok = [r for r in by_seed.values() if "refused" not in r]
        flaml, xgb, hgb, source = peers_of(results_dir, name)
        if len(ok) < len(by_seed):
            refused.append(name)
        if not ok:
            print(f"| {name} | — | refused: {next(iter(by_seed.values()))['refused'][:80]} | | | | | | | | |")
            summary[name] = {"refused": True}
            continue
        scores = [r["score"] for r in ok]
        mean = statistics.fmean(scores)
        others = [p for p in (flaml, xgb, hgb) if p is not None]
        rank = rank_of(mean, others)
        ranks.append(rank)
        gbm = max([p for p in (xgb, hgb) if p is not None], default=None)
        gap = None if gbm is None else mean - gbm
        if gap is not None and (worst_gap is None or gap < worst_gap[0]):
            worst_gap = (gap, name)
        memory = max(r["peak_memory_mb"] for r in ok)
        peak = max(peak, memory)
        fmt = lambda v: "—" if v is None else f"{v:.4f}"
        best = ", ".join(sorted({r["best_trainer"] for r in ok}))
        trials = "/".join(str(r["trials"]) for r in ok)
        print(f"| {name} | {ok[0]['metric']} | {mean:.4f} ({min(scores):.4f}–{max(scores):.4f}) | {fmt(flaml)} | {fmt(xgb)} | "
              f"{fmt(hgb)} | {rank:g} | {'—' if gap is None else f'{gap:+.4f}'} | {best} | {trials} | {memory:.0f} |")
        summary[name] = {"metric": ok[0]["metric"], "mean": round(mean, 4), "min": min(scores), "max": max(scores),
                         "spread": round(max(scores) - min(scores), 4), "scores": scores, "rank": rank,
                         "gap_to_best_gbm": None if gap is None else round(gap, 4), "peers": [flaml, xgb, hgb],
                         "peers_source": source, "best_trainers": best, "peak_memory_mb": memory}

    mean_rank = round(statistics.fmean(ranks), 3) if ranks else None
    won = sum(1 for s in summary.values() if s.get("rank") is not None and s["rank"] <= 1.0)
    print(json.dumps({
        "bench": "tabular", "seconds": seconds, "commit": commit, "tables": len(summary),
        "mean_rank": mean_rank, "tables_won": won,
        "worst_gap_to_best_gbm": None if worst_gap is None else round(worst_gap[0], 4),
        "worst_gap_table": None if worst_gap is None else worst_gap[1],
        "tables_below_gbm_by_0.005": sorted(n for n, s in summary.items() if (s.get("gap_to_best_gbm") or 0) < -0.005),
        "tables_refused": refused, "peak_memory_mb": peak,
        "max_seed_spread": max((s["spread"] for s in summary.values() if "spread" in s), default=None),
        "results": summary,
    }))


if __name__ == "__main__":
    main()
