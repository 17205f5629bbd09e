// Import benchmark (see README.md): a generated responses CSV through ImportService, next to psql \copy of the same file.
// dotnet run -c Release --project bench/CxBridge.Benchmarks -- --rows 1000000 --connection "<admin connection>" [--breakdown]
using System.Diagnostics;
using System.Globalization;
using CxBridge.Benchmarks;
using CxBridge.Data;
using CxBridge.Data.Imports;
using CxBridge.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

const string Database = "cxbridge_bench";
const double TargetRatio = 0.70;
const long TargetBytes = 300L * 1024 * 1024;

var rows = 1_000_000;
var breakdown = false;
var admin = Environment.GetEnvironmentVariable("CXBRIDGE_BENCH_ADMIN_CONNECTION");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" when i + 1 < args.Length: rows = int.Parse(args[++i], NumberStyles.AllowThousands, CultureInfo.InvariantCulture); break;
        case "--connection" when i + 1 < args.Length: admin = args[++i]; break;
        case "--breakdown": breakdown = true; break;
        default:
            Console.Error.WriteLine("usage: CxBridge.Benchmarks --rows <n> --connection \"<npgsql connection string to an admin database>\" [--breakdown]");
            return 2;
    }
}
if (admin is null || rows <= 0)
{
    Console.Error.WriteLine("bench: --connection (or CXBRIDGE_BENCH_ADMIN_CONNECTION) and --rows > 0 are required");
    return 2;
}

var bench = new NpgsqlConnectionStringBuilder(admin) { Database = Database };
var csvPath = Path.Combine(Path.GetTempPath(), $"cxbridge-bench-{Environment.ProcessId}.csv");
using var spans = new Spans();
try
{
    Say($"creating database {Database} on {bench.Host}:{bench.Port}");
    await DropDatabaseAsync();
    await AdminAsync($"CREATE DATABASE {Database}");
    await using var dataSource = NpgsqlDataSource.Create(bench.ConnectionString);
    await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    // After the import commits, autovacuum would work on the million new rows while --breakdown measures.
    await ExecuteAsync(dataSource, "ALTER TABLE survey_responses SET (autovacuum_enabled = false)");

    Say($"generating {rows:N0} rows into {csvPath}");
    var watch = Stopwatch.StartNew();
    ResponsesCsv.Write(csvPath, rows);
    var sizeMb = new FileInfo(csvPath).Length / 1024.0 / 1024.0;
    Say($"generated {sizeMb:N1} MB in {watch.Elapsed.TotalSeconds:N1} s");

    // Baseline: psql \copy of the same file into a bare all-text table (no constraints, no indexes).
    Say("psql \\copy into a bare table");
    await ExecuteAsync(dataSource, $"CREATE TABLE bare ({string.Join(", ", ResponsesCsv.Header.Split(',').Select(c => c + " text"))})");
    var copySeconds = await PsqlCopyAsync("bare", csvPath);
    await CheckCountAsync(dataSource, "bare", rows);
    await ExecuteAsync(dataSource, "DROP TABLE bare"); // at once, so autovacuum does not work on it during the import

    // The import service, in this process; memory is measured over the import only.
    var service = new ImportService(dataSource, Options.Create(new CxBridgeSettings()), TimeProvider.System, NullLogger<ImportService>.Instance);
    var request = new ImportRequest("responses", "bench.csv", csvPath, new ImportOptions());
    GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    var hwmReset = Memory.TryResetPeakRss();
    var before = Memory.Sample();
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    Say($"import service (mode strict); working set before {Mb(before.WorkingSet)}, managed heap {Mb(before.Managed)}");
    using var sampler = new Memory.Sampler(TimeSpan.FromMilliseconds(50));
    spans.Clear();
    watch.Restart();
    var report = await service.ImportAsync(request);
    var importSeconds = watch.Elapsed.TotalSeconds;
    sampler.Stop();
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var vmHwm = Memory.ReadVmHwm();
    if (report.Status != "imported" || report.RowsImported != rows)
    {
        throw new InvalidOperationException($"the import did not take every row: status {report.Status}, {report.RowsImported:N0} imported, {report.RowsRejected:N0} rejected; {report.Message}");
    }
    var peak = hwmReset && vmHwm is { } hwm ? Math.Max(hwm, sampler.PeakWorkingSet) : sampler.PeakWorkingSet;
    // The service's two steps, as traced by Npgsql: the binary COPY into the staging table, then the statement(s) reading it.
    var stagingSeconds = spans.Seconds(sql => sql.StartsWith("COPY import_staging", StringComparison.OrdinalIgnoreCase));
    var mergeSeconds = spans.Seconds(sql => sql.Contains("FROM import_staging", StringComparison.OrdinalIgnoreCase));

    var ratio = copySeconds / importSeconds;
    var met = ratio >= TargetRatio && peak < TargetBytes;
    Console.WriteLine();
    Console.WriteLine($"rows                     {rows:N0} ({sizeMb:N1} MB CSV)");
    Console.WriteLine($"psql \\copy (bare table)  {copySeconds,6:N1} s  {rows / copySeconds,9:N0} rows/s");
    Console.WriteLine($"import service           {importSeconds,6:N1} s  {rows / importSeconds,9:N0} rows/s   ({ratio:N2}x \\copy)");
    Console.WriteLine($"  parse + binary COPY    {stagingSeconds,6:N1} s   (file read, validated, streamed into the temp staging table)");
    Console.WriteLine($"  merge statement        {mergeSeconds,6:N1} s   (staging -> survey_responses: INSERT ... SELECT FROM import_staging ON CONFLICT ...)");
    Console.WriteLine($"  rest                   {importSeconds - stagingSeconds - mergeSeconds,6:N1} s   (file check: SHA-256 + UTF-8 scan; batch row; commit)");
    if (breakdown)
    {
        watch.Restart();
        await UploadedFile.InspectAsync(csvPath, null);
        Console.WriteLine($"  file check alone       {watch.Elapsed.TotalSeconds,6:N1} s   (UploadedFile.InspectAsync)");
        watch.Restart();
        var preview = await service.PreviewAsync(request);
        Console.WriteLine($"  parse alone            {watch.Elapsed.TotalSeconds,6:N1} s   (PreviewAsync: file check, parse, validate; nothing written; {preview.Report.RowsRead:N0} rows)");
        // What the database itself costs: \copy into a table keyed, indexed and constrained like survey_responses.
        await ExecuteAsync(dataSource, $"""
            CREATE TABLE indexed (
                id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                batch_id bigint NOT NULL DEFAULT {report.BatchId} REFERENCES import_batches (id),
                response_id text, survey text NOT NULL CHECK (survey IN ('nps', 'csat', 'ces', 'enps', 'psat')),
                score double precision NOT NULL, responded_at timestamptz NOT NULL, customer_id text, comment text,
                channel text, touchpoint text, region text, product text, segment text, agent text);
            CREATE UNIQUE INDEX ON indexed (survey, response_id) WHERE response_id IS NOT NULL;
            CREATE INDEX ON indexed (survey, responded_at)
            """);
        var indexedSeconds = await PsqlCopyAsync($"indexed ({ResponsesCsv.Header})", csvPath);
        await CheckCountAsync(dataSource, "indexed", rows);
        await ExecuteAsync(dataSource, "DROP TABLE indexed");
        Console.WriteLine($"psql \\copy (indexed)     {indexedSeconds,6:N1} s  {rows / indexedSeconds,9:N0} rows/s   (a table with survey_responses' PK, unique and time indexes, FK, checks; service = {indexedSeconds / importSeconds:N2}x this)");
    }
    Console.WriteLine($"peak memory (import)     {Mb(peak)}   (working set sampled every 50 ms: {Mb(sampler.PeakWorkingSet)}; VmHWM {(hwmReset ? "reset before the import" : "not resettable, so it includes the generation")}: {(vmHwm is { } v ? Mb(v) : "n/a")})");
    Console.WriteLine($"managed heap peak        {Mb(sampler.PeakManaged)}   (allocated during the import: {Mb(allocated)}; GC: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")})");
    Console.WriteLine($"target                   >= {TargetRatio:N2}x \\copy, < {Mb(TargetBytes)} : {(met ? "MET" : "NOT MET")}"
                      + (met ? "" : $" ({(ratio >= TargetRatio ? "rate ok" : "rate too low")}, {(peak < TargetBytes ? "memory ok" : "memory too high")})"));
    if (await ScalarAsync(dataSource, "SHOW fsync") is "off")
    {
        Console.WriteLine("note                     fsync is off on this server (a throwaway test cluster): the figures compare the two loads, they are not production numbers");
    }
    return met ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    try { await DropDatabaseAsync(); }
    catch (Exception ex) { Say($"could not drop {Database}: {ex.Message}"); }
    File.Delete(csvPath);
}

