using CxBridge.Data.Departments;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Tests.Departments;

/// <summary>The default catalog goes into the database once per department, and admins' edits stay.</summary>
public sealed class DepartmentCatalogSeederTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await db.ClearCatalogAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    /// <summary>Every row of the catalog tables as text, for before/after comparisons.</summary>
    private async Task<List<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        foreach (var table in new[] { "departments", "department_kpis", "department_metrics", "department_pairs", "department_targets" })
        {
            await using var command = db.DataSource.CreateCommand($"SELECT t::text FROM {table} t ORDER BY 1");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add($"{table} {reader.GetString(0)}");
            }
        }
        return rows;
    }

    [Fact]
    public async Task Seed_EmptyCatalog_CreatesExactlyTheDepartmentsMdCatalog()
    {
        var seeded = await db.CreateSeeder().SeedAsync();

        seeded.Should().Equal("marketing", "finance", "operations", "technology", "sales", "product", "service", "success", "hr", "executive");
        (await db.CountAsync("SELECT count(*) FROM departments WHERE seeded_at IS NOT NULL")).Should().Be(10);
        (await db.CountAsync("SELECT count(*) FROM department_kpis")).Should().Be(30);
        (await db.CountAsync("SELECT count(*) FROM department_kpis WHERE custom")).Should().Be(0);
        (await db.CountAsync("SELECT count(*) FROM department_pairs")).Should().Be(31);
        (await db.CountAsync("SELECT count(*) FROM department_metrics")).Should().Be(4 + 4 + 3 + 2 + 3 + 3 + 6 + 4 + 3 + 13);
        (await db.CountAsync("SELECT count(*) FROM department_targets")).Should().Be(0, "the catalog sets no default target values");

        var query = new DepartmentCatalogQuery(db.ContextFactory);
        var finance = (await query.LoadAsync("finance"))!;
        finance.Name.Should().Be("Finance");
        finance.Question.Should().StartWith("CX as money: revenue that follows NPS");
        finance.Metrics.Should().Equal("nps", "ces", "clv", "churn_rate");
        finance.Kpis.Select(k => (k.Code, k.Name, k.Unit, k.Direction, k.Custom)).Should().Equal(
            ("revenue", "Revenue", "currency", Direction.Up, false),
            ("cost_to_serve", "Cost to serve", "currency per customer", Direction.Down, false),
            ("contact_volume", "Contact volume", "contacts", Direction.Down, false),
            ("self_service_rate", "Self-service rate", "%", Direction.Up, false));
        finance.Pairs.Should().Equal(
            new CatalogPair(SeriesRef.Metric("nps"), SeriesRef.Kpi("finance", "revenue"), +1),
            new CatalogPair(SeriesRef.Metric("ces"), SeriesRef.Kpi("finance", "contact_volume"), -1),
            new CatalogPair(SeriesRef.Metric("ces"), SeriesRef.Kpi("finance", "cost_to_serve"), -1),
            new CatalogPair(SeriesRef.Metric("churn_rate"), SeriesRef.Kpi("finance", "revenue"), -1));
        finance.Targets.Should().BeEmpty();
        var executive = (await query.LoadAsync("executive"))!;
        executive.Pairs.Should().Equal(
            new CatalogPair(SeriesRef.NorthStar, SeriesRef.Kpi("executive", "revenue"), +1),
            new CatalogPair(SeriesRef.Metric("churn_rate"), SeriesRef.Kpi("executive", "revenue"), -1));
        executive.Metrics.Should().Equal(MetricCatalog.All.Select(m => m.Code));
        (await query.LoadAsync("hr"))!.Pairs.Should().Equal(
            new CatalogPair(SeriesRef.Metric("enps"), SeriesRef.Metric("nps"), +1),
            new CatalogPair(SeriesRef.Kpi("hr", "employee_turnover"), SeriesRef.Metric("csat"), -1),
            new CatalogPair(SeriesRef.Kpi("hr", "training_hours"), SeriesRef.Metric("fcr"), +1));
    }

    [Fact]
    public async Task Seed_EveryDepartment_MatchesTheCodeCatalog()
    {
        await db.CreateSeeder().SeedAsync();

        var query = new DepartmentCatalogQuery(db.ContextFactory);
        (await query.ListAsync()).Select(d => d.Code).Should().Equal(DepartmentCatalog.Codes);
        foreach (var expected in DepartmentCatalog.All)
        {
            var stored = (await query.LoadAsync(expected.Code))!;
            stored.Should().BeEquivalentTo(new { expected.Code, expected.Name, expected.Question }, expected.Code);
            stored.Metrics.Should().Equal(expected.Metrics, expected.Code);
            stored.Kpis.Select(k => new KpiDefinition(k.Code, k.Name, k.Unit!, k.Direction)).Should().Equal(expected.Kpis, expected.Code);
            stored.Pairs.Should().Equal(expected.Pairs.Select(p => new CatalogPair(
                SeriesRef.FromCatalog(p.Driver, expected.Code), SeriesRef.FromCatalog(p.Outcome, expected.Code), p.ExpectedSign)), expected.Code);
        }
    }

    [Fact]
    public async Task Seed_SecondRun_ChangesNothing()
    {
        await db.CreateSeeder().SeedAsync();
        var before = await SnapshotAsync();

        var again = await db.CreateSeeder(new FixedClock(DateTimeOffset.UtcNow.AddDays(1))).SeedAsync();

        again.Should().BeEmpty();
        (await SnapshotAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task Seed_AfterAdminEdits_RemovedPairStaysRemovedAndRenamedKpiKeepsItsName()
    {
        await db.CreateSeeder().SeedAsync();
        {
            var editor = new DepartmentCatalogEditor(db.ContextFactory);
            (await editor.ReplacePairsAsync("finance", [new PairInput(new SeriesInput("metric", "nps", null), new SeriesInput("kpi", "revenue", null), 1)])).Saved.Should().BeTrue();
            (await editor.ReplaceKpisAsync("finance",
            [
                new KpiInput("revenue", "Net revenue", "currency", "up", "EUR"),
                new KpiInput("cost_to_serve", "Cost to serve", "currency per customer", "down", null),
                new KpiInput("contact_volume", "Contact volume", "contacts", "down", null),
            ])).Saved.Should().BeTrue();
        }

        await db.CreateSeeder().SeedAsync();

        var finance = (await new DepartmentCatalogQuery(db.ContextFactory).LoadAsync("finance"))!;
        finance.Pairs.Should().ContainSingle().Which.Should().Be(new CatalogPair(SeriesRef.Metric("nps"), SeriesRef.Kpi("finance", "revenue"), 1));
        finance.Kpis.Select(k => k.Code).Should().Equal("revenue", "cost_to_serve", "contact_volume");
        finance.Kpis[0].Should().BeEquivalentTo(new { Name = "Net revenue", Currency = "EUR" });
    }

    [Fact]
    public async Task Seed_AfterAnImportIntoAnUnseededCatalog_CompletesThePlaceholderAndKeepsTheCustomKpi()
    {
        var report = await db.CreateImportService().ImportAsync(_files.Request(
            "department,kpi,period,value,unit\nfinance,pizza_fridays,2025-03,4,count\nfinance,revenue,2025-03,100,EUR\n", kind: "kpis"));
        report.RowsImported.Should().Be(2);
        (await db.CountAsync("SELECT count(*) FROM departments WHERE code = 'finance' AND name = 'finance' AND seeded_at IS NULL")).Should().Be(1, "a placeholder");

        await db.CreateSeeder().SeedAsync();

        var finance = (await new DepartmentCatalogQuery(db.ContextFactory).LoadAsync("finance"))!;
        finance.Name.Should().Be("Finance");
        finance.Kpis.Select(k => (k.Code, k.Name, k.Unit, k.Direction, k.Custom, k.Observations)).Should().Equal(
            ("revenue", "Revenue", "currency", Direction.Up, false, 1),
            ("cost_to_serve", "Cost to serve", "currency per customer", Direction.Down, false, 0),
            ("contact_volume", "Contact volume", "contacts", Direction.Down, false, 0),
            ("self_service_rate", "Self-service rate", "%", Direction.Up, false, 0),
            ("pizza_fridays", "pizza_fridays", "count", Direction.Neutral, true, 1));
        finance.Pairs.Should().HaveCount(4);
    }

    [Fact]
    public async Task Seed_FourInstancesAtOnce_SeedEachDepartmentOnce()
    {
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => db.CreateSeeder().SeedAsync())));

        runs.SelectMany(r => r).Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await db.CountAsync("SELECT count(*) FROM department_pairs")).Should().Be(31);
        (await db.CountAsync("SELECT count(*) FROM department_kpis")).Should().Be(30);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
