using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Pages;

/// <summary>The overview as the server prerenders it (en-US, UTC), over NPS responses imported through the API once.</summary>
public sealed class OverviewPageTests(OverviewPageTests.Data app) : IClassFixture<OverviewPageTests.Data>
{
    /// <summary>
    /// March: 45/30/25 → NPS 20. April: 60/35/25 → NPS 29.2; the change is not significant (docs/metrics.md: p 0.398).
    /// Detractors answered by phone, everyone else by chat.
    /// </summary>
    public sealed class Data : CxBridgeAppFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var rows = new StringBuilder("score,responded_at,channel\n");
            void Add(int count, int score, string date, string channel)
            {
                for (var i = 0; i < count; i++) rows.Append($"{score},{date},{channel}\n");
            }
            Add(45, 10, "2025-03-10", "chat"); Add(30, 8, "2025-03-10", "chat"); Add(25, 2, "2025-03-10", "phone");
            Add(60, 10, "2025-04-10", "chat"); Add(35, 8, "2025-04-10", "chat"); Add(25, 2, "2025-04-10", "phone");
            var post = await CreateClient().PostAsync("/api/imports/responses?survey=nps", new StringContent(rows.ToString(), Encoding.UTF8, "text/csv"));
            post.EnsureSuccessStatusCode();
        }
    }

    private readonly HttpClient _client = app.CreateClient();
    private const string Range = "from=2025-03-01&to=2025-04-30";

    [Fact]
    public async Task Overview_NpsTile_ShowsLatestMonthWithBasisAndNoSpuriousChange()
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}&grain=month");

        var tile = page.One("[data-metric=nps]");
        tile.One("[data-value]").TextContent.Should().Be("29.2");
        tile.One("[data-n]").TextContent.Should().Be("120");
        tile.One("[data-interval]").Text().Should().Be("· 95% CI 14.5–42.4");
        tile.One(".tile-basis").Text().Should().Be("n = 120 · Apr 2025 · 95% CI 14.5–42.4");
        tile.One("[data-change-line]").Text().Should().Be("no significant change vs Mar 2025 (+9.2 pts, p = 0.398)");
        tile.QuerySelector("[data-change]").Should().BeNull();
        tile.QuerySelector("[data-so-far]").Should().BeNull("April 2025 is over");
        (tile.One("[data-promoters]").TextContent, tile.One("[data-passives]").TextContent, tile.One("[data-detractors]").TextContent)
            .Should().Be(("50%", "29%", "21%"));
    }

    [Fact]
    public async Task Overview_TileInterval_IsTheApisInterval()
    {
        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/nps?{Range}&grain=month");
        var april = api.GetProperty("points")[1];

        (Math.Round(april.GetProperty("low").GetDouble(), 1), Math.Round(april.GetProperty("high").GetDouble(), 1)).Should().Be((14.5, 42.4));
    }

    [Fact]
    public async Task Overview_EveryMetric_HasATileInCatalogOrder()
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}");

        page.QuerySelectorAll("[data-metric]").Select(t => t.GetAttribute("data-metric")).Should().Equal(
            "nps", "enps", "csat", "psat", "ces", "churn_rate", "retention_rate", "clv", "fcr", "frt", "resolution_time", "escalation_rate", "referral_rate");
        page.One("[data-metric=csat] [data-value]").TextContent.Should().Be("—", "no CSAT response was imported");
        page.One("[data-metric=csat] [data-n]").TextContent.Should().Be("0");
    }

    [Fact]
    public async Task Overview_FilterInTheUrl_ChangesTheNumbersAndShowsInTheBar()
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}&grain=total&channel=phone");

        page.One("[data-metric=nps] [data-value]").TextContent.Should().Be("-100.0");
        page.One("[data-metric=nps] [data-n]").TextContent.Should().Be("50");
        page.One("[data-metric=nps] .tile-basis").Text().Should().StartWith("n = 50 · 3/1/2025 – 4/30/2025");
        page.QuerySelectorAll("[data-chip]").Select(c => c.Text()).Should().Equal("Channel: phone");
        page.One("[data-filter=grain] [role=combobox]").GetAttribute("value").Should().Be("Whole range");
        page.One("[data-filter=range] input[aria-label='Start date']").GetAttribute("value").Should().Be("03/01/2025");
        page.One("[data-filter=range] input[aria-label='End date']").GetAttribute("value").Should().Be("04/30/2025");
    }

    [Fact]
    public async Task Overview_WholeRange_IsComparedWithTheSameNumberOfDaysBefore()
    {
        var page = await _client.GetPageAsync("/metrics?from=2025-04-01&to=2025-04-30&grain=total");

        page.One("[data-metric=nps] [data-change-line]").Text().Should().Be("no significant change vs the previous 30 days (+9.2 pts, p = 0.398)");
    }

    [Fact]
    public async Task Overview_RangeEndingMidMonth_ShowsTheMonthSoFarAgainstTheSameDays()
    {
        // 1–10 April holds all April responses (the 10th); 1–10 March all of March's.
        var page = await _client.GetPageAsync("/metrics?from=2025-03-01&to=2025-04-10&grain=month");

        var tile = page.One("[data-metric=nps]");
        tile.One("[data-so-far]").TextContent.Trim().Should().Be("so far");
        tile.One("[data-partial]").TextContent.Trim().Should().Be("so far: 4/1/2025 – 4/10/2025, 10 of 30 days");
        tile.One("[data-change-line]").Text().Should().Be("no significant change vs 3/1/2025 – 3/10/2025 (the same 10 days of Mar 2025) (+9.2 pts, p = 0.398)");
    }

    [Fact]
    public async Task Overview_ProblemInTheUrl_IsShownAndTheDefaultsUsed()
    {
        var page = await _client.GetPageAsync("/metrics?from=2025-13-01&grain=fortnight");

        page.One("[data-problems]").TextContent.Should().Be(
            "from '2025-13-01' is not a date: expected yyyy-MM-dd; grain 'fortnight' is not known: expected week, month, quarter, year or total");
    }

    [Fact]
    public async Task Overview_Trend_IsTheChosenMetricsAndLinksCarryTheFilter()
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}&grain=month&channel=chat&metric=csat");

        page.One("#trend-title").Text().Should().Be("Customer Satisfaction by month");
        page.One("[data-metric=csat]").ClassList.Should().Contain("selected");
        page.QuerySelector("svg.cx-trend").Should().BeNull("there is no CSAT response to draw");
        page.One(".cx-chart-empty").Should().NotBeNull();
        page.One("[data-metric=nps] a[aria-label='Explore Net Promoter Score']").GetAttribute("href")
            .Should().Be("/metrics/nps?from=2025-03-01&to=2025-04-30&grain=month&channel=chat");
        page.One("[data-metric=nps] a[aria-label='Net Promoter Score trend']").GetAttribute("href")
            .Should().Be("http://localhost/metrics?from=2025-03-01&to=2025-04-30&grain=month&channel=chat&metric=nps");
    }

    [Fact]
    public async Task Overview_Trend_IsNpsByDefault()
    {
        var page = await _client.GetPageAsync($"/metrics?{Range}&grain=month");

        page.One("#trend-title").Text().Should().Be("Net Promoter Score by month");
        var chart = page.One("svg.cx-trend");
        chart.One("title").TextContent.Should().Be("Net Promoter Score trend");
        chart.QuerySelectorAll(".cx-axis-x text").Select(t => t.TextContent).Should().Equal("Mar 25", "Apr 25");
        chart.QuerySelectorAll("circle.cx-marker title").Select(t => t.TextContent).Should().Equal(
            "Mar 25: 20.0 (n = 100, 95% 3.8–35.1)", "Apr 25: 29.2 (n = 120, 95% 14.5–42.4)");
    }

    [Fact]
    public async Task Definitions_HasAnEntryForEveryTileLink()
    {
        var catalog = await _client.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/metrics");
        var page = await _client.GetPageAsync("/definitions");

        foreach (var code in catalog!.Select(m => m["code"].ToString()))
        {
            page.GetElementById(code!).Should().NotBeNull($"/definitions#{code} is linked from its tile");
        }
        page.One("#clv").TextContent.Should().Contain("no dimension filter applies");
        page.One("#frt").TextContent.Should().Contain("filters and breakdowns that apply: channel, agent, team");
    }
}
