using System.Text;
using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data.Tests.Queries;

/// <summary>
/// NPS responses for the headline tests, imported once: what each group of days holds is chosen so that the same
/// days, the whole week and the whole month all give different values.
/// </summary>
public sealed class HeadlineResponses : IAsyncLifetime
{
    private readonly CsvFiles _files = new();

    public TestDatabase Database { get; } = new();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var csv = new StringBuilder("score,responded_at\n");
        void Add(string day, int count, int score)
        {
            for (var i = 0; i < count; i++) csv.Append($"{score},{day}T12:00:00Z\n");
        }
        // February: early days (1–10) mostly promoters, late days (20–28) detractors.
        Add("2025-02-03", 8, 10); Add("2025-02-05", 2, 3);                 // 1–10 Feb: P8 D2, n 10 → +60
        Add("2025-02-25", 10, 0);                                           // whole Feb: P8 D12, n 20 → −20
        // Week of Monday 3 March: Mon–Wed mostly promoters, Thu–Sun detractors.
        Add("2025-03-03", 6, 10); Add("2025-03-04", 2, 8); Add("2025-03-05", 2, 3); // 3–5 Mar: P6 Pa2 D2, n 10 → +40
        Add("2025-03-07", 10, 0);                                           // whole week: P6 Pa2 D12, n 20 → −30
        // Week of Monday 10 March, Mon–Wed; then a Thursday the ranges below leave out.
        Add("2025-03-10", 8, 10); Add("2025-03-12", 2, 0);                 // 10–12 Mar: P8 D2, n 10 → +60
        Add("2025-03-13", 5, 0);
        var report = await Database.CreateImportService().ImportAsync(_files.Request(csv.ToString(), "survey=nps"));
        report.Status.Should().Be(BatchStatus.Imported);
        report.RowsImported.Should().Be(55);
    }

    public async Task DisposeAsync()
    {
        _files.Dispose();
        await Database.DisposeAsync();
    }
}

/// <summary>
/// docs/metrics.md, "Periods and partial periods": a partial latest period is compared only with the same elapsed days of
/// the previous period, never with the whole of it; a complete one with the whole previous period.
/// </summary>
public sealed class HeadlineQueryTests(HeadlineResponses data) : IClassFixture<HeadlineResponses>
{
    private static readonly MetricDefinition Nps = MetricCatalog.Find("nps")!;

    private MetricQuery Metrics(string today)
    {
        var options = Options.Create(new CxBridgeSettings());
        return new MetricQuery(new SurveyMetricQuery(data.Database.DataSource, options), new OperationalMetricQuery(data.Database.DataSource, options),
            options, FixedClock.On(today));
    }

    private Task<MetricHeadline> Headline(string from, string to, Grain grain, string today = "2025-06-01") =>
        new HeadlineQuery(Metrics(today)).ForAsync(Nps, MetricFilter.Create(DateOnly.Parse(from), DateOnly.Parse(to), grain));

    /// <summary>The metric over these days as one value (grain total), as the API answers ?grain=total.</summary>
    private async Task<MetricPoint> Total(string from, string to) =>
        (await Metrics("2025-06-01").SeriesAsync(Nps, MetricFilter.Create(DateOnly.Parse(from), DateOnly.Parse(to), Grain.Total))).Points.Single();

    private static DateOnly D(string iso) => DateOnly.Parse(iso);

    [Fact]
    public async Task Headline_RangeEndingMidWeek_LatestWeekIsPartial()
    {
        var headline = await Headline("2025-03-03", "2025-03-12", Grain.Week);

        headline.Series.Points.Select(p => (p.Period, p.N, p.Value)).Should().Equal(
            (D("2025-03-03"), 20, -30.0),
            (D("2025-03-10"), 10, 60.0));
        headline.Latest.Should().BeSameAs(headline.Series.Points[^1]);
        (headline.Coverage.Start, headline.Coverage.End, headline.Coverage.IsPartial).Should().Be((D("2025-03-10"), D("2025-03-13"), true));
    }

