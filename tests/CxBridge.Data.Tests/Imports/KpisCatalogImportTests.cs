using CxBridge.Data.Departments;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Tests.Imports;

/// <summary>The kpis import and the department catalog: a KPI code a department does not have becomes one of its KPIs.</summary>
public sealed class KpisCatalogImportTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();
    private ImportService Service => db.CreateImportService();

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await db.ClearCatalogAsync();
        await db.CreateSeeder().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private Task<ImportReport> Import(string csv, string? options = null) => Service.ImportAsync(_files.Request(csv, options, "kpis"));

    private async Task<List<DepartmentKpi>> KpisAsync(string department)
    {
        await using var context = db.CreateDbContext();
        return await context.DepartmentKpis.Where(k => k.Department == department).OrderBy(k => k.Position).ToListAsync();
    }

    [Fact]
    public async Task Kpis_UnknownKpiCode_BecomesACustomKpiNamedAfterItsCodeAfterTheDefaults()
    {
        var report = await Import("department,kpi,period,value,unit\nhr,Pizza_Fridays,2025-03,4,\nhr,training_hours,2025-03,8.5,hours\nhr,pizza_fridays,2025-04,5,slices\nhr,desk_plants,2025-04,12,\n");

        report.Status.Should().Be(BatchStatus.Imported);
        var kpis = await KpisAsync("hr");
        kpis.Select(k => (k.Code, k.Name, k.Unit, k.Direction, k.Custom, k.Position)).Should().Equal(
            ("employee_turnover", "Employee turnover", "%", Direction.Down, false, 0),
            ("engagement_index", "Engagement index", "points", Direction.Up, false, 1),
            ("training_hours", "Training hours", "hours", Direction.Up, false, 2),
            ("pizza_fridays", "pizza_fridays", "slices", Direction.Neutral, true, 3),
            ("desk_plants", "desk_plants", null, Direction.Neutral, true, 4));
    }

    [Fact]
    public async Task Kpis_StrictRejection_CreatesNoCustomKpi()
    {
        var report = await Import("department,kpi,period,value\nhr,pizza_fridays,2025-03,4\nhr,desk_plants,2025-03,lots\n");

        report.Status.Should().Be(BatchStatus.Rejected);
        (await KpisAsync("hr")).Select(k => k.Code).Should().Equal("employee_turnover", "engagement_index", "training_hours");
        (await db.CountAsync("SELECT count(*) FROM kpi_values")).Should().Be(0);
    }

    [Fact]
    public async Task Kpis_SkipInvalid_CreatesOnlyTheImportedRowsKpis()
    {
        var report = await Import("department,kpi,period,value\nhr,pizza_fridays,2025-03,4\nhr,desk_plants,2025-03,lots\n", "mode=skip-invalid");

        report.RowsImported.Should().Be(1);
        (await KpisAsync("hr")).Select(k => k.Code).Should().Equal("employee_turnover", "engagement_index", "training_hours", "pizza_fridays");
    }

    [Fact]
    public async Task Kpis_UndoTheBatch_DeletesTheValuesAndLeavesTheCustomKpi()
    {
        var report = await Import("department,kpi,period,value\nhr,pizza_fridays,2025-03,4\n");

        (await Service.UndoAsync(report.BatchId!.Value)).Should().Be(1);

        (await db.CountAsync("SELECT count(*) FROM kpi_values")).Should().Be(0);
        (await KpisAsync("hr")).Should().Contain(k => k.Code == "pizza_fridays" && k.Custom);
    }

    [Fact]
    public async Task Kpis_DefaultKpiAnAdminRemoved_ComesBackWithTheCatalogsDefinition()
    {
        {
            var edit = await new DepartmentCatalogEditor(db.ContextFactory).ReplaceKpisAsync("finance",
            [
                new KpiInput("revenue", "Revenue", "currency", "up", null),
                new KpiInput("cost_to_serve", "Cost to serve", "currency per customer", "down", null),
                new KpiInput("contact_volume", "Contact volume", "contacts", "down", null),
            ]);
            edit.Errors.Should().BeEmpty();
        }

        await Import("department,kpi,period,value,unit\nfinance,self_service_rate,2025-03,41.5,percent\n");

        (await KpisAsync("finance")).Last().Should().BeEquivalentTo(new
        {
            Code = "self_service_rate", Name = "Self-service rate", Unit = "%", Direction = Direction.Up, Custom = false, Position = 3,
        });
    }
}
