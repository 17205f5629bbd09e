using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CxBridge.Data.Migrations;

/// <summary>
/// Applies the numbered SQL scripts embedded in this assembly (Migrations/NNNN_description.sql), in order,
/// each in its own transaction, recording them in <c>schema_migrations</c>. A PostgreSQL advisory lock makes
/// instances that start together take turns, so a script never runs twice.
/// </summary>
public sealed class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Advisory lock key: "CXBRIDGE" read as ASCII bytes.</summary>
    private const long LockKey = 0x4358425249444745;

    public sealed record Script(string Version, string Name, string Sql);

    /// <summary>Every embedded script, ordered by its number.</summary>
    public static IReadOnlyList<Script> Scripts { get; } = LoadScripts();

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    text PRIMARY KEY,
                    name       text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var script in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, script.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection))
                {
                    record.Parameters.AddWithValue(script.Version);
                    record.Parameters.AddWithValue(script.Name);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} {Name}", script.Version, script.Name);
                done.Add(script.Version);
            }
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>True when the database answers and every embedded script has been applied.</summary>
    public async Task<bool> IsUpToDateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
        {
            return false;
        }
        var applied = await AppliedVersionsAsync(connection, cancellationToken);
        return Scripts.All(s => applied.Contains(s.Version));
    }

    private static async Task<HashSet<string>> AppliedVersionsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var versions = new HashSet<string>();
        await using var command = new NpgsqlCommand("SELECT version FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            versions.Add(reader.GetString(0));
        }
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static List<Script> LoadScripts()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        const string prefix = "CxBridge.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^".sql".Length];      // 0001_initial
                var split = file.IndexOf('_');
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Script(file[..split], file[(split + 1)..], reader.ReadToEnd());
            })
            .OrderBy(s => s.Version, StringComparer.Ordinal)
            .ToList();
    }
}