    [Fact]
    public async Task Headline_PartialWeek_IsComparedWithTheSameDaysOfThePreviousWeek()
    {
        var headline = await Headline("2025-03-03", "2025-03-12", Grain.Week);

        var comparison = headline.Comparison!;
        (comparison.Window.Start, comparison.Window.End, comparison.Window.IsPartial).Should().Be((D("2025-03-03"), D("2025-03-06"), true));
        (comparison.Point.N, comparison.Point.Value).Should().Be((10, 40.0), "Monday to Wednesday of the week before");
        comparison.Point.Should().BeEquivalentTo(await Total("2025-03-03", "2025-03-05"), "the same cut as ?grain=total over those days");
        comparison.Point.N.Should().NotBe(headline.Series.Points[0].N, "not the whole previous week (20 responses)");
        comparison.Test.Should().Be(PointComparison.Compare(Nps, comparison.Point, headline.Latest));
    }

    [Fact]
    public async Task Headline_CompleteLatestMonth_IsComparedWithTheWholePreviousMonth()
    {
        var headline = await Headline("2025-02-01", "2025-03-31", Grain.Month);

        headline.Coverage.IsPartial.Should().BeFalse();
        (headline.Latest.N, headline.Latest.Value).Should().Be((35, 100.0 * (14 - 19) / 35), "all of March: P14 Pa2 D19");
        var comparison = headline.Comparison!;
        (comparison.Window.Start, comparison.Window.End, comparison.Window.IsPartial).Should().Be((D("2025-02-01"), D("2025-03-01"), false));
        comparison.Point.Should().BeSameAs(headline.Series.Points[0], "the whole of February, as the series has it");
        (comparison.Point.N, comparison.Point.Value).Should().Be((20, -20.0));
    }

    [Fact]
    public async Task Headline_MonthHoldingToday_IsComparedWithThePreviousMonthUpToTheSameDay()
    {
        // Seen on 12 March: March so far is 1–12 March; February is taken from the 1st to the 12th only.
        var headline = await Headline("2025-02-01", "2025-03-31", Grain.Month, today: "2025-03-12");

        (headline.Coverage.Start, headline.Coverage.End, headline.Coverage.IsPartial).Should().Be((D("2025-03-01"), D("2025-03-13"), true));
        var comparison = headline.Comparison!;
        (comparison.Window.Start, comparison.Window.End).Should().Be((D("2025-02-01"), D("2025-02-13")));
        (comparison.Point.N, comparison.Point.Value).Should().Be((10, 60.0), "1–12 February, not the whole month (n 20, −20)");
        comparison.Point.Should().BeEquivalentTo(await Total("2025-02-01", "2025-02-12"));
    }

    [Fact]
    public async Task Headline_GrainTotal_IsComparedWithTheWindowOfTheSameLengthBefore()
    {
        // 3–12 March (10 days) against 21 February – 2 March.
        var headline = await Headline("2025-03-03", "2025-03-12", Grain.Total);

        (headline.Latest.N, headline.Latest.Value).Should().Be((30, 0.0));
        var comparison = headline.Comparison!;
        (comparison.Window.Start, comparison.Window.End).Should().Be((D("2025-02-21"), D("2025-03-03")));
        comparison.Point.Should().BeEquivalentTo(await Total("2025-02-21", "2025-03-02"));
        (comparison.Point.N, comparison.Point.Value).Should().Be((10, -100.0), "the detractors of 25 February");
    }

    [Fact]
    public async Task Headline_LastDaysOfAMonthWithoutTheSameDaysBefore_HasNothingToCompareWith()
    {
        // 29–31 March: February has no such days.
        var headline = await Headline("2025-03-29", "2025-03-31", Grain.Month);

        headline.Coverage.IsPartial.Should().BeTrue();
        headline.Comparison.Should().BeNull();
    }
}
