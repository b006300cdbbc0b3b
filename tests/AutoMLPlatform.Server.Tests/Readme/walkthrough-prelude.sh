# Sourced by ReadmeWalkthroughTests before the README's own commands, which then run unchanged in the same shell.
# It records what every command answered, so the test can hold each answer to what the README says:
#   curl    runs the real curl with -sS and the answer's status captured; the body still goes to stdout (the README pipes
#           it into python3). Each call leaves NNN.args (NUL-separated), NNN.status and NNN.body in $WALKTHROUGH_CALLS.
#           A status outside 2xx, or curl's own failure, is recorded in $WALKTHROUGH_CALLS/failures and fails the call.
#           A GET of a job or of a pipeline run is repeated while its status is queued or running, as a reader watches
#           it by running the command again (the README says "watch it"); the last answer is the one recorded.
#   dotnet  runs the real dotnet (the README's CLI commands); NNN.args, NNN.exit, NNN.stdout, NNN.stderr.
#   serve   starts a README command that runs a server in the background (its port is the test's) and waits for
#           /alive; the test kills the process tree whose pid is in $WALKTHROUGH_CALLS/pids.
#   last_id prints the "id" of the previous curl answer (the README's KEY_ID placeholder).
set -euo pipefail
shopt -s expand_aliases # a reader's interactive shell expands the README's `alias automl=...`; a script only with this

walkthrough_seq() { # a sortable, unique name for the next record (subshells cannot share a counter variable)
  local n
  n=$(( $(cat "$WALKTHROUGH_CALLS/seq" 2>/dev/null || echo 0) + 1 ))
  echo "$n" > "$WALKTHROUGH_CALLS/seq"
  printf '%04d' "$n"
}

walkthrough_fail() { # <record> <message>; the message never shows a key
  local message
  message=$(printf '%s' "$2" | sed -E 's/(Bearer|X-Api-Key:) [^ ]+/\1 ***/g')
  echo "$1 $message" >> "$WALKTHROUGH_CALLS/failures"
  echo "walkthrough: $message" >&2
}

walkthrough_watched() { # <args...>: a plain GET of /api/jobs/{id} or /api/pipelines/{name}/runs/{id}
  local arg
  for arg in "$@"; do
    case "$arg" in -X|-d|-F|--data*|--form*) return 1 ;; esac
  done
  for arg in "$@"; do
    case "$arg" in http://*/api/jobs/?*|http://*/api/pipelines/*/runs/?*) return 0 ;; esac
  done
  return 1
}

curl() {
  local id body status deadline
  id=$(walkthrough_seq)
  body="$WALKTHROUGH_CALLS/$id.body"
  printf '%s\0' "$@" > "$WALKTHROUGH_CALLS/$id.args"
  deadline=$(( $(date +%s) + WALKTHROUGH_WATCH_SECONDS ))
  while true; do
    if ! status=$(command curl -sS -o "$body" -w '%{http_code}' "$@"); then
      walkthrough_fail "$id" "curl failed: curl $*"
      return 1
    fi
    walkthrough_watched "$@" || break
    python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])).get("status") not in ("queued", "running"))' "$body" 2>/dev/null || break
    if [ "$(date +%s)" -ge "$deadline" ]; then
      walkthrough_fail "$id" "still queued or running after ${WALKTHROUGH_WATCH_SECONDS}s: curl $*"
      return 1
    fi
    sleep 1
  done
  echo "$status" > "$WALKTHROUGH_CALLS/$id.status"
  cp "$body" "$WALKTHROUGH_CALLS/last.body"
  cat "$body"
  case "$status" in
    2??) ;;
    *) walkthrough_fail "$id" "HTTP $status from curl $*: $(head -c 600 "$body")"; return 22 ;;
  esac
}

dotnet() {
  local id status=0
  id=$(walkthrough_seq)
  printf '%s\0' "$@" > "$WALKTHROUGH_CALLS/$id.args"
  command dotnet "$@" > "$WALKTHROUGH_CALLS/$id.stdout" 2> "$WALKTHROUGH_CALLS/$id.stderr" || status=$?
  echo "$status" > "$WALKTHROUGH_CALLS/$id.exit"
  cat "$WALKTHROUGH_CALLS/$id.stdout"
  if [ "$status" -ne 0 ]; then
    walkthrough_fail "$id" "exit $status from dotnet $*: $(tail -c 600 "$WALKTHROUGH_CALLS/$id.stderr")"
    return "$status"
  fi
}

serve() { # <port> <command...>
  local port=$1 pid deadline
  shift
  ASPNETCORE_URLS="http://127.0.0.1:$port" command "$@" > "$WALKTHROUGH_CALLS/serve-$port.log" 2>&1 &
  pid=$!
  echo "$pid" >> "$WALKTHROUGH_CALLS/pids"
  deadline=$(( $(date +%s) + WALKTHROUGH_START_SECONDS ))
  until command curl -s -o /dev/null "http://127.0.0.1:$port/alive"; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$(date +%s)" -ge "$deadline" ]; then
      walkthrough_fail serve "$* did not answer on port $port: $(tail -c 600 "$WALKTHROUGH_CALLS/serve-$port.log")"
      return 1
    fi
    sleep 1
  done
}

last_id() {
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$WALKTHROUGH_CALLS/last.body"
}
