#!/usr/bin/env bash
# Runs every CxBridge test: unit (Metrics), integration (Data, Web) and browser (Browser) tests.
#
#   scripts/test.sh                      # all test projects
#   scripts/test.sh Web                  # one project (Metrics, Data, Web, Browser or a folder under tests/)
#   scripts/test.sh --filter Name~Nps    # anything else is passed to `dotnet test`
#   CXBRIDGE_TEST_PROJECTS=Metrics,Data scripts/test.sh
#
# Starts a throwaway PostgreSQL cluster in .cxbridge/postgres-test on 127.0.0.1:${CXBRIDGE_TEST_PG_PORT:-5434}
# (fsync off) and stops it on exit; tests create and drop their own databases through
# CXBRIDGE_TEST_ADMIN_CONNECTION (set that variable yourself to use another server instead).
# Browser tests need Chromium (/usr/bin/chromium): installed with apt-get when running as root.
# Results: .cxbridge/test-results/<project>.trx. The last line of output is "N passed, N failed" (all projects);
# the exit code is non-zero when a test failed, a project did not run cleanly, or no test ran at all.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root="$PWD"
results="$root/.cxbridge/test-results"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"

test_pg_dir="$root/.cxbridge/postgres-test"
test_pg_port="${CXBRIDGE_TEST_PG_PORT:-5434}"
own_cluster=0

say() { printf 'test.sh: %s\n' "$*"; }

stop_cluster() {
    if [[ "$own_cluster" == 1 ]]; then
        own_cluster=0
        cxb_pg_stop "$test_pg_dir" || true
    fi
}

stop_build_servers() {
    # In CI nothing may outlive the run (MSBuild nodes, the compiler server).
    if [[ -n "${CI:-}" ]]; then dotnet build-server shutdown >/dev/null 2>&1 || true; fi
}

# Ends the run: stops what we started and prints the summary as the very last line.
finish() {
    local passed="$1" failed="$2" code="$3"
    stop_cluster
    stop_build_servers
    printf '%s passed, %s failed\n' "$passed" "$failed"
    exit "$code"
}

trap 'stop_cluster' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- which projects ------------------------------------------------------------------------------------------------

