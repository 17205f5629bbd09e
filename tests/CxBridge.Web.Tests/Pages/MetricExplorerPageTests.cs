using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Pages;

/// <summary>The metric explorer and its exports, over tickets imported through the API.</summary>
public sealed class MetricExplorerPageTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();
    private static readonly HtmlParser Parser = new();
    private const string Range = "from=2025-03-01&to=2025-04-30&grain=month";

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        // 60 tickets in March: chat answered after 1 h, email after 10 h; one agent's name is a spreadsheet formula.
        var csv = new StringBuilder("ticket_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team\n");
        for (var i = 0; i < 60; i++)
        {
            var chat = i < 30;
            csv.Append($"T{i:00},2025-03-10T08:00:00Z,2025-03-10T{(chat ? "09" : "18")}:00:00Z,2025-03-11T08:00:00Z,{(chat ? 1 : 2)},no,{(chat ? "chat" : "email")},{(i == 0 ? "\"=HYPERLINK(\"\"http://evil\"\")\"" : "Ana")},tier1\n");
        }
        var post = await _client.PostAsync("/api/imports/tickets", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        post.StatusCode.Should().Be(HttpStatusCode.Created, await post.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Api_OperationalMetrics_AnswerFromTheImportedTickets()
    {
        var frt = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/frt?{Range}");
        var march = frt.GetProperty("points")[0];
        (march.GetProperty("n").GetInt32(), march.GetProperty("value").GetDouble()).Should().Be((60, 5.5), "median of 30 × 1 h and 30 × 10 h");
        var fcr = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/fcr?{Range}&channel=chat");
        fcr.GetProperty("points")[0].GetProperty("value").GetDouble().Should().Be(100);
        (await _client.GetAsync($"/api/metrics/churn_rate?{Range}&basis=sometimes")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Drill_ListsExactlyTheRowsCountedInN_WithPaging()
    {
        var page = Parser.ParseDocument(await _client.GetStringAsync($"/metrics/frt?{Range}&drill=2025-03-01"));

        page.QuerySelector("#rows h2")!.TextContent.Should().Contain("60");
        page.QuerySelectorAll("#drill tbody tr").Length.Should().Be(50, "50 rows a page");
        var next = page.QuerySelector("#next-page")!.GetAttribute("href")!;
        var second = Parser.ParseDocument(await _client.GetStringAsync(next));
        second.QuerySelectorAll("#drill tbody tr").Length.Should().Be(10);
    }

    [Fact]
    public async Task Breakdown_ByChannel_FlagsTheSlowerChannel()
    {
        var page = Parser.ParseDocument(await _client.GetStringAsync($"/metrics/fcr?{Range}&by=channel"));

        var rows = page.QuerySelectorAll("#breakdown tbody tr");
        rows.Length.Should().Be(2);
        rows.Select(r => r.QuerySelector("td")!.TextContent).Should().BeEquivalentTo(["chat", "email"]);
        rows.Should().OnlyContain(r => r.QuerySelector("[data-significant]") != null, "100% vs 0% first-contact resolution");
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
    public async Task ExportPeriods_HasOneLinePerPeriod()
    {
        var csv = await _client.GetStringAsync($"/metrics/frt/export/periods?{Range}");

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("period,value,n,low,high");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal("2025-03-01", "2025-04-01");
        lines[1].Split(',')[1].Should().Be("5.5");
    }

    [Fact]
    public async Task UnknownMetric_Is404()
    {
        (await _client.GetAsync("/metrics/happiness")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
