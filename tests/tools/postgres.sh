#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for the tests, in a folder of its own, on a free loopback port, with a random
# password. .ci/run starts one for the whole run; the tests start their own when KURIL_TEST_POSTGRES is not set.
#
#   tests/tools/postgres.sh start DIR   prints the server's Npgsql connection string (database "postgres")
#   tests/tools/postgres.sh stop DIR
set -euo pipefail

bin=${POSTGRES_BIN:-/usr/lib/postgresql/15/bin}
command=${1:?start or stop}
dir=${2:?the server folder}

if [ ! -x "$bin/initdb" ]; then
  echo "postgres.sh: no PostgreSQL server in $bin: install Debian's postgresql-15 (apt-get install -y postgresql-15), or set KURIL_TEST_POSTGRES to a server's connection string" >&2
  exit 3
fi

# initdb and pg_ctl refuse to run as root: as root, run them as an unprivileged user.
run=()
owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
  run=(runuser -u "$owner" --)
fi

case "$command" in
  start)
    mkdir -p "$dir"
    chown "$owner" "$dir"
    chmod 700 "$dir"
    password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
    printf '%s\n' "$password" >"$dir/password"
    chown "$owner" "$dir/password"
    "${run[@]}" "$bin/initdb" -D "$dir/data" -U kuril --auth=scram-sha-256 --pwfile="$dir/password" -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/password"
    # A port nobody listens on; if another server takes it first, the next try picks another.
    for attempt in 1 2 3 4 5; do
      port=$((20000 + RANDOM % 40000))
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then continue; fi
      if "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off" \
        start >/dev/null; then
        echo "Host=127.0.0.1;Port=$port;Username=kuril;Password=$password;Database=postgres"
        exit 0
      fi
    done
    echo "postgres.sh: the server did not start; its log:" >&2
    cat "$dir/server.log" >&2 || true
    exit 1
    ;;
  stop)
    if [ -d "$dir/data" ]; then "${run[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    ;;
  *)
    echo "postgres.sh: start DIR or stop DIR" >&2
    exit 2
    ;;
esac
