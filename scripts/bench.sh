#!/usr/bin/env bash
# Import benchmark: a generated responses CSV through the import service, next to psql \copy of the same file.
#
#   scripts/bench.sh            # 1,000,000 rows
#   scripts/bench.sh 200000     # another row count
#   scripts/bench.sh 1000000 --breakdown   # also times the file check and the parse alone (PreviewAsync)
#
# Starts (or reuses) a throwaway PostgreSQL cluster in .cxbridge/postgres-bench on 127.0.0.1:${CXBRIDGE_BENCH_PG_PORT:-5435}
# (fsync off, like the test cluster: fine for comparing the two loads, not for absolute numbers) and stops it on exit.
# The benchmark creates and drops its own database, cxbridge_bench. Exit code 0 when the target is met, 1 when not.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root="$PWD"
rows="${1:-1000000}"
shift || true
port="${CXBRIDGE_BENCH_PG_PORT:-5435}"
pg_dir="$root/.cxbridge/postgres-bench"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

# shellcheck source=scripts/postgres.sh
source "$root/scripts/postgres.sh"

trap 'cxb_pg_stop "$pg_dir" || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cxb_pg_ensure "$pg_dir" "$port" --test || { echo "bench.sh: could not start the benchmark database" >&2; exit 1; }
echo "bench.sh: throwaway cluster on 127.0.0.1:$port with fsync off: the numbers compare the two loads, they are not production figures"

dotnet run -c Release --project bench/CxBridge.Benchmarks -- --rows "$rows" \
    --connection "Host=127.0.0.1;Port=$port;Database=postgres;Username=cxbridge;Password=cxbridge" "$@"
