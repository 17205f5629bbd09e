using CxBridge.Data;
using CxBridge.Data.Demo;
using CxBridge.Data.Departments;
using CxBridge.Data.Imports;
using CxBridge.Data.Migrations;
using CxBridge.Data.Settings;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Web.Infrastructure;

public sealed class DemoDataSettings
{
    public const string Section = "CxBridge:DemoData";

    /// <summary>Load the generated demo data when the database has no import yet (on for the run command, off in tests).</summary>
    public bool LoadWhenEmpty { get; set; }
}

/// <summary>
/// Before the app serves: applies the SQL migrations, loads the saved organisation settings (so the first request and the
/// demo data already use them), seeds the department catalog (departments not seeded yet), then,
/// when the setting is on and nothing was ever imported, loads 24 months of demo data through the import service itself
/// (so the demo is exactly what an upload gives) and sets the demo company's targets.
/// </summary>
public sealed class DatabaseStartup(
    DatabaseMigrator migrator, DepartmentCatalogSeeder catalog, ImportService imports, NpgsqlDataSource dataSource, IServiceScopeFactory scopes,
    TimeProvider clock, IOptions<DemoDataSettings> demo, SettingsStore settings, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await settings.ReloadAsync(cancellationToken);
        await catalog.SeedAsync(cancellationToken);
        if (!demo.Value.LoadWhenEmpty)
        {
            return;
        }
        await using (var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM import_batches)"))
        {
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return;
            }
        }
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.Value.TimeZoneInfo).DateTime);
        var end = new DateOnly(today.Year, today.Month, 1);
        foreach (var (kind, write) in DemoFiles)
        {
            var path = Path.Combine(Path.GetTempPath(), $"cxbridge-demo-{kind}-{Guid.NewGuid():N}.csv");
            try
            {
                await using (var writer = new StreamWriter(path))
                {
                    write(writer, end);
                }
                var report = await imports.ImportAsync(
                    new ImportRequest(kind, $"demo-{kind}.csv", path, new ImportOptions(), UploadedBy: "demo data"), cancellationToken);
                logger.LogInformation("Loaded demo {Kind}: batch {BatchId}, {Rows} rows", kind, report.BatchId, report.RowsImported);
            }
            finally
            {
                File.Delete(path);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        var editor = scope.ServiceProvider.GetRequiredService<DepartmentCatalogEditor>();
        foreach (var (department, targets) in DemoTargets.All)
        {
            var edit = await editor.ReplaceTargetsAsync(department, targets, cancellationToken);
            if (!edit.Saved)
            {
                logger.LogWarning("Demo targets of {Department} not set: {Problems}", department, string.Join("; ", edit.Errors.SelectMany(e => e.Value)));
            }
        }
    }

    /// <summary>Twenty-four months of one company, every kind, in the order a real first load would come.</summary>
    private static readonly (string Kind, Action<TextWriter, DateOnly> Write)[] DemoFiles =
    [
        ("customers", (w, end) => DemoData.WriteCustomers(w, end)),
        ("responses", (w, end) => DemoData.WriteResponses(w, end)),
        ("orders", (w, end) => DemoData.WriteOrders(w, end)),
        ("tickets", (w, end) => DemoData.WriteTickets(w, end)),
        ("kpis", (w, end) => DemoData.WriteKpis(w, end)),
        ("events", (w, end) => DemoData.WriteEvents(w, end)),
    ];

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
