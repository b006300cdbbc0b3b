#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for tests and local scale-out trials: installed with apt-get when
# missing, run as a non-root user (the `postgres` system user when called as root) on a free loopback port.
#   tools/postgres.sh start   starts it (if not running) and prints its connection string
#   tools/postgres.sh url     prints the connection string of the running cluster
#   tools/postgres.sh restart restarts the server (connections are cut): for fault tests
#   tools/postgres.sh stop    stops it and deletes its files
# State lives in $AUTOMLPLATFORM_PG_DIR (default /tmp/automlplatform-pg).
set -euo pipefail
dir=${AUTOMLPLATFORM_PG_DIR:-/tmp/automlplatform-pg}
user=amlp
password=amlp-test-only

bin_dir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

install() {
  [ -n "$(bin_dir)" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; else sudo=; fi
  echo "postgres.sh: installing postgresql" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
  # The Debian package starts a system cluster; ours is separate, so that one is left alone.
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(shuf -i 55432-55532); do
    if ! (exec 3<>/dev/tcp/127.0.0.1/$port) 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "postgres.sh: no free port in 55432-55532" >&2; return 1
}

url() {
  echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=$user;Password=$password;Database=postgres;Pooling=true;Maximum Pool Size=50"
}

running() { [ -f "$dir/port" ] && as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; }

start() {
  install
  if running; then url; return 0; fi
  rm -rf "$dir"; mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  local bin; bin=$(bin_dir)
  echo "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" --auth=scram-sha-256 -E UTF8 >"$dir/initdb.log" 2>&1
  # A free port can be taken (by any process's ephemeral port) before the server binds it: then try another.
  local attempt
  for attempt in 1 2 3 4 5; do
    free_port > "$dir/port"
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $(cat "$dir/port") -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
      url
      return 0
    fi
    grep -q "could not create any TCP/IP sockets" "$dir/server.log" || break
    echo "postgres.sh: port $(cat "$dir/port") was taken before the server bound it; trying another" >&2
  done
  echo "postgres.sh: pg_ctl could not start the server; see $dir/server.log" >&2
  return 1
}

restart() {
  # A real restart of the server (fast shutdown: connections are cut, as in a crash or failover).
  as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m fast -w restart >/dev/null
}

stop() {
  if [ -d "$dir/data" ]; then as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  url) running && url ;;
  stop) stop ;;
  restart) restart ;;
  *) echo "usage: tools/postgres.sh start|url|restart|stop" >&2; exit 2 ;;
esac
