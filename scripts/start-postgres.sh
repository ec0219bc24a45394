#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 under DIR (data in DIR/data, socket in DIR, log in DIR/log) on a free loopback
# port and prints its connection URL. As root, DIR is handed to the postgres user, because initdb refuses root.
# Usage: scripts/start-postgres.sh DIR      Stop it with: scripts/stop-postgres.sh DIR
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
mkdir -p "$1"
dir="$(cd "$1" && pwd)"
bin="${POSTGRES_BIN_DIR:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
  echo "PostgreSQL binaries not found in $bin (install postgresql-15 or set POSTGRES_BIN_DIR)" >&2
  exit 1
fi
if [ -e "$dir/data/PG_VERSION" ]; then
  echo "$dir/data already holds a database cluster; use a fresh DIR" >&2
  exit 1
fi

as_db_user=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  chmod 700 "$dir"
  as_db_user=(runuser -u postgres --)
fi

if ! "${as_db_user[@]}" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1; then
  echo "initdb failed:" >&2
  tail -n 20 "$dir/initdb.log" >&2
  exit 1
fi

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# A port found free can be taken before postgres binds it: try a few.
for attempt in 1 2 3; do
  port="$(free_port)"
  options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300"
  if "${as_db_user[@]}" "$bin/pg_ctl" -D "$dir/data" -o "$options" -l "$dir/log" -w -t 60 start >/dev/null 2>&1; then
    echo "$port" >"$dir/port"
    echo "postgresql://postgres@127.0.0.1:$port"
    exit 0
  fi
done
echo "PostgreSQL did not start; last lines of $dir/log:" >&2
tail -n 20 "$dir/log" >&2 || true
exit 1
