using CxBridge.Data.Departments;
using CxBridge.Data.Entities;
using CxBridge.Data.Events;
using CxBridge.Data.Imports;
using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data.Tests.Departments;

/// <summary>
/// A department's page against a database with planted relationships (<see cref="PlantedLinkage"/>): 24 whole months
/// July 2023 – June 2025, seen on 15 July 2025 with a partial July in the data.
/// </summary>
public sealed class DepartmentQueryTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 7, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2025, 7, 15);
    private static readonly PlantedLinkage Planted = new(new DateOnly(2023, 7, 1));

    /// <summary>July so far: CES far lower than ever (mean 2.0) and a contact volume of 999, neither of which may reach the statistics.</summary>
    private const string PartialJulyResponses = """
        response_id,survey,score,responded_at
        ces-jul-1,ces,1,2025-07-02T09:00:00Z
        ces-jul-2,ces,3,2025-07-03T09:00:00Z
        """;

    private const string PartialJulyKpis = """
        department,kpi,period,value,unit
        finance,contact_volume,2025-07,999,contacts
        """;

    private readonly CsvFiles _files = new();
    private readonly FixedClock _clock = new(Now);

    public async Task InitializeAsync()
    {
        await db.ResetAsync();
        await db.ClearCatalogAsync();
        await db.CreateSeeder().SeedAsync();
        await ImportAsync(Planted.ResponsesCsv, "responses");
        await ImportAsync(Planted.KpisCsv, "kpis");
        await ImportAsync(PartialJulyResponses, "responses");
        await ImportAsync(PartialJulyKpis, "kpis");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _files.Dispose();

    private async Task ImportAsync(string csv, string kind, string? name = null)
    {
        var report = await db.CreateImportService(clock: _clock).ImportAsync(CsvFiles.RequestFor(_files.Write(csv, name ?? $"{Guid.NewGuid():N}.csv"), kind: kind));
        report.Status.Should().Be(BatchStatus.Imported, report.Message + " " + string.Join("; ", report.Errors.Select(e => e.Message)));
    }

    private DepartmentQuery Query(CxBridgeSettings? settings = null)
    {
        settings ??= new CxBridgeSettings();
        var options = Options.Create(settings);
        var metrics = new MetricQuery(db.CreateSurveyQuery(settings), new OperationalMetricQuery(db.DataSource, options), options, _clock);
        return new DepartmentQuery(new DepartmentCatalogQuery(db.ContextFactory), new EventQuery(db.ContextFactory), metrics, new HeadlineQuery(metrics), options);
    }

    /// <summary>The last twelve whole months and July so far.</summary>
    private static MetricFilter Filter => MetricFilter.Create(new DateOnly(2024, 7, 1), Today);

    private static LinkageView Pair(DepartmentView view, string driver, string outcome) =>
        view.Linkages.Single(l => l.Driver.Code == driver && l.Outcome.Code == outcome);

    [Fact]
    public async Task Load_PlantedLag1Relationship_MovesAsExpectedWithStrongestLag1()
    {
        var view = (await Query().LoadAsync("finance", Filter))!;

        var planted = Pair(view, "ces", "contact_volume");
        planted.Result.Verdict.Should().Be(LinkageVerdict.MovesAsExpected);
        planted.Result.StrongestLag.Should().Be(1);
        var lag1 = planted.Result.Lags[1];
        lag1.N.Should().Be(22, "23 monthly changes of CES, each paired with the next month's change of contact volume");
        lag1.Pearson.Should().BeLessThan(-0.99);
        lag1.Q.Should().BeLessThan(0.05);
        lag1.Slope.Should().BeApproximately(-PlantedLinkage.K, 5, "the planted −k contacts per CES point, up to the noise");
        planted.Pair.Should().Be(new CatalogPair(SeriesRef.Metric("ces"), SeriesRef.Kpi("finance", "contact_volume"), -1));
        planted.Driver.Should().BeEquivalentTo(new { Code = "ces", Name = "Customer Effort Score", HigherIsBetter = true, IsMoney = false, SentenceName = "CES" });
        planted.Outcome.Should().BeEquivalentTo(new { Code = "contact_volume", Name = "Contact volume", Unit = "contacts", HigherIsBetter = false, IsMoney = false, SentenceName = "contact volume" });
        planted.VerdictText.Should().StartWith("When CES rose, contact volume tended to fall one month later, the direction a healthy link points.");
    }

    [Fact]
    public async Task Load_UnrelatedPairAndPairsWithoutData_NoFinding()
    {
        var view = (await Query().LoadAsync("finance", Filter))!;

        var unrelated = Pair(view, "ces", "cost_to_serve");
        unrelated.Result.Verdict.Should().Be(LinkageVerdict.NoEvidenceYet);
        unrelated.Result.Lags.Should().OnlyContain(l => l.Status == LagStatus.Computed && l.Q >= 0.05);
        unrelated.Outcome.IsMoney.Should().BeTrue("its unit is currency per customer");
        foreach (var (driver, outcome) in new[] { ("nps", "revenue"), ("churn_rate", "revenue") })
        {
            var empty = Pair(view, driver, outcome);
            empty.Result.Verdict.Should().Be(LinkageVerdict.NotEnoughHistory, driver);
            empty.Result.StrongestLag.Should().BeNull();
            empty.Result.Lags.Should().OnlyContain(l => l.Status == LagStatus.NotEnoughHistory && l.Pearson == null && l.P == null && l.Q == null);
            empty.DriverSeries.Should().BeEmpty("no {0} in the data", driver);
        }
    }

    [Fact]
    public async Task Load_QValues_BenjaminiHochbergOverEveryPOfThePage()
    {
        var view = (await Query().LoadAsync("finance", Filter))!;

        var lags = view.Linkages.SelectMany(l => l.Result.Lags).Where(l => l.P is not null).ToList();
        lags.Should().HaveCount(8, "two pairs with data, four lags each");
        var expected = FalseDiscovery.BenjaminiHochberg(lags.Select(l => l.P!.Value).ToList());
        lags.Select(l => l.Q!.Value).Should().Equal(expected);
        view.Linkages.SelectMany(l => l.Result.Lags).Where(l => l.P is null).Should().OnlyContain(l => l.Q == null);
    }

    [Fact]
    public async Task Load_LinkageWindow_24WholeMonthsEndingJuneWithoutThePartialJuly()
    {
        var view = (await Query().LoadAsync("finance", Filter))!;

        (view.LinkageFrom, view.LinkageTo).Should().Be((new DateOnly(2023, 7, 1), new DateOnly(2025, 6, 30)));
        var planted = Pair(view, "ces", "contact_volume");
        var months = Enumerable.Range(0, 24).Select(m => new DateOnly(2023, 7, 1).AddMonths(m)).ToList();
        planted.DriverSeries.Keys.Order().Should().Equal(months, "July 2025 is not over");
        planted.OutcomeSeries.Keys.Order().Should().Equal(months);

        // The same statistics as on the 24 months read straight from the files: July's CES of 2.0 and its 999 contacts
        // are not in them.
        var ces = PlantedLinkage.CesFromCsv(Planted.ResponsesCsv);
        var contacts = PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "contact_volume");
        planted.DriverSeries.Should().BeEquivalentTo(ces, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-12)).WhenTypeIs<double>());
        planted.OutcomeSeries.Should().BeEquivalentTo(contacts);
        var expected = LinkageAnalysis.Analyse(ces, contacts, -1);
        planted.Result.Lags.Select(l => (l.N, l.Pearson, l.P, l.Slope)).Should().BeEquivalentTo(
            expected.Lags.Select(l => (l.N, l.Pearson, l.P, l.Slope)),
            o => o.WithStrictOrdering().Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-9)).WhenTypeIs<double>());
    }

    [Fact]
    public async Task Load_MetricsKpisTargetsAndAttainment()
    {
        await SetTargetsAsync();

        var view = (await Query().LoadAsync("finance", Filter))!;

        view.Metrics.Select(m => m.Headline.Definition.Code).Should().Equal("nps", "ces", "clv", "churn_rate");
        var ces = view.Metrics[1];
        ces.Headline.Latest.Period.Should().Be(new DateOnly(2025, 7, 1));
        ces.Headline.Coverage.IsPartial.Should().BeTrue("July so far");
        ces.Headline.Latest.Value.Should().Be(2.0);
        ces.Target.Should().Be(new Target(Direction.Up, 6, 6.5, 7));
        ces.Status.Should().Be(TargetStatus.BelowGood);
        view.Metrics[0].Target.Should().NotBeNull();
        view.Metrics[0].Status.Should().BeNull("no NPS answer, no latest value");
        view.Metrics[2].Target.Should().BeNull();

        view.Kpis.Select(k => k.Kpi.Code).Should().Equal("revenue", "cost_to_serve", "contact_volume", "self_service_rate");
        var contacts = view.Kpis[2];
        contacts.Points.Select(p => p.Period).Should().Equal(Enumerable.Range(0, 13).Select(m => new DateOnly(2024, 7, 1).AddMonths(m)),
            "the months of the filter's range, July so far included");
        contacts.Latest.Should().Be(new KpiPoint(new DateOnly(2025, 7, 1), 999, "contacts"));
        contacts.Previous!.Period.Should().Be(new DateOnly(2025, 6, 1));
        contacts.Previous.Value.Should().Be(PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "contact_volume")[new DateOnly(2025, 6, 1)]);
        contacts.Target.Should().Be(new Target(Direction.Down, 999, 900, 800));
        contacts.Status.Should().Be(TargetStatus.Good, "999 is exactly the good level");
        view.Kpis[1].Status.Should().Be(TargetStatus.Best, "15.0 is below the best of 16 (lower is better)");
        view.Kpis[0].Points.Should().BeEmpty();
        view.Kpis[0].Latest.Should().BeNull();
        view.Kpis[0].Status.Should().BeNull();
        view.Kpis[3].Target.Should().BeNull();

        view.Attainment.Should().Be(new Attainment(Met: 2, Set: 5, WithoutValue: 2));
        view.WorstMiss.Should().BeEquivalentTo(new { Subject = SeriesRef.Metric("ces"), Name = "Customer Effort Score", Value = 2.0 });
        view.WorstMiss!.Shortfall.Should().BeApproximately(4.0 / 6, 1e-12, "(6 − 2) / 6 below good");
    }

    [Fact]
    public async Task Load_Events_CompanyWideAndTheDepartmentsInTheRange()
    {
        await ImportAsync("""
            event_id,date,kind,title,department,link
            E1,2024-06-30,campaign,Before the range,finance,
            E2,2024-09-10,price_change,Prices up,,
            E3,2025-02-01,other,Budget freeze,finance,
            E4,2025-03-01,campaign,Spring campaign,marketing,
            """, "events");

        var view = (await Query().LoadAsync("FINANCE", Filter))!;

        view.Code.Should().Be("finance");
        view.Events.Select(e => e.EventId).Should().Equal("E2", "E3");
    }

    [Fact]
    public async Task Load_UnknownDepartment_Null()
    {
        (await Query().LoadAsync("nowhere", Filter)).Should().BeNull();
    }

    [Fact]
    public async Task Load_NorthStarSetting_ExecutivePairReadsTheConfiguredMetric()
    {
        var view = (await Query(new CxBridgeSettings { NorthStar = "ces" }).LoadAsync("executive", Filter))!;

        view.NorthStar!.Code.Should().Be("ces");
        var northStar = view.Linkages.Single(l => l.Pair.Driver == SeriesRef.NorthStar);
        northStar.Driver.Should().BeEquivalentTo(new { Ref = SeriesRef.NorthStar, Code = "ces", SentenceName = "CES" });
        northStar.DriverSeries.Keys.Should().HaveCount(24);
        northStar.Outcome.Should().BeEquivalentTo(new { Code = "revenue", IsMoney = true });
        (await Query().LoadAsync("executive", Filter))!.Linkages.Single(l => l.Pair.Driver == SeriesRef.NorthStar).Driver.Code.Should().Be("nps");
    }

    [Fact]
    public async Task Overview_EveryDepartment_AttainmentWorstMissAndStrongestLink()
    {
        await SetTargetsAsync();

        var overview = await Query().OverviewAsync(Filter);

        overview.Select(o => o.Department.Code).Should().Equal(DepartmentCatalog.Codes);
        var finance = overview.Single(o => o.Department.Code == "finance");
        finance.Attainment.Should().Be(new Attainment(2, 5, 2));
        finance.WorstMiss!.Subject.Should().Be(SeriesRef.Metric("ces"));
        finance.StrongestLink!.Pair.Should().Be(new CatalogPair(SeriesRef.Metric("ces"), SeriesRef.Kpi("finance", "contact_volume"), -1));
        finance.StrongestLink.Result.StrongestLag.Should().Be(1);
        var single = (await Query().LoadAsync("finance", Filter))!;
        finance.StrongestLink.Result.Should().BeEquivalentTo(Pair(single, "ces", "contact_volume").Result, "the same statistics as the page's");
        overview.Where(o => o.Department.Code != "finance").Should().OnlyContain(o => o.Attainment.Set == 0 && o.WorstMiss == null);
        // Service counts the same contact volume, but it is its own KPI there: no data, no link.
        overview.Where(o => o.Department.Code != "finance").Should().OnlyContain(o => o.StrongestLink == null);
    }

    [Theory]
    // Range of whole past months: the 24 months ending with its last.
    [InlineData("2024-07-01", "2025-06-30", "2025-07-15", "2023-07-01", "2025-06-30")]
    // Range running to today: today's month is not over.
    [InlineData("2024-07-01", "2025-07-15", "2025-07-15", "2023-07-01", "2025-06-30")]
    // The last day of a month is not over until the next day.
    [InlineData("2024-07-01", "2025-07-31", "2025-07-31", "2023-07-01", "2025-06-30")]
    [InlineData("2024-07-01", "2025-07-31", "2025-08-01", "2023-08-01", "2025-07-31")]
    // A range that ends mid-month in the past: its last whole month is the one before.
    [InlineData("2025-01-01", "2025-03-15", "2025-07-15", "2023-03-01", "2025-02-28")]
    // A range longer than 24 months: all of its whole months (one starting mid-month from the next month).
    [InlineData("2021-01-01", "2025-06-30", "2025-07-15", "2021-01-01", "2025-06-30")]
    [InlineData("2021-01-20", "2025-06-30", "2025-07-15", "2021-02-01", "2025-06-30")]
    public void LinkageWindow_WholeMonthsOnly(string from, string to, string today, string expectedFrom, string expectedTo)
    {
        var window = DepartmentQuery.LinkageWindow(MetricFilter.Create(DateOnly.Parse(from), DateOnly.Parse(to)), DateOnly.Parse(today));

        window.Should().Be((DateOnly.Parse(expectedFrom), DateOnly.Parse(expectedTo)));
    }

    [Theory]
    [InlineData(Direction.Up, 30, 40, 50, 24, 0.2)]
    [InlineData(Direction.Down, 2.5, 2, 1.5, 3.0, 0.2)]
    [InlineData(Direction.Up, 0, 10, 20, -5, 0.25)]
    [InlineData(Direction.Up, 30, 40, 50, 30, null)]
    [InlineData(Direction.Down, 2.5, 2, 1.5, 2.5, null)]
    public void Shortfall_DistanceBelowGoodRelativeToGood(Direction direction, double good, double better, double best, double value, double? expected)
    {
        var shortfall = DepartmentQuery.Shortfall(new Target(direction, good, better, best), value);

        if (expected is null)
        {
            shortfall.Should().BeNull();
        }
        else
        {
            shortfall.Should().BeApproximately(expected.Value, 1e-12);
        }
    }

    private async Task SetTargetsAsync()
    {
        var edit = await new DepartmentCatalogEditor(db.ContextFactory).ReplaceTargetsAsync("finance",
        [
            new TargetInput(new SeriesInput("metric", "nps", null), 30, 40, 50),
            new TargetInput(new SeriesInput("metric", "ces", null), 6, 6.5, 7),
            new TargetInput(new SeriesInput("kpi", "revenue", null), 1000, 2000, 3000),
            new TargetInput(new SeriesInput("kpi", "cost_to_serve", null), 20, 18, 16),
            new TargetInput(new SeriesInput("kpi", "contact_volume", null), 999, 900, 800),
        ]);
        edit.Errors.Should().BeEmpty();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