selection="${CXBRIDGE_TEST_PROJECTS:-}"
if [[ $# -gt 0 && "$1" != -* ]]; then
    selection="$1"
    shift
fi

ordered=()
for short in Metrics Data Web Browser; do
    [[ -d "tests/CxBridge.$short.Tests" ]] && ordered+=("tests/CxBridge.$short.Tests")
done
for d in tests/*/; do
    d="${d%/}"
    [[ " ${ordered[*]} " == *" $d "* ]] && continue
    compgen -G "$d/*.csproj" >/dev/null && ordered+=("$d")
done

projects=()
if [[ -z "$selection" ]]; then
    projects=("${ordered[@]}")
else
    IFS=',' read -r -a wanted <<<"$selection"
    for w in "${wanted[@]}"; do
        w="${w#tests/}"; w="${w%/}"
        match=""
        for d in "${ordered[@]}"; do
            name="${d#tests/}"
            if [[ "$name" == "$w" || "$name" == "CxBridge.$w.Tests" || "${name,,}" == "cxbridge.${w,,}.tests" ]]; then
                match="$d"
            fi
        done
        if [[ -z "$match" ]]; then
            say "no test project '$w' (have: ${ordered[*]#tests/})" >&2
            finish 0 0 2
        fi
        projects+=("$match")
    done
fi
if [[ ${#projects[@]} -eq 0 ]]; then
    say "no test projects under tests/" >&2
    finish 0 0 1
fi

needs_browser=0
for d in "${projects[@]}"; do [[ "$d" == *Browser* ]] && needs_browser=1; done

# --- prerequisites -------------------------------------------------------------------------------------------------

if ! command -v dotnet >/dev/null 2>&1; then
    say "the .NET 10 SDK (dotnet) is not on PATH: https://dot.net/download" >&2
    finish 0 0 1
fi

find_chromium() {
    if [[ -x /usr/bin/chromium ]]; then echo /usr/bin/chromium; return 0; fi
    command -v chromium 2>/dev/null
}

if [[ "$needs_browser" == 1 ]]; then
    if ! chromium_path="$(find_chromium)"; then
        if [[ "$(id -u)" == 0 ]]; then
            mkdir -p "$root/.cxbridge"
            apt_log="$root/.cxbridge/chromium-install.log"
            say "installing Chromium for the browser tests (apt-get; log in .cxbridge/chromium-install.log)"
            if ! { DEBIAN_FRONTEND=noninteractive apt-get update \
                   && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; } \
                   >"$apt_log" 2>&1 </dev/null; then
                say "installing Chromium failed; last lines of $apt_log:" >&2
                tail -n 20 "$apt_log" | sed 's/^/    /' >&2
                finish 0 0 1
            fi
            chromium_path="$(find_chromium)" || { say "Chromium installed but not found on PATH" >&2; finish 0 0 1; }
        else
            say "the browser tests need Chromium, which is not installed. Install it with:" >&2
            say "    sudo apt-get update && sudo apt-get install -y chromium" >&2
            say "or run the other projects only, e.g. scripts/test.sh Metrics,Data,Web" >&2
            finish 0 0 1
        fi
    fi
    export CXBRIDGE_CHROMIUM="${CXBRIDGE_CHROMIUM:-$chromium_path}"
fi

# --- database ------------------------------------------------------------------------------------------------------

if [[ -n "${CXBRIDGE_TEST_ADMIN_CONNECTION:-}" ]]; then
    say "using the configured CXBRIDGE_TEST_ADMIN_CONNECTION"
else
    own_cluster=1
    if ! cxb_pg_ensure "$test_pg_dir" "$test_pg_port" --test; then
        say "could not start the test database" >&2
        finish 0 0 1
    fi
    export CXBRIDGE_TEST_ADMIN_CONNECTION="Host=127.0.0.1;Port=$test_pg_port;Database=postgres;Username=cxbridge;Password=cxbridge"
fi

# --- build once, then each project ---------------------------------------------------------------------------------

say "building CxBridge.sln (Release)"
if ! dotnet build CxBridge.sln -c Release; then
    say "the build failed; no tests ran" >&2
    finish 0 0 1
fi

rm -rf "$results"
mkdir -p "$results"

hang_timeout="${CXBRIDGE_TEST_HANG_TIMEOUT:-20m}"
declare -A exit_codes=()
for d in "${projects[@]}"; do
    name="${d#tests/}"
    csproj="$(compgen -G "$d/*.csproj" | head -n 1)"
    say "running $name"
    dotnet test "$csproj" --no-build -c Release \
        --logger "trx;LogFileName=$name.trx" --results-directory "$results" \
        --blame-hang-timeout "$hang_timeout" --blame-hang-dump-type none \
        "$@"
    exit_codes[$name]=$?
done

# --- summary -------------------------------------------------------------------------------------------------------

attr() { # attr <name> <element text>: the number in name="..." (0 when absent)
    local v
    v="$(printf '%s' "$2" | sed -n "s/.*[[:space:]]$1=\"\([0-9]*\)\".*/\1/p")"
    echo "${v:-0}"
}

total_passed=0 total_failed=0 total_executed=0 trx_count=0 bad=0
echo
for d in "${projects[@]}"; do
    name="${d#tests/}"
    trx="$results/$name.trx"
    code="${exit_codes[$name]}"
    if [[ -f "$trx" ]]; then
        counters="$(tr -d '\r\n' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1)"
        p="$(attr passed "$counters")"
        f=$(( $(attr failed "$counters") + $(attr error "$counters") + $(attr timeout "$counters") + $(attr aborted "$counters") ))
        e="$(attr executed "$counters")"
        t="$(attr total "$counters")"
        trx_count=$((trx_count + 1))
        total_passed=$((total_passed + p)); total_failed=$((total_failed + f)); total_executed=$((total_executed + e))
        note=""
        (( t > e )) && note=", $((t - e)) not run"
        [[ "$code" != 0 ]] && note="$note, dotnet test exit code $code"
        say "$name: $p passed, $f failed$note"
        (( f > 0 )) && bad=1
    else
        say "$name: no results (dotnet test exit code $code)"
    fi
    [[ "$code" != 0 ]] && bad=1
done

if (( trx_count == 0 )); then
    say "no test results were produced" >&2
    bad=1
elif (( total_executed == 0 )); then
    say "no test ran" >&2
    bad=1
fi
say "results in .cxbridge/test-results/"

finish "$total_passed" "$total_failed" "$bad"
