#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests and benchmarks: Debian's postgresql, run as an
# unprivileged user on a loopback port in a temporary folder.
#
#   .ci/postgres.sh start [DIR]   prints the test URL (postgresql+psycopg://...) on stdout
#   .ci/postgres.sh stop  [DIR]   stops the cluster and removes DIR
#
# DIR defaults to $NEWSDESK_PG_DIR or /tmp/newsdesk-pg. Port: $NEWSDESK_PG_PORT or 54329.
# Needs root (to install the package and drop to the `postgres` or `nobody` user) or to be
# run as an ordinary user with PostgreSQL already installed.
set -euo pipefail
cmd="${1:-}"
dir="${2:-${NEWSDESK_PG_DIR:-/tmp/newsdesk-pg}}"
port="${NEWSDESK_PG_PORT:-54329}"
password="newsdesk-test"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] && [ "$(id -u)" -eq 0 ] && [ "$cmd" = start ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
    bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi
[ -n "$bindir" ] || { echo "postgres.sh: PostgreSQL is not installed" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        local user=postgres
        getent passwd postgres >/dev/null || user=nobody
        runuser -u "$user" -- "$@"
    else
        "$@"
    fi
}

case "$cmd" in
start)
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        mkdir -p "$dir"
        [ "$(id -u)" -eq 0 ] && chown "$(getent passwd postgres >/dev/null && echo postgres || echo nobody)" "$dir"
        pwfile="$dir/pw"
        as_owner bash -c "umask 077; echo '$password' > '$pwfile'"
        as_owner "$bindir/initdb" -D "$dir/data" -U newsdesk --pwfile="$pwfile" \
            -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >&2
        as_owner rm -f "$pwfile"
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        # fsync off: a throwaway cluster; a crash loses nothing anyone needs
        as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o \
            "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" \
            start >&2
    fi
    echo "postgresql+psycopg://newsdesk:$password@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast stop >&2 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop [DIR]" >&2
    exit 2
    ;;
esac
