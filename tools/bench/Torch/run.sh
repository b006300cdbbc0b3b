#!/usr/bin/env bash
# Benchmark of the Torch trainers on the shared text and image sets (see docs/torch.md).
# Trains each set within its budget, prints test accuracy, ML.NET's FeaturizeText + SDCA baseline on the text sets,
# training samples/s, and PyTorch's samples/s on the same network and batch size (Debian's python3-torch, 2 threads,
# installed here if missing: a benchmark-only dependency). Progress goes to stderr; the last stdout line is one JSON object.
# usage: tools/bench/Torch/run.sh [--sets fine_foods,austen,fashion-mnist,digits] [--image-budget 120] [--text-budget 60] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/../../.."

if ! /usr/bin/python3 -c 'import torch, PIL, numpy' 2>/dev/null; then
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "bench: installing python3-torch for the PyTorch comparison" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-torch python3-pil python3-numpy >/dev/null
fi

dotnet build tools/bench/Torch -c Release -nologo -clp:ErrorsOnly >&2
dotnet tools/bench/Torch/bin/Release/net10.0/AutoMLPlatform.Bench.Torch.dll --pytorch --commit "$(git rev-parse --short HEAD)" "$@"
