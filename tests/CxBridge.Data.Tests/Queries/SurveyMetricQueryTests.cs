using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;

namespace CxBridge.Data.Tests.Queries;

public sealed class SurveyMetricQueryTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private Task Import(string csv, string options = "", CxBridgeSettings? settings = null) =>
        db.CreateImportService(settings).ImportAsync(_files.Request(csv, options));

    private static MetricFilter Filter(string from, string to, Grain grain, params (string Dimension, string[] Values)[] dims) =>
        new(DateOnly.Parse(from), DateOnly.Parse(to), grain, dims.ToDictionary(d => d.Dimension, d => (IReadOnlyList<string>)d.Values));

    [Fact]
    public async Task Series_MonthGrain_MatchesMetricsMdNpsExample()
    {
        // 45 promoters, 30 passives, 25 detractors in March 2025 → NPS 20 (docs/metrics.md, exact); nothing in April.
        var rows = Enumerable.Range(0, 100).Select(i => $"{(i < 45 ? 10 : i < 75 ? 8 : 3)},2025-03-{1 + i % 28:00}T12:00:00Z");
        await Import("score,responded_at\n" + string.Join("\n", rows), "survey=nps");

        var series = await db.CreateSurveyQuery().SeriesAsync(Survey.Nps, Filter("2025-03-01", "2025-04-30", Grain.Month));

        series.Points.Should().HaveCount(2);
        series.Points[0].Should().BeEquivalentTo(new { Period = new DateOnly(2025, 3, 1), Value = 20.0, N = 100, LowSample = false });
        series.Points[0].Low.Should().BeApproximately(3.77, 0.005);
        series.Points[1].Should().BeEquivalentTo(new { Period = new DateOnly(2025, 4, 1), Value = (double?)null, N = 0 });
    }

    [Fact]
    public async Task Series_Filters_AreOrWithinAndAndAcross()
    {
        await Import("""
            score,responded_at,channel,region
            10,2025-03-01,chat,north
            0,2025-03-01,phone,north
            10,2025-03-01,email,north
            10,2025-03-01,chat,south
            """, "survey=nps");
        var query = db.CreateSurveyQuery();

        var chatOrPhoneInNorth = await query.SeriesAsync(Survey.Nps, Filter("2025-03-01", "2025-03-31", Grain.Total,
            ("channel", ["chat", "phone"]), ("region", ["north"])));

        chatOrPhoneInNorth.Points.Single().N.Should().Be(2);
        chatOrPhoneInNorth.Points.Single().Value.Should().Be(0);
    }

    [Fact]
    public async Task Series_PeriodsAreCutInTheOrganisationsTimeZone()
    {
        var paris = new CxBridgeSettings { TimeZone = "Europe/Paris" };
        // 23:30 UTC on 31 March is 01:30 on 1 April in Paris (CEST).
        await Import("score,responded_at\n10,2025-03-31T23:30:00Z\n0,2025-03-31T20:00:00Z\n", "survey=nps");

        var series = await db.CreateSurveyQuery(paris).SeriesAsync(Survey.Nps, Filter("2025-03-01", "2025-04-30", Grain.Month));

        series.Points.Select(p => (p.Period, p.N, p.Value)).Should().Equal(
            (new DateOnly(2025, 3, 1), 1, -100.0),
            (new DateOnly(2025, 4, 1), 1, 100.0));
    }

    [Fact]
    public async Task Series_WeekGrain_StartsOnMonday()
    {
        await Import("score,responded_at\n9,2025-03-02\n9,2025-03-03\n", "survey=nps"); // a Sunday, then a Monday

        var series = await db.CreateSurveyQuery().SeriesAsync(Survey.Nps, Filter("2025-03-01", "2025-03-09", Grain.Week));

        series.Points.Select(p => (p.Period, p.N)).Should().Equal((new DateOnly(2025, 2, 24), 1), (new DateOnly(2025, 3, 3), 1));
    }

    [Fact]
    public async Task Series_Csat_UsesTopTwoOfEachScale()
    {
        // docs/metrics.md: scores 5,4,3,2,1 counted 10,20,10,5,5 → CSAT 60.0, mean 3.5 (exact).
        var scores = new[] { (5, 10), (4, 20), (3, 10), (2, 5), (1, 5) }.SelectMany(s => Enumerable.Repeat(s.Item1, s.Item2));
        await Import("score,responded_at\n" + string.Join("\n", scores.Select(s => $"{s},2025-03-10")), "survey=csat");

        var point = (await db.CreateSurveyQuery().SeriesAsync(Survey.Csat, Filter("2025-03-01", "2025-03-31", Grain.Total))).Points.Single();

        point.Value.Should().Be(60.0);
        point.Detail["mean"].Should().Be(3.5);
    }

    [Fact]
    public async Task Series_Enps_BelowAnonymityThresholdIsSuppressed()
    {
        await Import("score,responded_at,department\n10,2025-03-10,hr\n10,2025-03-10,hr\n0,2025-03-10,hr\n9,2025-03-10,sales\n", "survey=enps");

        var point = (await db.CreateSurveyQuery().SeriesAsync(Survey.Enps, Filter("2025-03-01", "2025-03-31", Grain.Month, ("department", ["hr"])))).Points.Single();

        point.Suppressed.Should().BeTrue();
        point.Value.Should().BeNull();
        point.N.Should().Be(3);
    }
}
