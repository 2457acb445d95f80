#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on the loopback interface for the tests
# and print its URL on standard output (the last line).
#
#   bash scripts/start_postgres.sh      # -> postgresql://postgres@127.0.0.1:55432/extractor_test
#
# Installs PostgreSQL from the Debian packages when it is missing (as root:
# apt-get update && apt-get install -y postgresql), creates a cluster in
# $EXTRACTOR_PG_DIR owned by the postgres user (we may run as root; the
# server may not), starts it on 127.0.0.1:$EXTRACTOR_PG_PORT with trust
# authentication for local test use only, and creates the database.
# Idempotent and quick when the server already runs.  Stop it with:
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" -D /tmp/extractor-postgres stop
set -euo pipefail

PORT="${EXTRACTOR_PG_PORT:-55432}"
DATA="${EXTRACTOR_PG_DIR:-/tmp/extractor-postgres}"
DB="${EXTRACTOR_PG_DB:-extractor_test}"
LOCK="${DATA%/}.lock"

say() { echo "start_postgres: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
}

exec 9>"$LOCK"
flock 9   # one starter at a time (parallel test runs)

BIN=$(find_bin)
if [ -z "$BIN" ]; then
  say "PostgreSQL is not installed; installing it from the Debian packages"
  if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo -n); else
    say "need root (or sudo) to install postgresql"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q >&2
  "${SUDO[@]}" apt-get install -y -q postgresql >&2
  BIN=$(find_bin)
  [ -n "$BIN" ] || { say "postgresql installed but initdb not found"; exit 1; }
fi

# The server refuses to run as root: run it as the postgres user when we are root.
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  as_server() { runuser -u postgres -- "$@"; }
else
  as_server() { "$@"; }
fi

if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -s "$DATA/PG_VERSION" ]; then
    say "creating a cluster in $DATA"
    rm -rf "$DATA"
    mkdir -p "$DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    as_server "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >&2 \
      || as_server "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-sync >&2
  fi
  say "starting the server on 127.0.0.1:$PORT"
  # 9>&-: the server must not inherit the lock, nor our standard output
  as_server "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DATA" start </dev/null >&2 9>&- \
    || { say "the server did not start; its log:"; tail -n 30 "$DATA/server.log" >&2; exit 1; }
fi

if [ "$("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != "1" ]; then
  "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres "$DB"
fi

echo "postgresql://postgres@127.0.0.1:$PORT/$DB"
