#!/usr/bin/env bash
# Local PostgreSQL clusters for CxBridge, kept in a folder of the project (.cxbridge/...).
#
# Sourced by scripts/run.sh and scripts/test.sh:
#   source scripts/postgres.sh
#   cxb_pg_ensure <folder> <port> [--test]   # initialise if needed, configure, start (or reuse), role + database
#   cxb_pg_stop   <folder>                   # stop the cluster if it runs (quiet; safe to call twice)
# After cxb_pg_ensure, CXB_PG_DIR holds the folder actually used (see the root note below).
#
# Or run directly:
#   scripts/postgres.sh start|stop|status [folder] [port]   (default: .cxbridge/postgres on ${CXBRIDGE_PG_PORT:-5433})
#   scripts/postgres.sh stop --all                          (the app cluster and the test cluster)
#
# Layout of a cluster folder: data/ (PGDATA), run/ (private unix socket), server.log.
# The server listens on 127.0.0.1:<port> only. Local socket connections are trusted (the socket folder is private
# to its owner); TCP logins need a password. The login role is cxbridge/cxbridge with CREATEDB, owning database
# cxbridge. `--test` makes it a throwaway cluster: fsync, synchronous_commit and full_page_writes off.
#
# initdb/postgres refuse to run as root: as root every server command runs as the `postgres` OS user
# (runuser -u postgres --) on a folder that user owns. When that user cannot reach the project folder (e.g. a
# clone under /root), the cluster lives in ${TMPDIR:-/tmp}/cxbridge-<hash of the folder path>-<name> instead.

# --- helpers ---------------------------------------------------------------------------------------------------------

_cxb_pg_say() { printf '[postgres] %s\n' "$*" >&2; }
_cxb_pg_err() { printf '[postgres] error: %s\n' "$*" >&2; }

_cxb_pg_is_root() { [[ "$(id -u)" == 0 ]]; }

