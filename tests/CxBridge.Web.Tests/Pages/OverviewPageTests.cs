using System.Net.Http.Json;
using System.Text;
using AngleSharp.Html.Parser;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Pages;

public sealed class OverviewPageTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();
    private static readonly HtmlParser Parser = new();

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        // March: 45/30/25 → NPS 20. April: 60/35/25 → NPS 29.17; the change is not significant (METRICS.md, p 0.398).
        var rows = new StringBuilder("score,responded_at,channel\n");
        void Add(int count, int score, string date, string channel)
        {
            for (var i = 0; i < count; i++) rows.Append($"{score},{date},{channel}\n");
        }
        Add(45, 10, "2025-03-10", "chat"); Add(30, 8, "2025-03-10", "chat"); Add(25, 2, "2025-03-10", "phone");
        Add(60, 10, "2025-04-10", "chat"); Add(35, 8, "2025-04-10", "chat"); Add(25, 2, "2025-04-10", "phone");
        var post = await _client.PostAsync("/api/imports/responses?survey=nps", new StringContent(rows.ToString(), Encoding.UTF8, "text/csv"));
        post.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Overview_ShowsLatestPeriodWithBasisAndNoSpuriousChange()
    {
        var page = Parser.ParseDocument(await _client.GetStringAsync("/?from=2025-03-01&to=2025-04-30&grain=month"));

        var tile = page.QuerySelector("[data-metric=nps]")!;
        tile.QuerySelector("[data-value]")!.TextContent.Should().Be("29.2");
        tile.QuerySelector("[data-n]")!.TextContent.Should().Be("120");
        tile.QuerySelector("[data-change]").Should().BeNull("p = 0.398 is not significant");
        tile.TextContent.Should().Contain("no significant change vs 2025-03");
        tile.QuerySelector("a[href='/definitions#nps']").Should().NotBeNull();
        page.QuerySelector("svg[role=img]").Should().NotBeNull();
    }

    [Fact]
    public async Task Overview_FilterInTheUrl_ChangesTheNumbersAndIsKeptInTheForm()
    {
        var page = Parser.ParseDocument(await _client.GetStringAsync("/?from=2025-03-01&to=2025-04-30&grain=total&channel=phone"));

        page.QuerySelector("[data-metric=nps] [data-value]")!.TextContent.Should().Be("-100.0");
        page.QuerySelector("[data-metric=nps] [data-n]")!.TextContent.Should().Be("50");
        page.QuerySelector("select[name=channel] option[value=phone]")!.HasAttribute("selected").Should().BeTrue();
        page.QuerySelector("select[name=grain] option[selected]")!.GetAttribute("value").Should().Be("total");
    }

    [Fact]
    public async Task Definitions_HasAnEntryForEveryTileLink()
    {
        var catalog = await _client.GetFromJsonAsync<List<Dictionary<string, object>>>("/api/metrics");
        var page = Parser.ParseDocument(await _client.GetStringAsync("/definitions"));

        foreach (var code in catalog!.Select(m => m["code"].ToString()))
        {
            page.GetElementById(code!).Should().NotBeNull($"/definitions#{code} is linked from its tile");
        }
    }
}
