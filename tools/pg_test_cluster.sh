#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the test suite, on a Unix socket in a temporary folder.
#
#   tools/pg_test_cluster.sh run CMD [ARG...]
#       start a cluster, export QE_TEST_POSTGRES_URL, run CMD, then stop the cluster and
#       delete its folder whatever happens; exits with CMD's exit code.
#   tools/pg_test_cluster.sh --install run CMD [ARG...]
#       the same, installing PostgreSQL from Debian's packages first when it is missing.
#
# Examples:  tools/pg_test_cluster.sh run make test
#            tools/pg_test_cluster.sh run .venv/bin/python -m pytest tests/storage -k postgres
#
# initdb refuses to run as root: as root, the cluster runs as the `postgres` system user
# (created by Debian's package) and the tests connect through the socket with trust
# authentication; the socket lives in a folder only its owner (and root) can enter.
# When no cluster can be started, CMD still runs, without QE_TEST_POSTGRES_URL: the
# PostgreSQL tests then skip with a message, or fail when CI=true.
set -euo pipefail

INSTALL=0
if [[ "${1:-}" == "--install" ]]; then
    INSTALL=1
    shift
fi
if [[ "${1:-}" != "run" || $# -lt 2 ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
shift

say() { echo "pg_test_cluster: $*" >&2; }

find_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$dir" && -x "$dir/initdb" ]]; then
        echo "$dir"
    elif command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(command -v initdb)"
    fi
}

install_postgres() {
    if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
        say "PostgreSQL is missing and cannot be installed here (needs root and apt-get)"
        return 1
    fi
    say "installing PostgreSQL from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

PG_BIN=$(find_bin)
if [[ -z "$PG_BIN" && $INSTALL -eq 1 ]]; then
    install_postgres || true
    PG_BIN=$(find_bin)
fi

CLUSTER_DIR=""
AS_OWNER=()

stop_cluster() {
    if [[ -n "$CLUSTER_DIR" && -d "$CLUSTER_DIR" ]]; then
        if [[ -f "$CLUSTER_DIR/data/postmaster.pid" ]]; then
            "${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -m immediate -w stop \
                >/dev/null 2>&1 || true
        fi
        rm -rf "$CLUSTER_DIR"
    fi
}

start_cluster() {
    CLUSTER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/qe-pg.XXXXXX")
    if [[ $(id -u) -eq 0 ]]; then
        if ! id postgres >/dev/null 2>&1; then
            say "no 'postgres' system user to run the cluster as"
            return 1
        fi
        chown postgres: "$CLUSTER_DIR"
        AS_OWNER=(runuser -u postgres --)
    fi
    "${AS_OWNER[@]}" "$PG_BIN/initdb" -D "$CLUSTER_DIR/data" -U postgres -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync --no-instructions >"$CLUSTER_DIR/initdb.log" 2>&1 || {
        say "initdb failed:"; cat "$CLUSTER_DIR/initdb.log" >&2; return 1; }
    # No TCP at all; durability is useless for a throw-away cluster and slows the tests.
    "${AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$CLUSTER_DIR/data" -l "$CLUSTER_DIR/server.log" -w \
        -o "-k $CLUSTER_DIR -c listen_addresses= -c fsync=off -c synchronous_commit=off \
            -c full_page_writes=off -c max_connections=200" start >/dev/null || {
        say "the server did not start:"; cat "$CLUSTER_DIR/server.log" >&2; return 1; }
    "$PG_BIN/createdb" -h "$CLUSTER_DIR" -U postgres qe_test
    export QE_TEST_POSTGRES_URL="postgresql+psycopg://postgres@/qe_test?host=$CLUSTER_DIR"
    say "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on $CLUSTER_DIR"
}

trap stop_cluster EXIT
trap 'exit 130' INT TERM

if [[ -z "$PG_BIN" ]]; then
    say "PostgreSQL is not installed (try --install): its tests will not run"
elif ! start_cluster; then
    say "no PostgreSQL cluster: its tests will not run"
    stop_cluster
    CLUSTER_DIR=""
    unset QE_TEST_POSTGRES_URL
fi

status=0
"$@" || status=$?
exit "$status"