# Runs a PostgreSQL server program as the right OS user, from a folder every user can enter.
_cxb_pg_as() {
    if _cxb_pg_is_root; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

_cxb_pg_hash() { printf '%s' "$1" | sha256sum | cut -c1-12; }

# Absolute, normalised form of a folder path, whether or not it exists yet.
_cxb_pg_abspath() { realpath -m -- "$1"; }

# Prints the folder to use for a requested cluster folder (the same one every time for the same request).
_cxb_pg_resolve_dir() {
    local want parent base fallback
    want="$(_cxb_pg_abspath "$1")"
    if ! _cxb_pg_is_root; then
        printf '%s' "$want"
        return 0
    fi
    parent="$(dirname "$want")"
    mkdir -p "$parent" || return 1
    if runuser -u postgres -- test -x "$parent" 2>/dev/null; then
        printf '%s' "$want"
        return 0
    fi
    base="${TMPDIR:-/tmp}"
    runuser -u postgres -- test -x "$base" 2>/dev/null || base=/tmp
    fallback="$base/cxbridge-$(_cxb_pg_hash "$want")-$(basename "$want")"
    printf '%s' "$fallback"
}

# Unix socket paths are limited to ~107 bytes; a deep project folder gets its socket folder under /tmp instead.
_cxb_pg_socket_dir() {
    local dir="$1" sock="$1/run"
    if (( ${#sock} > 90 )); then
        sock="/tmp/cxbridge-sock-$(_cxb_pg_hash "$dir")"
    fi
    printf '%s' "$sock"
}

_cxb_pg_need_tools() {
    local t missing=()
    for t in initdb pg_ctl postgres psql; do
        command -v "$t" >/dev/null 2>&1 || missing+=("$t")
    done
    if (( ${#missing[@]} )); then
        _cxb_pg_err "not on PATH: ${missing[*]}. Install the PostgreSQL 15+ server binaries (Debian: apt-get install postgresql; then put /usr/lib/postgresql/<version>/bin on PATH)."
        return 1
    fi
    if _cxb_pg_is_root; then
        if ! id -u postgres >/dev/null 2>&1; then
            _cxb_pg_err "running as root, but there is no 'postgres' OS user to run the server as (PostgreSQL refuses to run as root). Create one (useradd --system postgres) or run as an ordinary user."
            return 1
        fi
        command -v runuser >/dev/null 2>&1 || { _cxb_pg_err "running as root needs 'runuser' (util-linux)."; return 1; }
    fi
}

# Makes a folder owned by the server's OS user, mode 0700.
_cxb_pg_own_dir() {
    mkdir -p "$1" || return 1
    if _cxb_pg_is_root; then
        chown postgres:postgres "$1" || return 1
    fi
    chmod 700 "$1"
}

_cxb_pg_show_log() {
    local log="$1"
    if [[ -s "$log" ]]; then
        _cxb_pg_say "last lines of $log:"
        tail -n 25 "$log" | sed 's/^/    /' >&2
    fi
}

_cxb_pg_running() { _cxb_pg_as pg_ctl status -D "$1/data" >/dev/null 2>&1; }

_cxb_pg_running_port() { sed -n 4p "$1/data/postmaster.pid" 2>/dev/null; }

_cxb_pg_write_conf() {
    local dir="$1" port="$2" test="$3" sock="$4" conf="$1/data/cxbridge.conf"
    {
        echo "# Written by scripts/postgres.sh on every start; edit that script rather than this file."
        echo "listen_addresses = '127.0.0.1'"
        echo "port = $port"
        echo "unix_socket_directories = '$sock'"
        echo "max_connections = 200"
        echo "timezone = 'UTC'"
        echo "log_timezone = 'UTC'"
        echo "logging_collector = off"
        echo "log_line_prefix = '%m [%p] %q%u@%d '"
        if [[ "$test" == 1 ]]; then
            echo "# throwaway test cluster: durability off (never for real data)"
            echo "fsync = off"
            echo "synchronous_commit = off"
            echo "full_page_writes = off"
        else
            echo "fsync = on"
            echo "synchronous_commit = on"
            echo "full_page_writes = on"
        fi
    } >"$conf" || return 1
    if _cxb_pg_is_root; then chown postgres:postgres "$conf"; fi
    chmod 600 "$conf"
}

_cxb_pg_initdb() {
    local dir="$1" test="$2" locale=C out
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
    local args=(-D "$dir/data" -U postgres --encoding=UTF8 --locale="$locale"
                --auth-local=trust --auth-host=scram-sha-256 --no-instructions)
    [[ "$test" == 1 ]] && args+=(--no-sync)
    _cxb_pg_say "initialising a new cluster in $dir (locale $locale)"
    if ! out="$(_cxb_pg_as initdb "${args[@]}" 2>&1)"; then
        _cxb_pg_err "initdb failed:"
        printf '%s\n' "$out" | tail -n 25 | sed 's/^/    /' >&2
        return 1
    fi
    printf '%s\n' "$out" >"$dir/initdb.log" 2>/dev/null || true
    # Our settings live in cxbridge.conf, rewritten on every start.
    echo "include_if_exists = 'cxbridge.conf'" >>"$dir/data/postgresql.conf"
}

_cxb_pg_start() {
    local dir="$1" port="$2"
    local log="$dir/server.log"
    if [[ -e "$log" ]] && _cxb_pg_is_root; then chown postgres:postgres "$log"; fi
    if ! _cxb_pg_as pg_ctl -D "$dir/data" -l "$log" -w -t 60 start >/dev/null 2>&1; then
        _cxb_pg_err "the PostgreSQL server in $dir did not start (port $port)."
        _cxb_pg_show_log "$log"
        if tail -n 25 "$log" 2>/dev/null | grep -qi 'address already in use'; then
            _cxb_pg_err "port $port is taken by another program: choose another (CXBRIDGE_PG_PORT / CXBRIDGE_TEST_PG_PORT)."
        fi
        return 1
    fi
}

_cxb_pg_psql() {
    local sock="$1" port="$2"
    shift 2
    env -u PGSERVICE -u PGOPTIONS -u PGDATABASE -u PGUSER -u PGPASSWORD -u PGHOST -u PGPORT \
        PGSSLMODE=disable psql -X -q -v ON_ERROR_STOP=1 -h "$sock" -p "$port" -U postgres -d postgres "$@"
}

# --- public functions ------------------------------------------------------------------------------------------------

# cxb_pg_ensure <folder> <port> [--test]
cxb_pg_ensure() {
    local want="${1:?usage: cxb_pg_ensure <folder> <port> [--test]}" port="${2:?usage: cxb_pg_ensure <folder> <port> [--test]}"
    local test=0
    [[ "${3:-}" == "--test" ]] && test=1
    if ! [[ "$port" =~ ^[0-9]+$ ]] || (( port < 1024 || port > 65535 )); then
        _cxb_pg_err "port must be a number from 1024 to 65535, got '$port'."
        return 1
    fi
    _cxb_pg_need_tools || return 1

    local dir sock
    dir="$(_cxb_pg_resolve_dir "$want")" || { _cxb_pg_err "cannot prepare $want"; return 1; }
    if [[ "$dir" != "$(_cxb_pg_abspath "$want")" ]]; then
        _cxb_pg_say "the postgres OS user cannot reach $want; using $dir instead"
    fi
    # shellcheck disable=SC2034  # read by callers
    CXB_PG_DIR="$dir"
    sock="$(_cxb_pg_socket_dir "$dir")"

    if [[ -d "$dir/data" && ! -f "$dir/data/PG_VERSION" ]]; then
        _cxb_pg_err "$dir/data exists but is not a PostgreSQL data folder; remove it (rm -rf '$dir') and try again."
        return 1
    fi
    if [[ -f "$dir/data/PG_VERSION" ]] && _cxb_pg_is_root && [[ "$(stat -c %U "$dir/data")" != postgres ]]; then
        _cxb_pg_say "giving $dir to the postgres OS user"
        chown -R postgres:postgres "$dir" || return 1
    fi
    if [[ -f "$dir/data/PG_VERSION" ]] && ! _cxb_pg_is_root && [[ ! -O "$dir/data" ]]; then
        _cxb_pg_err "$dir/data belongs to $(stat -c %U "$dir/data"), not to you ($(id -un)); run as that user or remove the folder."
        return 1
    fi

    _cxb_pg_own_dir "$dir" || { _cxb_pg_err "cannot create $dir"; return 1; }
    _cxb_pg_own_dir "$sock" || { _cxb_pg_err "cannot create $sock"; return 1; }

    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        _cxb_pg_initdb "$dir" "$test" || return 1
    fi
    _cxb_pg_write_conf "$dir" "$port" "$test" "$sock" || { _cxb_pg_err "cannot write $dir/data/cxbridge.conf"; return 1; }

    if _cxb_pg_running "$dir"; then
        if [[ "$(_cxb_pg_running_port "$dir")" != "$port" ]]; then
            _cxb_pg_say "restarting the server in $dir to move it to port $port"
            _cxb_pg_as pg_ctl -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
            _cxb_pg_start "$dir" "$port" || return 1
        else
            _cxb_pg_as pg_ctl -D "$dir/data" reload >/dev/null 2>&1 || true
            _cxb_pg_say "reusing the server already running in $dir on 127.0.0.1:$port"
        fi
    else
        if ! _cxb_pg_start "$dir" "$port"; then
            if [[ "$test" == 1 ]]; then
                # A throwaway cluster holds nothing worth keeping: start over once.
                _cxb_pg_say "recreating the throwaway test cluster in $dir"
                _cxb_pg_as pg_ctl -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
                rm -rf "${dir:?}/data"
                _cxb_pg_initdb "$dir" "$test" || return 1
                _cxb_pg_write_conf "$dir" "$port" "$test" "$sock" || return 1
                _cxb_pg_start "$dir" "$port" || return 1
            else
                return 1
            fi
        fi
        _cxb_pg_say "started PostgreSQL on 127.0.0.1:$port (data in $dir, log in $dir/server.log)"
    fi

    local out
    if ! out="$(_cxb_pg_psql "$sock" "$port" 2>&1 <<'SQL'
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cxbridge') THEN
        CREATE ROLE cxbridge LOGIN CREATEDB PASSWORD 'cxbridge';
    ELSE
        ALTER ROLE cxbridge LOGIN CREATEDB PASSWORD 'cxbridge';
    END IF;
END
$$;
SELECT 'CREATE DATABASE cxbridge OWNER cxbridge ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'cxbridge') \gexec
SQL
    )"; then
        _cxb_pg_err "could not create the cxbridge role and database:"
        printf '%s\n' "$out" | sed 's/^/    /' >&2
        _cxb_pg_show_log "$dir/server.log"
        return 1
    fi
}

# cxb_pg_stop <folder>   (quiet unless something goes wrong)
cxb_pg_stop() {
    local want="${1:?usage: cxb_pg_stop <folder>}" dir
    dir="$(_cxb_pg_resolve_dir "$want")" || return 1
    [[ -f "$dir/data/PG_VERSION" ]] || return 0
    command -v pg_ctl >/dev/null 2>&1 || return 0
    _cxb_pg_running "$dir" || return 0
    if ! _cxb_pg_as pg_ctl -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1; then
        _cxb_pg_err "could not stop the server in $dir"
        _cxb_pg_show_log "$dir/server.log"
        return 1
    fi
}

# cxb_pg_status <folder>
cxb_pg_status() {
    local want="${1:?usage: cxb_pg_status <folder>}" dir
    dir="$(_cxb_pg_resolve_dir "$want")" || return 1
    if [[ ! -f "$dir/data/PG_VERSION" ]]; then
        echo "$dir: no cluster"
        return 3
    fi
    if _cxb_pg_running "$dir"; then
        echo "$dir: running on 127.0.0.1:$(_cxb_pg_running_port "$dir")"
    else
        echo "$dir: stopped"
        return 3
    fi
}

# --- command line ----------------------------------------------------------------------------------------------------

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -uo pipefail
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    cmd="${1:-}"
    if [[ "${2:-}" == "--all" ]]; then
        folders=("$root/.cxbridge/postgres" "$root/.cxbridge/postgres-test")
    else
        folders=("${2:-$root/.cxbridge/postgres}")
    fi
    port="${3:-${CXBRIDGE_PG_PORT:-5433}}"
    case "$cmd" in
        start)  cxb_pg_ensure "${folders[0]}" "$port" ;;
        stop)   rc=0; for f in "${folders[@]}"; do cxb_pg_stop "$f" || rc=1; done; exit "$rc" ;;
        status) rc=0; for f in "${folders[@]}"; do cxb_pg_status "$f" || rc=$?; done; exit "$rc" ;;
        *)
            echo "usage: scripts/postgres.sh start|stop|status [folder|--all] [port]" >&2
            echo "  default folder: .cxbridge/postgres, port \${CXBRIDGE_PG_PORT:-5433}; --all (stop/status) also covers .cxbridge/postgres-test" >&2
            exit 2 ;;
    esac
fi
