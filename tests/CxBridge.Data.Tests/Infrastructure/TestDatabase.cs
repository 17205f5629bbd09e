using CxBridge.Data.Departments;
using CxBridge.Data.Imports;
using CxBridge.Data.Migrations;
using CxBridge.Data.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL database for one test class: created empty on the test cluster that scripts/test.sh
/// starts (CXBRIDGE_TEST_ADMIN_CONNECTION), migrated with the real scripts, dropped afterwards.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public const string AdminVariable = "CXBRIDGE_TEST_ADMIN_CONNECTION";
    private const string DefaultAdmin = "Host=127.0.0.1;Port=5434;Database=postgres;Username=cxbridge;Password=cxbridge";

    public string Name { get; } = $"cxbridge_test_{Guid.NewGuid():N}"[..32];
    public string ConnectionString { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public static string AdminConnectionString => Environment.GetEnvironmentVariable(AdminVariable) ?? DefaultAdmin;

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new DatabaseMigrator(DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 20)
            {
                // An autovacuum worker (not ours to terminate) is in the database for a moment: wait for it to finish.
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Empties every data table (between tests of one class).</summary>
    public async Task ResetAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE survey_responses, customers, orders, tickets, kpi_values, events, import_errors, import_batches RESTART IDENTITY CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Empties the department catalog (departments, their KPIs, metrics, pairs and targets), as before seeding.</summary>
    public async Task ClearCatalogAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE departments, department_kpis, department_metrics, department_pairs, department_targets CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    public DepartmentCatalogSeeder CreateSeeder(TimeProvider? clock = null) =>
        new(DataSource, clock ?? TimeProvider.System, NullLogger<DepartmentCatalogSeeder>.Instance);

    public CxBridgeDbContext CreateDbContext() =>
        new(new DbContextOptionsBuilder<CxBridgeDbContext>().UseNpgsql(DataSource).Options);

    /// <summary>Contexts on this database, one per call, as the app's registered factory gives them.</summary>
    public IDbContextFactory<CxBridgeDbContext> ContextFactory => new Contexts(this);

    private sealed class Contexts(TestDatabase database) : IDbContextFactory<CxBridgeDbContext>
    {
        public CxBridgeDbContext CreateDbContext() => database.CreateDbContext();
    }

    public ImportService CreateImportService(CxBridgeSettings? settings = null, TimeProvider? clock = null) =>
        new(DataSource, Options.Create(settings ?? new CxBridgeSettings()), clock ?? TimeProvider.System, NullLogger<ImportService>.Instance);

    public SurveyMetricQuery CreateSurveyQuery(CxBridgeSettings? settings = null) =>
        new(DataSource, Options.Create(settings ?? new CxBridgeSettings()));

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
