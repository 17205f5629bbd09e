using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Pages;

/// <summary>The metric explorer (prerendered) and its exports, over tickets imported through the API once.</summary>
public sealed class MetricExplorerPageTests(MetricExplorerPageTests.Data app) : IClassFixture<MetricExplorerPageTests.Data>
{
    /// <summary>
    /// 60 tickets opened on 10 March: T00–T29 by chat, answered after 1 h, resolved at the first contact; T30–T59 by email,
    /// answered after 10 h, except T45, answered after 30 h (the slowest), two contacts each. T00's agent is a formula.
    /// </summary>
    public sealed class Data : CxBridgeAppFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            var csv = new StringBuilder("ticket_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team\n");
            for (var i = 0; i < 60; i++)
            {
                var chat = i < 30;
                var answered = chat ? "2025-03-10T09:00:00Z" : i == 45 ? "2025-03-11T14:00:00Z" : "2025-03-10T18:00:00Z";
                var agent = i == 0 ? "\"=HYPERLINK(\"\"http://evil\"\")\"" : "Ana";
                csv.Append($"T{i:00},2025-03-10T08:00:00Z,{answered},2025-03-12T08:00:00Z,{(chat ? 1 : 2)},no,{(chat ? "chat" : "email")},{agent},tier1\n");
            }
            var post = await CreateClient().PostAsync("/api/imports/tickets", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            post.StatusCode.Should().Be(HttpStatusCode.Created, await post.Content.ReadAsStringAsync());
        }
    }

    private readonly HttpClient _client = app.CreateClient();
    private const string Range = "from=2025-03-01&to=2025-04-30&grain=month";

    private static List<string> Column(AngleSharp.Dom.IDocument page, string table, int column) =>
        page.QuerySelectorAll($"#{table} tbody tr").Select(r => r.Children[column].TextContent.Trim()).ToList();

    [Fact]
    public async Task Explorer_Periods_ShowEachMonthWithValueNAndRowsLink()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}");

        page.One("h1").TextContent.Should().Be("First Response Time");
        var rows = page.QuerySelectorAll("#periods tbody tr");
        rows.Select(r => r.GetAttribute("data-period")).Should().Equal("2025-03-01", "2025-04-01");
        rows.Select(r => r.Children.Take(4).Select(c => c.Text()).ToArray()).Should().BeEquivalentTo(
            [new[] { "Mar 2025", "5.5 h", "60", "" }, new[] { "Apr 2025", "—", "0", "" }], o => o.WithStrictOrdering(),
            "the median of 30 × 1 h, 29 × 10 h and 1 × 30 h; FRT has no interval");
        rows[0].One("a").GetAttribute("href").Should().Be("http://localhost/metrics/frt?from=2025-03-01&to=2025-04-30&grain=month&drill=2025-03-01");
        rows[1].QuerySelector("a").Should().BeNull("an empty month has no rows to list");
    }

    [Fact]
    public async Task Explorer_Distribution_BucketsTheResponseTimes()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}");

        page.One("#distribution-title").TextContent.Should().Be("Distribution of durations");
    }

    [Fact]
    public async Task Explorer_Breakdown_ByChannel_FlagsTheDifferentChannels()
    {
        var page = await _client.GetPageAsync($"/metrics/fcr?{Range}&by=channel");

        var rows = page.QuerySelectorAll("#breakdown tbody tr");
        rows.Select(r => r.GetAttribute("data-segment")).Should().Equal("chat", "email");
        Column(page, "breakdown", 1).Should().Equal("100.0%", "0.0%");
        Column(page, "breakdown", 2).Should().Equal("30", "30");
        rows.Select(r => r.One("[data-significant]").Text()).Should().Equal(
            "higher than the rest (0.0%, p < 0.001)", "lower than the rest (100.0%, p < 0.001)");
    }

    [Fact]
    public async Task Explorer_Breakdown_FilterLinkOfASegment_NarrowsTheFilter()
    {
        var page = await _client.GetPageAsync($"/metrics/fcr?{Range}&by=channel");

        var link = page.One("#breakdown tr[data-segment=email] td a").GetAttribute("href")!;
        link.Should().Be("http://localhost/metrics/fcr?from=2025-03-01&to=2025-04-30&grain=month&channel=email");
        var email = await _client.GetPageAsync(link);
        email.One("#periods tbody tr").Children[1].TextContent.Trim().Should().Be("0.0%");
        email.QuerySelectorAll("[data-chip]").Select(c => c.Text()).Should().Equal("Channel: email");
    }

    [Fact]
    public async Task Explorer_Drill_ListsTheRowsCountedInNFiftyAPage()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&drill=2025-03-01");

        page.One("#rows-title").Text().Should().Be("The rows behind the number: 60 in 3/1/2025 – 3/31/2025");
        page.One("#rows [data-total]").TextContent.Should().Be("60");
        page.QuerySelectorAll("#drill tbody tr").Should().HaveCount(50);
        page.One("#drill [data-pager]").Text().Should().Be("Rows 1–50 of 60");
        Column(page, "drill", 0).Take(3).Should().Equal(new[] { "T00", "T01", "T02" }, "time order, then the ticket id");
    }

    [Fact]
    public async Task Explorer_DrillPage2_HasTheRemainingRows()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&drill=2025-03-01&page=2");

        page.QuerySelectorAll("#drill tbody tr").Should().HaveCount(10);
        page.One("#drill [data-pager]").Text().Should().Be("Rows 51–60 of 60");
        Column(page, "drill", 0).Should().Equal(Enumerable.Range(50, 10).Select(i => $"T{i}"));
    }

    [Fact]
    public async Task Explorer_DrillSortedDescending_StartsWithTheSlowestTicket()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&drill=2025-03-01&sort=-first_response_hours");

        var first = page.One("#drill tbody tr").Children.Select(c => c.TextContent.Trim()).ToList();
        (first[0], first[4]).Should().Be(("T45", "30.00"));
        Column(page, "drill", 4).Skip(1).Take(29).Should().OnlyContain(h => h == "10.00");
        var header = page.QuerySelectorAll("#drill thead th").Single(th => th.TextContent.Trim() == "first_response_hours");
        header.GetAttribute("aria-sort").Should().Be("descending");
    }

    [Fact]
    public async Task Explorer_DrillSortedAscending_StartsWithTheFastestTickets()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&drill=2025-03-01&sort=first_response_hours");

        Column(page, "drill", 4).Take(30).Should().OnlyContain(h => h == "1.00");
        Column(page, "drill", 0).First().Should().Be("T00", "ties keep time order, then the ticket id");
        page.QuerySelectorAll("#drill thead th").Single(th => th.TextContent.Trim() == "first_response_hours")
            .GetAttribute("aria-sort").Should().Be("ascending");
    }

    [Fact]
    public async Task Explorer_DrillSortedByAnUnknownColumn_KeepsTimeOrder()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&drill=2025-03-01&sort=-password");

        Column(page, "drill", 0).Take(2).Should().Equal("T00", "T01");
    }

    [Fact]
    public async Task Explorer_DrillOfAllRowsOfASegment_ListsOnlyThem()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&channel=chat&drill=all");

        page.One("#rows-title").Text().Should().Be("The rows behind the number: 30 in the whole range");
        Column(page, "drill", 8).Should().HaveCount(30).And.OnlyContain(c => c == "chat");
    }

    [Fact]
    public async Task Explorer_FilterThatDoesNotApply_IsSaidAndNotApplied()
    {
        var page = await _client.GetPageAsync($"/metrics/frt?{Range}&region=north");

        page.One("[data-not-applied]").Text().Should().Be(
            "The region filter does not apply to First Response Time (its data has no region): the numbers below are not filtered by it.");
        page.One("#periods tbody tr").Children[2].TextContent.Trim().Should().Be("60");
    }

    [Fact]
    public async Task Api_OperationalMetrics_AnswerFromTheImportedTickets()
    {
        var frt = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/frt?{Range}");
        var march = frt.GetProperty("points")[0];
        (march.GetProperty("n").GetInt32(), march.GetProperty("value").GetDouble()).Should().Be((60, 5.5));
        var fcr = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/fcr?{Range}&channel=chat");
        fcr.GetProperty("points")[0].GetProperty("value").GetDouble().Should().Be(100);
        (await _client.GetAsync($"/api/metrics/churn_rate?{Range}&basis=sometimes")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ExportRows_NeutralisesFormulaCells()
    {
        var response = await _client.GetAsync($"/metrics/frt/export/rows?{Range}&drill=2025-03-01");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var csv = await response.Content.ReadAsStringAsync();
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(61, "a header and the 60 rows counted in n");
        csv.Should().Contain("'=HYPERLINK").And.NotContain(",=HYPERLINK");
    }

    [Fact]
    public async Task ExportRows_FollowTheSortOfThePage()
    {
        var csv = await _client.GetStringAsync($"/metrics/frt/export/rows?{Range}&drill=2025-03-01&sort=-first_response_hours");

        csv.Split("\r\n")[1].Should().StartWith("T45,");
    }

    [Fact]
    public async Task ExportPeriods_HasOneLinePerPeriod()
    {
        var csv = await _client.GetStringAsync($"/metrics/frt/export/periods?{Range}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("period,value,n,low,high");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal("2025-03-01", "2025-04-01");
        lines[1].Split(',')[1].Should().Be("5.5");
    }
}
