#!/usr/bin/env bash
# Load benchmark (scale-out): a throw-away PostgreSQL (tools/postgres.sh), one api process and N worker processes of the
# platform's binary; 500 small jobs (penguins, one trial each) submitted at once. Prints progress on stderr and one JSON
# line: jobs per minute, and that none was lost, failed, run twice or registered twice.
# Usage (from the repository root): tools/bench/load.sh [--jobs 500] [--workers 2] [--budget 5]; fanout.sh runs it in
# its --mode fanout. Later options override earlier ones.
set -euo pipefail
cd "$(dirname "$0")/../.."
pg=$(bash tools/postgres.sh start)
dotnet build src/AutoMLPlatform.Server -c Release -nologo -clp:ErrorsOnly >&2
dotnet build tools/bench/Load -c Release -nologo -clp:ErrorsOnly >&2
exec dotnet tools/bench/Load/bin/Release/net10.0/AutoMLPlatform.Bench.Load.dll \
  --server "$PWD/src/AutoMLPlatform.Server/bin/Release/net10.0/AutoMLPlatform.Server.dll" --postgres "$pg" \
  --csv "$PWD/samples/penguins/train.csv" --label species --commit "$(git rev-parse --short HEAD)" "$@"
