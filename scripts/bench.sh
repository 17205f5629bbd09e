#!/usr/bin/env bash
# Benchmarks of the import service and the metric queries (bench/CxBridge.Benchmarks/README.md).
#
#   scripts/bench.sh                          # responses: 1,000,000 generated rows through the import service vs psql \copy
#   scripts/bench.sh 200000                   # responses, another row count
#   scripts/bench.sh 1000000 --breakdown      # responses, also times the file check and the parse alone (PreviewAsync)
#   scripts/bench.sh operational              # 100k customers, 2M orders, 1M tickets, 1M responses through the import service
#                                             # (rows/s, peak memory; \copy of orders and tickets for context), then all 13
#                                             # metrics at month grain over the 24 months ending last month, cold and warm
#   scripts/bench.sh operational --tickets 200000 --orders 400000 --explain 500   # other sizes; EXPLAIN ANALYZE >= 500 ms
#   scripts/bench.sh all [rows] [options]     # both suites, one after the other
#
# Starts (or reuses) a throwaway PostgreSQL cluster in .cxbridge/postgres-bench on 127.0.0.1:${CXBRIDGE_BENCH_PG_PORT:-5435}
# (fsync off, like the test cluster: fine for comparing loads, not for absolute numbers) and stops it on exit.
# Each suite creates and drops its own database, cxbridge_bench. Exit code 0 when the responses target is met and the
# operational suite checked out (every import took every row, every metric returned 24 points), 1 when not, 2 on bad usage.
set -uo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1
root="$PWD"
suite=responses
case "${1:-}" in
    responses|operational|all) suite="$1"; shift ;;
esac
rows=1000000
if [[ "${1:-}" =~ ^[0-9][0-9_,]*$ ]]; then
    rows="$1"
    shift
fi
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
echo "bench.sh: suite $suite; throwaway cluster on 127.0.0.1:$port with fsync off: the numbers compare loads, they are not production figures"

dotnet run -c Release --project bench/CxBridge.Benchmarks -- --suite "$suite" --rows "$rows" \
    --connection "Host=127.0.0.1;Port=$port;Database=postgres;Username=cxbridge;Password=cxbridge" "$@"
