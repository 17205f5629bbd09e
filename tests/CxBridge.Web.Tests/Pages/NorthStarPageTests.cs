using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;
using CxBridge.Web.Tests.Startup;
using Microsoft.AspNetCore.Hosting;

namespace CxBridge.Web.Tests.Pages;

/// <summary>The North Star page and GET /api/north-star over the demo company, against the APIs each part comes from.</summary>
public sealed class NorthStarPageTests(DemoStartupTests.DemoAppFactory app) : IClassFixture<DemoStartupTests.DemoAppFactory>
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task NorthStar_Value_EqualsTheMetricApiForTheSameRange()
    {
        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");
        var (from, to) = (northStar.GetProperty("from").GetString(), northStar.GetProperty("to").GetString());
        var metric = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/nps?from={from}&to={to}");

        var hero = northStar.GetProperty("northStar");
        hero.GetProperty("code").GetString().Should().Be("nps", "the default North Star");
        var last = metric.GetProperty("points").EnumerateArray().Last();
        hero.GetProperty("value").GetDouble().Should().Be(last.GetProperty("value").GetDouble());
        hero.GetProperty("n").GetInt32().Should().Be(last.GetProperty("n").GetInt32());
        hero.GetProperty("low").GetDouble().Should().Be(last.GetProperty("low").GetDouble());

        var page = await _client.GetPageAsync("/");
        page.One("[data-north-star=nps] [data-value]").Text().Should().Be(last.GetProperty("value").GetDouble().ToString("N1", EnUs));
        page.One("[data-north-star=nps] [data-n]").Text().Should().Be(last.GetProperty("n").GetInt32().ToString("N0", EnUs));
    }

    [Fact]
    public async Task NorthStar_Changes_MarkedSignificantExactlyWhenPBelow005()
    {
        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");
        var changes = northStar.GetProperty("northStar").GetProperty("changes").EnumerateArray().ToList();
        changes.Select(c => c.GetProperty("against").GetString()).Should().Equal("previous", "year_earlier");
        foreach (var change in changes)
        {
            change.GetProperty("significant").GetBoolean().Should().Be(change.GetProperty("p").GetDouble() < 0.05);
        }
        // The previous month against the API's own periods: the same value.
        var (from, to) = (northStar.GetProperty("from").GetString(), northStar.GetProperty("to").GetString());
        var points = (await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/nps?from={from}&to={to}")).GetProperty("points").EnumerateArray().ToList();
        changes[0].GetProperty("value").GetDouble().Should().Be(points[^2].GetProperty("value").GetDouble());

        var page = await _client.GetPageAsync("/");
        foreach (var change in changes)
        {
            var item = page.One($"[data-change-against={change.GetProperty("against").GetString()}]");
            var significant = change.GetProperty("significant").GetBoolean();
            item.GetAttribute("data-significant").Should().Be(significant ? "true" : "false");
            (item.QuerySelector("svg") is not null).Should().Be(significant, "an arrow only for a real change, never for noise");
        }
    }

    [Fact]
    public async Task NorthStar_DepartmentAttainment_IsEachDepartmentsTargetsMetOfSet()
    {
        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");
        var departments = await _client.GetFromJsonAsync<JsonElement>("/api/departments");

        northStar.GetProperty("departments").EnumerateArray()
            .Select(d => (d.GetProperty("code").GetString(), d.GetProperty("targetsMet").GetInt32(), d.GetProperty("targetsSet").GetInt32()))
            .Should().Equal(departments.EnumerateArray().Select(d => (d.GetProperty("code").GetString(),
                d.GetProperty("attainment").GetProperty("met").GetInt32(), d.GetProperty("attainment").GetProperty("set").GetInt32())));
        northStar.GetProperty("departments").EnumerateArray().Should().OnlyContain(d => d.GetProperty("targetsSet").GetInt32() > 0, "the demo sets targets everywhere");
    }

    [Fact]
    public async Task NorthStar_LinksAndStoriesAndRevenueAtRisk_AreThere()
    {
        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");

        var links = northStar.GetProperty("linkages").EnumerateArray().ToList();
        links.Should().HaveCount(5).And.OnlyContain(l => l.GetProperty("link").GetProperty("verdict").GetString() == "moves_as_expected");
        links.Select(l => l.GetProperty("link").GetProperty("lags").EnumerateArray()
                .Single(x => x.GetProperty("lag").GetInt32() == l.GetProperty("link").GetProperty("strongestLag").GetInt32()).GetProperty("q").GetDouble())
            .Should().BeInAscendingOrder("the strongest first");
        var stories = northStar.GetProperty("stories").EnumerateArray().ToList();
        stories.Where(s => s.GetProperty("kind").GetString() == "promoter").Should().OnlyContain(s => s.GetProperty("score").GetDouble() >= 9);
        stories.Where(s => s.GetProperty("kind").GetString() == "detractor").Should().OnlyContain(s => s.GetProperty("score").GetDouble() <= 6);
        stories.Select(s => s.GetProperty("respondedAt").GetDateTimeOffset()).Where((_, i) => i < 5).Should().BeInDescendingOrder("most recent first");
        northStar.GetProperty("revenueAtRisk").GetProperty("amount").GetDouble().Should().Be(
            northStar.GetProperty("revenueAtRisk").GetProperty("customersLost").GetInt32() * northStar.GetProperty("revenueAtRisk").GetProperty("lifetimeValue").GetDouble());
    }

    [Fact]
    public async Task NorthStar_Exports_AreThePagesTables()
    {
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");

        var metrics = Lines(await _client.GetStringAsync("/north-star/export/metrics"));
        metrics[0].Should().StartWith("metric,period,value,n,");
        metrics.Skip(1).Select(l => l.Split(',')[0]).Should().Equal(
            api.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("code").GetString()).Prepend("nps"));
        metrics[1].Split(',')[2].Should().Be(api.GetProperty("northStar").GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture));
        var departments = Lines(await _client.GetStringAsync("/north-star/export/departments"));
        departments.Skip(1).Select(l => (l.Split(',')[0], int.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)))
            .Should().Equal(api.GetProperty("departments").EnumerateArray().Select(d => (d.GetProperty("code").GetString()!, d.GetProperty("targetsMet").GetInt32())));
        Lines(await _client.GetStringAsync("/north-star/export/linkages")).Should().HaveCount(1 + api.GetProperty("linkages").GetArrayLength());
        (await _client.GetAsync("/north-star/export/nothing")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await _client.GetAsync("/north-star/export/metrics?from=someday")).StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
    }

    private static List<string> Lines(string csv) => csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ToList();

    [Fact]
    public async Task NorthStar_StorySearch_KeepsOnlyCommentsWithTheWords()
    {
        var all = await _client.GetFromJsonAsync<JsonElement>("/api/north-star");
        var word = all.GetProperty("stories")[0].GetProperty("comment").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries).OrderByDescending(w => w.Length).First();

        var found = await _client.GetFromJsonAsync<JsonElement>($"/api/north-star?q={Uri.EscapeDataString(word)}");

        found.GetProperty("stories").EnumerateArray().Should().NotBeEmpty()
            .And.OnlyContain(s => s.GetProperty("comment").GetString()!.Contains(word, StringComparison.OrdinalIgnoreCase));
        var page = await _client.GetPageAsync($"/?q={Uri.EscapeDataString(word)}");
        page.QuerySelectorAll("[data-story] blockquote").Should().OnlyContain(b => b.TextContent.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>With eNPS as the North Star, its stories never come from a cut below the anonymity threshold.</summary>
public sealed class NorthStarEnpsStoriesTests(NorthStarEnpsStoriesTests.EnpsNorthStar app) : IClassFixture<NorthStarEnpsStoriesTests.EnpsNorthStar>, IAsyncLifetime
{
    public sealed class EnpsNorthStar : CxBridgeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CxBridge:NorthStar", "enps");
        }
    }

    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ImportAsync(int answers)
    {
        var csv = new StringBuilder("response_id,score,responded_at,department,comment\n");
        for (var i = 0; i < answers; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"e{answers}-{i},{(i % 2 == 0 ? 10 : 2)},2025-03-1{i % 9}T10:00:00Z,hr,my team comment {i}\n");
        }
        (await _client.PostAsync("/api/imports/responses?survey=enps", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task EnpsNorthStar_CutBelowTheAnonymityThreshold_HasNoStories()
    {
        await ImportAsync(4);

        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star?from=2025-03-01&to=2025-03-31");

        northStar.GetProperty("northStar").GetProperty("code").GetString().Should().Be("enps");
        northStar.GetProperty("northStar").GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null, "4 answers are below the threshold of 5: hidden");
        northStar.GetProperty("stories").GetArrayLength().Should().Be(0, "no comment from a hidden eNPS cut");
        var page = await _client.GetPageAsync("/?from=2025-03-01&to=2025-03-31");
        page.QuerySelectorAll("[data-story]").Should().BeEmpty();
    }

    [Fact]
    public async Task EnpsNorthStar_CutAtTheThreshold_ShowsItsStories()
    {
        await ImportAsync(6);

        var northStar = await _client.GetFromJsonAsync<JsonElement>("/api/north-star?from=2025-03-01&to=2025-03-31");

        northStar.GetProperty("stories").GetArrayLength().Should().Be(6, "3 promoters and 3 detractors, all with a comment");
    }

    [Fact]
    public async Task StoriesExport_FormulaComment_IsNeutralised()
    {
        var csv = "response_id,score,responded_at,department,comment\n"
            + string.Concat(Enumerable.Range(0, 6).Select(i => $"f{i},10,2025-03-1{i}T10:00:00Z,hr,\"=HYPERLINK(\"\"http://evil\"\")\"\n"));
        (await _client.PostAsync("/api/imports/responses?survey=enps", new StringContent(csv, Encoding.UTF8, "text/csv"))).EnsureSuccessStatusCode();

        var export = await _client.GetStringAsync("/north-star/export/stories?from=2025-03-01&to=2025-03-31");

        export.Should().Contain("'=HYPERLINK").And.NotContain(",=HYPERLINK");
    }
}
