#!/usr/bin/env bash
# Scoring benchmark: trains credit with the platform's engine (its first model, one trial, unless --trials), measures the raw engine and the
# pooled run-time-typed path in process, then wrk against the standalone scoring host (single-row JSON, /alive) and
# one CSV batch. Progress on stderr; the last stdout line is one JSON object.
# Usage (from the repository root): tools/bench/scoring.sh [--seconds 3] [--rounds 4] [--trainer Sdca|LightGbm|…] [--trials 1] [--drift true|false]
#   [--breakdown] [--key-pairs 3] [--log-pairs 0] [--shadow-pairs 0] [--wrk "-t2 -c32 -d10s"] [--warmup 10] [--batch-rows 1000000] [--no-http] [--work DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."

# wrk drives the single-row load; curl (full duplex: it reads the answer while still sending) streams the batch.
missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "bench: installing ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
fi

dotnet build tools/bench/Scoring -c Release -nologo -clp:ErrorsOnly >&2
exec dotnet tools/bench/Scoring/bin/Release/net10.0/AutoMLPlatform.Bench.Scoring.dll \
  --datasets "$(cd ../shared/datasets && pwd)" --commit "$(git rev-parse --short HEAD)" "$@"
