#!/usr/bin/env bash
# Starts a private PostgreSQL on loopback for the tests and prints its URL.
# Usage: .ci/start-postgres.sh [DIR] [PORT]
set -euo pipefail
dir=${1:-/tmp/centinela-pg}
port=${2:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$dir/PG_VERSION" ]; then
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres "$dir"
  run_as_postgres "$bin/initdb" -D "$dir" -U centinela --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! run_as_postgres "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  run_as_postgres "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
fi
echo "postgresql://centinela@127.0.0.1:$port/postgres"
