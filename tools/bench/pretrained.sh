#!/usr/bin/env bash
# Pretrained benchmark: the sentence encoder's load time and texts/s (all cores, one core), then single-row prediction
# latency (p50, p99) and rows/s on one thread of a fine_foods review model trained on sentence embeddings only, read
# back from its package as scoring reads it. Every predicted review is distinct (no cache hits). In process: the
# encoder's milliseconds dwarf the HTTP path's tens of microseconds (docs/scoring.md), so HTTP would not change them.
# Progress on stderr; the last stdout line is one JSON object.
# Usage (from the repository root): tools/bench/pretrained.sh [--train-rows 1000] [--predictions 300] [--encode-texts 200]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tools/bench/Pretrained -c Release -nologo -clp:ErrorsOnly >&2
exec dotnet tools/bench/Pretrained/bin/Release/net10.0/AutoMLPlatform.Bench.Pretrained.dll \
  --data "${AUTOMLPLATFORM_SHARED_DATASETS:-../shared/datasets}/fine_foods" --commit "$(git rev-parse --short HEAD)" "$@"
