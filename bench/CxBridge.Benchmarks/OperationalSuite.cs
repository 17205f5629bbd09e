using System.Diagnostics;
using System.Globalization;
using CxBridge.Data;
using CxBridge.Data.Imports;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CxBridge.Benchmarks.BenchDatabase;

namespace CxBridge.Benchmarks;

/// <summary>
/// The operational benchmark: generated customers, orders, tickets and responses imported through ImportService
/// (rows/s and peak memory per import, next to psql \copy of the tickets and orders files into bare tables), then
/// every metric of <see cref="MetricCatalog.All"/> through <see cref="MetricQuery.SeriesAsync"/> at month grain
/// over the 24 months ending last month, each run twice (cold, then warm).
/// </summary>
internal static class OperationalSuite
{
    public sealed record Counts(int Customers, int Orders, int Tickets, int Responses);

    /// <summary>How the data is laid out and whether the database is kept afterwards.</summary>
    public sealed record RunOptions(bool Chronological = true, bool Keep = false);

    private sealed record QueryResult(MetricDefinition Definition, double ColdMs, double? WarmMs, MetricSeries? Series,
        IReadOnlyList<CapturedCommand> Commands, string? Error);

    /// <summary>Milliseconds the call took, its result, or what went wrong (a timeout, say) instead.</summary>
    private static async Task<(double Ms, T? Result, string? Error)> TimeAsync<T>(Func<Task<T>> call) where T : class
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var result = await call();
            return (watch.Elapsed.TotalMilliseconds, result, null);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var ms = watch.Elapsed.TotalMilliseconds;
            var timeout = ex is TimeoutException || ex.InnerException is TimeoutException;
            return (ms, null, timeout ? "command timeout (Npgsql's CommandTimeout; --command-timeout <s> to raise it)" : $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private sealed record Input(string Kind, string Header, string Path, int Rows, Action<string, int> Write);

    /// <summary>0 when every import took every row and every metric returned its 24 points.</summary>
    public static async Task<int> RunAsync(string admin, Counts counts, RunOptions options, double? explainOverMs)
    {
        var window = OperationalCsv.Window.Of(DateTime.UtcNow);
        var folder = Path.Combine(Path.GetTempPath(), $"cxbridge-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        using var spans = new Spans();
        try
        {
            await using var db = await BenchDatabase.CreateAsync(admin);
            db.Keep = options.Keep;
            // Imports one after the other, each measured alone: autovacuum would otherwise work on the rows of the
            // previous import during the next one. VACUUM ANALYZE runs explicitly before the queries.
            foreach (var table in (string[])["customers", "orders", "tickets", "survey_responses"])
            {
                await db.ExecuteAsync($"ALTER TABLE {table} SET (autovacuum_enabled = false)");
            }

            Input[] inputs =
            [
                new("customers", OperationalCsv.CustomersHeader, Path.Combine(folder, "customers.csv"), counts.Customers,
                    (p, n) => OperationalCsv.WriteCustomers(p, n, window, options.Chronological)),
                new("orders", OperationalCsv.OrdersHeader, Path.Combine(folder, "orders.csv"), counts.Orders,
                    (p, n) => OperationalCsv.WriteOrders(p, n, counts.Customers, window, options.Chronological)),
                new("tickets", OperationalCsv.TicketsHeader, Path.Combine(folder, "tickets.csv"), counts.Tickets,
                    (p, n) => OperationalCsv.WriteTickets(p, n, counts.Customers, window, options.Chronological)),
                new("responses", ResponsesCsv.Header, Path.Combine(folder, "responses.csv"), counts.Responses,
                    (p, n) => ResponsesCsv.Write(p, n, allSurveys: true)),
            ];
            var sizes = new Dictionary<string, double>();
            foreach (var input in inputs)
            {
                var watch = Stopwatch.StartNew();
                input.Write(input.Path, input.Rows);
                sizes[input.Kind] = new FileInfo(input.Path).Length / 1024.0 / 1024.0;
                Say($"generated {input.Kind}: {input.Rows:N0} rows, {sizes[input.Kind]:N1} MB in {watch.Elapsed.TotalSeconds:N1} s");
            }

            // Baseline, for context: psql \copy of the same files into bare all-text tables (no constraints, no indexes).
            var copySeconds = new Dictionary<string, double>();
            foreach (var input in inputs.Where(i => i.Kind is "orders" or "tickets"))
            {
                Say($"psql \\copy {input.Kind} into a bare table");
                copySeconds[input.Kind] = await db.BareCopyAsync("bare_" + input.Kind, input.Header, input.Path, input.Rows);
            }

            var settings = Options.Create(new CxBridgeSettings());
            var service = new ImportService(db.DataSource, settings, TimeProvider.System, NullLogger<ImportService>.Instance);
            var runs = new List<MeasuredImport>();
            var importFailures = new List<string>();
            foreach (var input in inputs)
            {
                try
                {
                    var run = await MeasuredImport.RunAsync(service, new ImportRequest(input.Kind, $"{input.Kind}.csv", input.Path, new ImportOptions()), input.Rows, spans,
                        before => Say($"import service: {input.Kind} (mode strict); working set before {Mb(before.WorkingSet)}, managed heap {Mb(before.Managed)}"));
                    runs.Add(run);
                    Say($"  {run.Seconds:N1} s, {run.RowsPerSecond:N0} rows/s, peak {Mb(run.Peak)}");
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
                {
                    importFailures.Add($"{input.Kind}: {ex.GetType().Name}: {ex.Message}");
                    Say($"  {input.Kind} import FAILED: {ex.Message}");
                }
            }

            Say("VACUUM ANALYZE customers, orders, tickets, survey_responses (what autovacuum would do after the imports)");
            var vacuum = Stopwatch.StartNew();
            await db.ExecuteAsync("VACUUM (ANALYZE) customers, orders, tickets, survey_responses");
            var vacuumSeconds = vacuum.Elapsed.TotalSeconds;

            // Every metric, month grain, over the 24 months.
            var filter = MetricFilter.Create(window.From, window.To, Grain.Month);
            var metrics = new MetricQuery(new SurveyMetricQuery(db.DataSource, settings), new OperationalMetricQuery(db.DataSource, settings), settings, TimeProvider.System);
            Say($"querying {MetricCatalog.All.Count} metrics, month grain, {filter.From:yyyy-MM-dd} .. {filter.To:yyyy-MM-dd}, each twice");
            var results = new List<QueryResult>();
            foreach (var definition in MetricCatalog.All)
            {
                // The first run's commands are kept when it fails (e.g. the command timeout), to EXPLAIN them.
                db.StartCapture();
                var (cold, _, error) = await TimeAsync(() => metrics.SeriesAsync(MetricCatalog.Find(definition.Code)!, filter));
                var commands = db.StopCapture();
                if (error is not null)
                {
                    Say($"  {definition.Code}: failed after {cold:N0} ms: {error}");
                    results.Add(new QueryResult(definition, cold, null, null, commands, error));
                    continue;
                }
                db.StartCapture();
                var (warm, series, warmError) = await TimeAsync(() => metrics.SeriesAsync(MetricCatalog.Find(definition.Code)!, filter));
                commands = db.StopCapture();
                results.Add(new QueryResult(definition, cold, warm, series, commands, warmError));
            }

            var ok = importFailures.Count == 0;
            Console.WriteLine();
            Console.WriteLine($"window                   {filter.From:yyyy-MM-dd} .. {filter.To:yyyy-MM-dd} (24 months ending last month, UTC)");
            Console.WriteLine($"row order                {(options.Chronological ? "chronological: ids grow with started_at / ordered_at / opened_at" : "random: ids say nothing of started_at / ordered_at / opened_at")}");
            Console.WriteLine($"command timeout          {(db.Builder.CommandTimeout == 0 ? "none" : $"{db.Builder.CommandTimeout} s")} (Npgsql's CommandTimeout for the service's and the queries' statements{(db.Builder.CommandTimeout == 30 ? "; 30 s is Npgsql's default, which the app runs with" : "")})");
            Console.WriteLine();
            Console.WriteLine("import         rows  CSV MB  seconds     rows/s  \\copy rows/s  svc/\\copy  parse+COPY s  merge s  peak MB  managed MB  allocated MB");
            foreach (var run in runs)
            {
                var kind = run.Report.Kind;
                var copy = copySeconds.TryGetValue(kind, out var c) ? $"{run.Rows / c,12:N0}  {c / run.Seconds,8:N2}x" : $"{"",12}  {"",9}";
                Console.WriteLine($"{kind,-10} {run.Rows,9:N0}  {sizes[kind],6:N1}  {run.Seconds,7:N1}  {run.RowsPerSecond,9:N0}  {copy}  {run.StagingSeconds,12:N1}  {run.MergeSeconds,7:N1}  {run.Peak / 1048576.0,7:N0}  {run.PeakManaged / 1048576.0,10:N0}  {run.Allocated / 1048576.0,12:N0}");
            }
            foreach (var (kind, seconds) in copySeconds)
            {
                Console.WriteLine($"psql \\copy {kind,-9} {seconds,6:N1} s into a bare all-text table ({inputs.Single(i => i.Kind == kind).Rows / seconds:N0} rows/s)");
            }
            foreach (var failure in importFailures)
            {
                Console.WriteLine($"import FAILED: {failure}");
            }
            Console.WriteLine("peak MB: the process's peak resident set over that import alone (VmHWM reset before it"
                              + (runs.All(r => r.HwmReset) ? "" : "; NOT resettable here, so it is the working set sampled every 50 ms") + ")");
            Console.WriteLine($"VACUUM ANALYZE after the imports: {vacuumSeconds:N1} s");
            Console.WriteLine();
            Console.WriteLine("metric             source      cold ms   warm ms  points  last period  last value        n");
            foreach (var r in results)
            {
                var head = $"{r.Definition.Code,-18} {r.Definition.Source,-10} {r.ColdMs,8:N0}  ";
                if (r.Error is not null || r.Series is null)
                {
                    Console.WriteLine(head + $"{(r.WarmMs is { } w ? w.ToString("N0", CultureInfo.InvariantCulture) : "-"),8}  FAILED: {r.Error}");
                    ok = false;
                    continue;
                }
                var last = r.Series.Points.Count > 0 ? r.Series.Points[^1] : null;
                var value = last?.Value is { } v ? v.ToString("N2", CultureInfo.InvariantCulture) : last?.Suppressed == true ? "suppressed" : "null";
                Console.WriteLine(head + $"{r.WarmMs,8:N0}  {r.Series.Points.Count,6}  {last?.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture) ?? "-",11}  {value,10}  {last?.N ?? 0,7:N0}");
                if (r.Series.Points.Count != 24 || last is null || last.N == 0)
                {
                    ok = false;
                }
            }
            Console.WriteLine($"{"all 13",-18} {"",-10} {results.Sum(r => r.ColdMs),8:N0}  {results.Sum(r => r.WarmMs ?? 0),8:N0}"
                              + (results.Any(r => r.Error is not null) ? "   (failed runs count up to their failure)" : ""));
            if (!ok)
            {
                Console.WriteLine("CHECK FAILED             a metric failed, did not return 24 points, or its last point has n = 0");
            }
            if (await db.FsyncOffAsync())
            {
                Console.WriteLine("note                     fsync is off on this server (a throwaway test cluster): the import figures are not production numbers");
            }

            if (explainOverMs is { } threshold)
            {
                var slow = results.Where(r => (r.WarmMs ?? r.ColdMs) >= threshold).ToList();
                Console.WriteLine();
                Console.WriteLine(slow.Count == 0
                    ? $"explain: no metric took {threshold:N0} ms or more warm"
                    : $"explain: EXPLAIN (ANALYZE, BUFFERS) of the statements of each metric that took {threshold:N0} ms or more warm (or failed after as long), no timeout");
                foreach (var r in slow)
                {
                    foreach (var command in r.Commands)
                    {
                        Console.WriteLine();
                        Console.WriteLine($"--- {r.Definition.Code} ({(r.WarmMs is { } w ? $"{w:N0} ms warm" : $"failed after {r.ColdMs:N0} ms")})");
                        Console.WriteLine(command.Sql);
                        foreach (var line in await db.ExplainAsync(command))
                        {
                            Console.WriteLine(line);
                        }
                    }
                }
            }
            return ok ? 0 : 1;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
