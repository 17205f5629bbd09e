#!/usr/bin/env bash
# Runs CxBridge on http://127.0.0.1:${CXBRIDGE_PORT:-5080}.
#
# Without a configured connection string (ConnectionStrings__CxBridge) it first starts (or reuses) a local
# PostgreSQL cluster in .cxbridge/postgres on 127.0.0.1:${CXBRIDGE_PG_PORT:-5433} and asks the app to load the demo
# data into an empty database. The app applies its migrations at startup. Data is kept between runs; stop the
# cluster with `scripts/postgres.sh stop`, remove .cxbridge/postgres to start from scratch.
#
# Extra arguments are passed to the app (ASP.NET Core command-line configuration, e.g. --CxBridge:TimeZone=Europe/Paris).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"

export DOTNET_CLI_TELEMETRY_OPTOUT="${DOTNET_CLI_TELEMETRY_OPTOUT:-1}"
export DOTNET_NOLOGO="${DOTNET_NOLOGO:-1}"

if ! command -v dotnet >/dev/null 2>&1; then
    echo "run.sh: the .NET 10 SDK (dotnet) is not on PATH: https://dot.net/download" >&2
    exit 1
fi

app_port="${CXBRIDGE_PORT:-5080}"

if [[ -z "${ConnectionStrings__CxBridge:-}" ]]; then
    pg_port="${CXBRIDGE_PG_PORT:-5433}"
    # shellcheck source=scripts/postgres.sh
    source "$root/scripts/postgres.sh"
    cxb_pg_ensure "$root/.cxbridge/postgres" "$pg_port"
    export ConnectionStrings__CxBridge="Host=127.0.0.1;Port=$pg_port;Database=cxbridge;Username=cxbridge;Password=cxbridge"
    export CxBridge__DemoData__LoadWhenEmpty="${CxBridge__DemoData__LoadWhenEmpty:-true}"
    echo "run.sh: database cxbridge on 127.0.0.1:$pg_port (local cluster, stop it with scripts/postgres.sh stop)" >&2
else
    echo "run.sh: using the configured ConnectionStrings__CxBridge" >&2
fi

echo "run.sh: building and starting CxBridge on http://127.0.0.1:$app_port (Ctrl+C to stop)" >&2
exec dotnet run --project src/CxBridge.Web -c Release -- --urls "http://127.0.0.1:$app_port" "$@"
