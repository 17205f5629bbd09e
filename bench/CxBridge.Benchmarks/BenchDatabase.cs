using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CxBridge.Data.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CxBridge.Benchmarks;

/// <summary>
/// The throwaway database a suite works in (created, migrated, finally dropped), psql \copy, and the SQL helpers
/// the suites share. Its data source can record the commands it runs (text and parameters), to EXPLAIN them later.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public const string Name = "cxbridge_bench";

    private readonly string _admin;
    private readonly ConcurrentQueue<CapturedCommand> _captured = new();
    private volatile bool _capturing;

    private BenchDatabase(string admin)
    {
        _admin = admin;
        Builder = new NpgsqlConnectionStringBuilder(admin) { Database = Name };
    }

    public NpgsqlConnectionStringBuilder Builder { get; }
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Leave the database in place at the end (to look at it); the next run drops it first.</summary>
    public bool Keep { get; set; }

    /// <summary>A command as the application sent it: its SQL and a copy of its parameters.</summary>
    public sealed record CapturedCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Drops any leftover bench database, creates it and applies the migrations.</summary>
    public static async Task<BenchDatabase> CreateAsync(string admin)
    {
        var db = new BenchDatabase(admin);
        Say($"creating database {Name} on {db.Builder.Host}:{db.Builder.Port}");
        await db.DropAsync();
        await db.AdminAsync($"CREATE DATABASE {Name}");
        var builder = new NpgsqlDataSourceBuilder(db.Builder.ConnectionString);
        // Needs an ActivityListener on "Npgsql" (Spans) to be called.
        builder.ConfigureTracing(o => o.ConfigureCommandEnrichmentCallback((_, command) =>
        {
            if (db._capturing)
            {
                db._captured.Enqueue(new CapturedCommand(command.CommandText, command.Parameters.Select(p => p.Clone()).ToList()));
            }
        }));
        db.DataSource = builder.Build();
        try
        {
            await new DatabaseMigrator(db.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return db;
    }

    /// <summary>Starts recording the commands run through <see cref="DataSource"/> (forgetting earlier ones).</summary>
    public void StartCapture()
    {
        _captured.Clear();
        _capturing = true;
    }

    /// <summary>Stops recording; returns the commands seen since <see cref="StartCapture"/>.</summary>
    public IReadOnlyList<CapturedCommand> StopCapture()
    {
        _capturing = false;
        return _captured.ToList();
    }

    /// <summary>EXPLAIN (ANALYZE, BUFFERS) of a captured command, as text lines.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(CapturedCommand command)
    {
        await using var explain = DataSource.CreateCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.Sql);
        explain.CommandTimeout = 0;
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }
        NpgsqlConnection.ClearAllPools();
        if (Keep)
        {
            Say($"kept database {Name} on {Builder.Host}:{Builder.Port} (--keep)");
            return;
        }
        try { await DropAsync(); }
        catch (Exception ex) { Say($"could not drop {Name}: {ex.Message}"); }
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    // FORCE ends other sessions, but a role without pg_signal_backend may not end an autovacuum worker (42501);
    // a plain DROP DATABASE stops autovacuum itself.
    private async Task DropAsync()
    {
        try { await AdminAsync($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)"); }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege) { await AdminAsync($"DROP DATABASE IF EXISTS {Name}"); }
    }

    /// <summary>Runs psql \copy &lt;target&gt; FROM '&lt;file&gt;' as a child process; returns the seconds it took.</summary>
    public async Task<double> PsqlCopyAsync(string target, string path)
    {
        var start = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in (string[])["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", Builder.Host!, "-p", Builder.Port.ToString(CultureInfo.InvariantCulture),
                     "-U", Builder.Username!, "-d", Name, "-c", $"\\copy {target} FROM '{path.Replace("'", "''")}' WITH (FORMAT csv, HEADER true)"])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PGPASSWORD"] = Builder.Password;
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

    /// <summary>psql \copy of a CSV into a bare all-text table named after its header (no constraints, no indexes), dropped afterwards.</summary>
    public async Task<double> BareCopyAsync(string table, string header, string path, int rows)
    {
        await ExecuteAsync($"CREATE TABLE {table} ({string.Join(", ", header.Split(',').Select(c => c + " text"))})");
        var seconds = await PsqlCopyAsync(table, path);
        await CheckCountAsync(table, rows);
        await ExecuteAsync($"DROP TABLE {table}"); // at once, so autovacuum does not work on it during what follows
        return seconds;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    public async Task CheckCountAsync(string table, int rows)
    {
        var count = (long)(await ScalarAsync($"SELECT count(*) FROM {table}"))!;
        if (count != rows) throw new InvalidOperationException($"\\copy loaded {count:N0} rows into {table}, expected {rows:N0}");
    }

    public async Task<bool> FsyncOffAsync() => await ScalarAsync("SHOW fsync") is "off";

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:N0} MB";

    public static void Say(string message) => Console.WriteLine($"bench: {message}");
}