async Task AdminAsync(string sql)
{
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

// FORCE ends other sessions, but a role without pg_signal_backend may not end an autovacuum worker (42501);
// a plain DROP DATABASE stops autovacuum itself.
async Task DropDatabaseAsync()
{
    try { await AdminAsync($"DROP DATABASE IF EXISTS {Database} WITH (FORCE)"); }
    catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege) { await AdminAsync($"DROP DATABASE IF EXISTS {Database}"); }
}

// Runs psql \copy <target> FROM '<file>' as a child process; returns the seconds it took.
async Task<double> PsqlCopyAsync(string target, string path)
{
    var start = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
    foreach (var arg in (string[])["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", bench.Host!, "-p", bench.Port.ToString(CultureInfo.InvariantCulture),
                 "-U", bench.Username!, "-d", Database, "-c", $"\\copy {target} FROM '{path.Replace("'", "''")}' WITH (FORMAT csv, HEADER true)"])
    {
        start.ArgumentList.Add(arg);
    }
    start.Environment["PGPASSWORD"] = bench.Password;
    start.Environment["PGCLIENTENCODING"] = "UTF8";
    var watch = Stopwatch.StartNew();
    using var psql = Process.Start(start) ?? throw new InvalidOperationException("could not start psql");
    var stderr = psql.StandardError.ReadToEndAsync();
    await psql.StandardOutput.ReadToEndAsync();
    await psql.WaitForExitAsync();
    var seconds = watch.Elapsed.TotalSeconds;
    if (psql.ExitCode != 0) throw new InvalidOperationException($"psql \\copy failed (exit code {psql.ExitCode}): {await stderr}");
    return seconds;
}

static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return await command.ExecuteScalarAsync();
}

static async Task CheckCountAsync(NpgsqlDataSource dataSource, string table, int rows)
{
    var count = (long)(await ScalarAsync(dataSource, $"SELECT count(*) FROM {table}"))!;
    if (count != rows) throw new InvalidOperationException($"\\copy loaded {count:N0} rows into {table}, expected {rows:N0}");
}

static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";

static void Say(string message) => Console.WriteLine($"bench: {message}");
