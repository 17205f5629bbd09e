using CxBridge.Data.Departments;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;

namespace CxBridge.Data.Tests.Departments;

public sealed class DepartmentCatalogQueryTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await db.ClearCatalogAsync();
        await db.CreateSeeder().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task KpiSeries_MonthsFromTheMonthOfFromToTo_InOrderWithoutGaps()
    {
        await db.CreateImportService().ImportAsync(_files.Request("""
            department,kpi,period,value,unit
            finance,revenue,2025-01,100,currency
            finance,revenue,2025-03,130.5,currency
            finance,revenue,2025-02,120,currency
            finance,revenue,2025-04,140,currency
            executive,revenue,2025-02,999,currency
            """, kind: "kpis"));
        var series = await new DepartmentCatalogQuery(db.ContextFactory).KpiSeriesAsync("Finance", "REVENUE", new DateOnly(2025, 2, 15), new DateOnly(2025, 3, 31));

        series.Should().Equal(
            new KpiPoint(new DateOnly(2025, 2, 1), 120, "currency"),
            new KpiPoint(new DateOnly(2025, 3, 1), 130.5, "currency"));
    }

    [Fact]
    public async Task Load_TargetsAndCounts_TypedWithTheSubjectsDirection()
    {
        {
            var edit = await new DepartmentCatalogEditor(db.ContextFactory).ReplaceTargetsAsync("finance",
            [
                new TargetInput(new SeriesInput("kpi", "cost_to_serve", null), 18, 16, 14),
                new TargetInput(new SeriesInput("metric", "churn_rate", null), 2.5, 2, 1.5),
                new TargetInput(new SeriesInput("metric", "nps", null), 30, 40, 50),
            ]);
            edit.Errors.Should().BeEmpty();
        }

        var query = new DepartmentCatalogQuery(db.ContextFactory);
        var finance = (await query.LoadAsync("finance"))!;
        finance.Targets.Should().Equal(
            new CatalogTarget(SeriesRef.Metric("nps"), new Target(Direction.Up, 30, 40, 50)),
            new CatalogTarget(SeriesRef.Metric("churn_rate"), new Target(Direction.Down, 2.5, 2, 1.5)),
            new CatalogTarget(SeriesRef.Kpi("finance", "cost_to_serve"), new Target(Direction.Down, 18, 16, 14)));
        (await query.ListAsync()).Single(d => d.Code == "finance").Should().BeEquivalentTo(new { KpiCount = 4, PairCount = 4, TargetsSet = 3 });
        (await query.LoadAsync("nowhere")).Should().BeNull();
    }
}
