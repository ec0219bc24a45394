#!/usr/bin/env bash
# Stops the PostgreSQL started by scripts/start-postgres.sh DIR (fast shutdown). Leaves DIR in place.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
  echo "usage: $0 DIR" >&2
  exit 2
fi
dir="$(cd "$1" && pwd)"
bin="${POSTGRES_BIN_DIR:-/usr/lib/postgresql/15/bin}"
if [ ! -e "$dir/data/postmaster.pid" ]; then
  exit 0 # not running
fi
as_db_user=()
if [ "$(id -u)" = 0 ]; then
  as_db_user=(runuser -u postgres --)
fi
"${as_db_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null
