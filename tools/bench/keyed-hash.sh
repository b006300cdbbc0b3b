#!/usr/bin/env bash
# Keyed-hash benchmark: the HMAC-SHA256 of one value, and what the keyed-hash step adds per predicted row (a model that
# reads an e-mail column as a keyed hash, through PredictionEngine, against its ML.NET part fed the hashes directly).
# Progress on stderr; the last stdout line is one JSON object.
# Usage (from the repository root): tools/bench/keyed-hash.sh [--seconds 2] [--rows 5000]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build tools/bench/KeyedHash -c Release -nologo -clp:ErrorsOnly >&2
exec dotnet tools/bench/KeyedHash/bin/Release/net10.0/AutoMLPlatform.Bench.KeyedHash.dll --commit "$(git rev-parse --short HEAD)" "$@"
