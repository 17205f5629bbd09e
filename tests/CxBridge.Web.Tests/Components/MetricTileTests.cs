using Bunit;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Components.Shared;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// A metric's tile: its value with unit and basis, "so far" for a partial period, filters that do not apply, and the
/// change against a fair comparison (significant only by the metric's own test). Settings: en-US, USD, UTC.
/// </summary>
public sealed class MetricTileTests : ComponentTest
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly April = new(2025, 4, 1);
    private static readonly DateOnly Later = new(2025, 12, 1);

    private static MetricDefinition Metric(string code) => MetricCatalog.Find(code)!;

    private static MetricPoint Point(DateOnly period, double? value, int n, double? low = null, double? high = null,
        IReadOnlyDictionary<string, double?>? detail = null, bool lowSample = false, bool suppressed = false) =>
        new(period, value, n, low, high, lowSample, suppressed, detail ?? new Dictionary<string, double?>());

    /// <summary>An NPS point from its three groups (value and detail as the survey query gives them).</summary>
    private static MetricPoint Nps(DateOnly period, int promoters, int passives, int detractors, double? low = null, double? high = null)
    {
        var n = promoters + passives + detractors;
        return Point(period, 100.0 * (promoters - detractors) / n, n, low, high, new Dictionary<string, double?>
        {
            ["promoters"] = promoters, ["passives"] = passives, ["detractors"] = detractors,
        });
    }

    /// <summary>
    /// The headline the tile shows: <paramref name="latest"/> in a month-grain series over March–April 2025 (seen long
    /// after), compared with <paramref name="previous"/> over the whole previous month by the metric's own test.
    /// </summary>
    private static MetricHeadline Headline(string code, MetricPoint latest, MetricPoint? previous = null, IReadOnlyList<string>? notApplied = null,
        DateOnly? to = null, Grain grain = Grain.Month)
    {
        var definition = Metric(code);
        var filter = MetricFilter.Create(March, to ?? new DateOnly(2025, 4, 30), grain);
        var points = previous is null ? new[] { latest } : [previous, latest];
        var coverage = points.Select(p => PeriodCoverage.Of(p.Period, grain, filter.From, filter.To, Later)).ToList();
        var series = new MetricSeries(definition, filter, points) { Coverage = coverage, NotApplied = notApplied ?? [] };
        var window = coverage[^1].Previous(grain);
        var comparison = previous is null ? null : new MetricComparison(previous, window, PointComparison.Compare(definition, previous, latest));
        return new MetricHeadline(series, latest, coverage[^1], comparison);
    }

    private IRenderedComponent<MetricTile> RenderTile(MetricHeadline headline) =>
        Render<MetricTile>(p => p.Add(x => x.Headline, headline).Add(x => x.ExploreHref, "/metrics/" + headline.Definition.Code));

    private static string Text(AngleSharp.Dom.IElement element) => string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Theory]
    [InlineData("nps", 20.0, "20.0")]
    [InlineData("csat", 60.0, "60.0%")]
    [InlineData("ces", 5.1234, "5.12 /7")]
    [InlineData("frt", 6.5, "6.5 h")]
    [InlineData("clv", 3000.0, "$3,000")]
    [InlineData("churn_rate", 12.5, "12.5%")]
    public void MetricTile_Value_IsWrittenWithItsUnit(string code, double value, string expected)
    {
        var tile = RenderTile(Headline(code, Point(April, value, 100)));

        tile.Find("[data-value]").TextContent.Should().Be(expected);
    }

    [Fact]
    public void MetricTile_Basis_ShowsNPeriodAndInterval()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 600, 300, 334, low: 3.77, high: 35.065)));

        tile.Find("[data-n]").TextContent.Should().Be("1,234");
        Text(tile.Find(".tile-basis")).Should().Be("n = 1,234 · Apr 2025 · 95% CI 3.8–35.1");
        tile.Find("[data-interval]").TextContent.Trim().Should().Be("· 95% CI 3.8–35.1");
    }

    [Fact]
    public void MetricTile_PercentInterval_CarriesTheUnitOnce()
    {
        var tile = RenderTile(Headline("csat", Point(April, 60.0, 50, low: 52.34, high: 67.41)));

        tile.Find("[data-interval]").TextContent.Trim().Should().Be("· 95% CI 52.3–67.4%");
    }

    [Fact]
    public void MetricTile_MetricWithoutInterval_ShowsNone()
    {
        var tile = RenderTile(Headline("frt", Point(April, 6.5, 100)));

        tile.FindAll("[data-interval]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_WholePeriod_IsNotMarkedSoFar()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25), previous: Nps(March, 45, 30, 25)));

        tile.FindAll("[data-so-far]").Should().BeEmpty();
        tile.FindAll("[data-partial]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_PartialPeriod_ShowsSoFarWithItsCoverageAndComparesWithTheSameDays()
    {
        // The range ends on 10 April: April is covered 1–10 of 30 days, and compared with 1–10 March.
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25), previous: Nps(March, 45, 30, 25), to: new DateOnly(2025, 4, 10)));

        tile.Find("[data-so-far]").TextContent.Trim().Should().Be("so far");
        tile.Find("[data-partial]").TextContent.Trim().Should().Be("so far: 4/1/2025 – 4/10/2025, 10 of 30 days");
        Text(tile.Find("[data-change-line]")).Should().Be(
            "no significant change vs 3/1/2025 – 3/10/2025 (the same 10 days of Mar 2025) (+9.2 pts, p = 0.398)");
    }

    [Fact]
    public void MetricTile_PartialPeriodWithoutResponses_HasNoSoFarChip()
    {
        var tile = RenderTile(Headline("nps", Point(April, null, 0), to: new DateOnly(2025, 4, 10)));

        tile.FindAll("[data-so-far]").Should().BeEmpty("an empty period is not a value so far");
        tile.Find("[data-value]").TextContent.Should().Be("—");
    }

    [Fact]
    public void MetricTile_NotSignificantChange_IsWordedNoSignificantChange()
    {
        // docs/metrics.md: 45/30/25 → 60/35/25 is +9.2 points with p = 0.398.
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25), previous: Nps(March, 45, 30, 25)));

        tile.Find("[data-value]").TextContent.Should().Be("29.2");
        Text(tile.Find("[data-no-change]")).Should().Be("no significant change vs Mar 2025 (+9.2 pts, p = 0.398)");
        tile.FindAll("[data-change]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_SignificantRise_ShowsUpArrowAsBetterWithP()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25), previous: Nps(March, 20, 30, 50)));

        var change = tile.Find("[data-change]");
        Text(change).Should().Be("+59.2 pts vs Mar 2025 (p < 0.001, significant)");
        change.ClassList.Should().Contain("change-better");
        ArrowOf(change).Should().Be(IconPath(Icons.Material.Filled.ArrowUpward));
        tile.FindAll("[data-no-change]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_SignificantRiseOfAMetricWhereLowerIsBetter_IsAnUpArrowMarkedWorse()
    {
        // Churn 10% of 1,000 → 20% of 1,000: a rise, and worse.
        var tile = RenderTile(Headline("churn_rate", Point(April, 20.0, 1000), previous: Point(March, 10.0, 1000)));

        var change = tile.Find("[data-change]");
        Text(change).Should().Be("+10.0 pts vs Mar 2025 (p < 0.001, significant)");
        change.ClassList.Should().Contain("change-worse");
        ArrowOf(change).Should().Be(IconPath(Icons.Material.Filled.ArrowUpward));
    }

    [Fact]
    public void MetricTile_SignificantFall_ShowsDownArrowAsWorse()
    {
        var tile = RenderTile(Headline("csat", Point(April, 50.0, 400), previous: Point(March, 70.0, 400)));

        var change = tile.Find("[data-change]");
        Text(change).Should().StartWith("−20.0 pts vs Mar 2025 (p < 0.001, significant)");
        change.ClassList.Should().Contain("change-worse");
        ArrowOf(change).Should().Be(IconPath(Icons.Material.Filled.ArrowDownward));
    }

    [Fact]
    public void MetricTile_MetricWithoutATest_IsNeverMarkedSignificant()
    {
        // First response time 1 h → 10 h over 5,000 tickets each: a median has no change test here.
        var tile = RenderTile(Headline("frt", Point(April, 10.0, 5000), previous: Point(March, 1.0, 5000)));

        tile.FindAll("[data-change]").Should().BeEmpty();
        tile.FindAll("[data-no-change]").Should().BeEmpty();
        Text(tile.Find("[data-untested]")).Should().Be("+9.0 h vs Mar 2025: no significance test for this metric");
    }

    [Fact]
    public void MetricTile_NothingToCompareWith_SaysSo()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25)));

        Text(tile.Find("[data-change-line]")).Should().Be("no earlier value to compare with");
    }

    [Fact]
    public void MetricTile_TotalGrain_ShowsTheDaysAndComparesWithThePreviousWindow()
    {
        var definition = Metric("nps");
        var filter = MetricFilter.Create(March, new DateOnly(2025, 3, 31), Grain.Total);
        var latest = Nps(March, 60, 35, 25);
        var coverage = PeriodCoverage.Of(March, Grain.Total, filter.From, filter.To, Later);
        var series = new MetricSeries(definition, filter, [latest]) { Coverage = [coverage] };
        var before = Nps(new DateOnly(2025, 1, 29), 45, 30, 25);
        var headline = new MetricHeadline(series, latest, coverage,
            new MetricComparison(before, coverage.Previous(Grain.Total), PointComparison.Compare(definition, before, latest)));

        var tile = RenderTile(headline);

        Text(tile.Find(".tile-basis")).Should().Be("n = 120 · 3/1/2025 – 3/31/2025");
        Text(tile.Find("[data-no-change]")).Should().Be("no significant change vs the previous 31 days (+9.2 pts, p = 0.398)");
    }

    [Fact]
    public void MetricTile_FilterThatDoesNotApply_IsLabelled()
    {
        var tile = RenderTile(Headline("clv", Point(April, 3000.0, 80), notApplied: ["department"]));

        Text(tile.Find("[data-not-applied]")).Should().Be(
            "The department filter does not apply to Customer Lifetime Value (its data has no department): value not filtered by it");
    }

    [Fact]
    public void MetricTile_TwoFiltersThatDoNotApply_AreNamedTogether()
    {
        var tile = RenderTile(Headline("retention_rate", Point(April, 87.5, 80), notApplied: ["channel", "team"]));

        Text(tile.Find("[data-not-applied]")).Should().Be(
            "The channel and team filters do not apply to Retention Rate (its data has no channel or team): value not filtered by them");
    }

    [Fact]
    public void MetricTile_FiltersThatApply_AreNotLabelled()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25)));

        tile.FindAll("[data-not-applied]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_Nps_ShowsItsCompositionInPercent()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25)));

        var composition = tile.Find("[data-composition]");
        (composition.QuerySelector("[data-promoters]")!.TextContent, composition.QuerySelector("[data-passives]")!.TextContent,
            composition.QuerySelector("[data-detractors]")!.TextContent).Should().Be(("50%", "29%", "21%"));
        composition.QuerySelector(".nps-bar")!.GetAttribute("aria-label").Should().Be("50% promoters, 29% passives, 21% detractors");
        composition.QuerySelectorAll(".nps-part").Select(p => p.GetAttribute("style"))
            .Should().Equal("width:50%", "width:29.167%", "width:20.833%");
    }

    [Fact]
    public void MetricTile_MetricWithoutGroups_HasNoComposition()
    {
        var tile = RenderTile(Headline("csat", Point(April, 60.0, 50)));

        tile.FindAll("[data-composition]").Should().BeEmpty();
    }

    [Fact]
    public void MetricTile_SuppressedEnps_IsHiddenWithItsN()
    {
        var tile = RenderTile(Headline("enps", Point(April, null, 3, suppressed: true, detail: new Dictionary<string, double?>
        {
            ["promoters"] = 2, ["passives"] = 0, ["detractors"] = 1,
        })));

        tile.Find("[data-value]").TextContent.Should().Be("hidden");
        tile.Find("[data-n]").TextContent.Should().Be("3");
        tile.FindAll("[data-composition]").Should().BeEmpty("the groups of a hidden cut would tell what it hides");
    }

    [Fact]
    public void MetricTile_SmallSample_IsFlagged()
    {
        var tile = RenderTile(Headline("csat", Point(April, 60.0, 12, lowSample: true)));

        tile.Find("[data-small-sample]").TextContent.Trim().Should().Be("small sample");
    }

    [Fact]
    public void MetricTile_Links_GoToTheDefinitionAndTheExplorer()
    {
        var tile = RenderTile(Headline("nps", Nps(April, 60, 35, 25)));

        tile.Find("a.tile-name").GetAttribute("href").Should().Be("/definitions#nps");
        tile.Find("a[aria-label='Explore Net Promoter Score']").GetAttribute("href").Should().Be("/metrics/nps");
    }

    /// <summary>The "d" of the arrow icon's drawn path (MudBlazor icons start with an invisible 24×24 box path).</summary>
    private static string? ArrowOf(AngleSharp.Dom.IElement change) =>
        change.QuerySelectorAll("svg path").Select(p => p.GetAttribute("d")).Last();

    private static string IconPath(string icon) =>
        System.Text.RegularExpressions.Regex.Matches(icon, "d=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Last();
}
