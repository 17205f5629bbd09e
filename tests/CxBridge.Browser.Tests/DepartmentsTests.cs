using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Browser.Tests.Infrastructure;
using CxBridge.Data.Demo;
using CxBridge.Metrics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxBridge.Browser.Tests;

/// <summary>
/// The department pages in a browser, over the demo company (imported through the API): from the list to three
/// department pages, each linkage panel's numbers as the API gives them; and a pair removed on the setup page is gone
/// from the department's answer.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DepartmentsTests(BrowserAppFactory app, ChromiumFixture chromium, ITestOutputHelper output) : BrowserTest(app, chromium, output)
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The catalog as shipped (a test may have edited it), then the demo company's 24 months up to this month.
        await App.Database.ClearCatalogAsync();
        await App.Database.CreateSeeder().SeedAsync();
        var end = new DateOnly(App.Today.Year, App.Today.Month, 1);
        foreach (var (kind, write) in new (string, Func<TextWriter, DateOnly, int>)[]
        {
            ("customers", (w, e) => DemoData.WriteCustomers(w, e)), ("responses", (w, e) => DemoData.WriteResponses(w, e)),
            ("orders", (w, e) => DemoData.WriteOrders(w, e)), ("tickets", (w, e) => DemoData.WriteTickets(w, e)),
            ("kpis", (w, e) => DemoData.WriteKpis(w, e)), ("events", (w, e) => DemoData.WriteEvents(w, e)),
        })
        {
            using var csv = new StringWriter(CultureInfo.InvariantCulture);
            write(csv, end);
            await App.ImportAsync(kind, csv.ToString());
        }
    }

    [Fact]
    public async Task NorthStar_OnA1280By900Screen_ShowsTheWholeStoryWithinTwoScreens()
    {
        // What an executive takes in without scrolling past two screens: the North Star against target, every metric,
        // the departments on target, the links that hold, revenue at risk and the first of the customers' own words.
        await OpenAsync("/");

        var bottoms = await Page.EvaluateAsync<Dictionary<string, double>>(
            """
            () => Object.fromEntries(['[data-north-star]', '.headline-strip', '[data-panel=attainment] [data-department]',
                '[data-panel=links] [data-link]', '[data-panel=revenue-at-risk] [data-amount]']
                .map(s => [s, document.querySelector(s).getBoundingClientRect().bottom + window.scrollY]))
            """);
        bottoms.Should().AllSatisfy(b => b.Value.Should().BeLessThanOrEqualTo(2 * 900, $"{b.Key} is within the first two screens"));
        // The customers' words start within the two screens: the first line of the first promoter's and detractor's comment.
        var firstLines = await Page.EvaluateAsync<double[]>(
            "() => ['promoter', 'detractor'].map(k => { const q = document.querySelector(`[data-stories=${k}] [data-story] blockquote`); return q.getBoundingClientRect().top + window.scrollY + parseFloat(getComputedStyle(q).lineHeight); })");
        firstLines.Should().AllSatisfy(y => y.Should().BeLessThanOrEqualTo(2 * 900, "a customer's words are read within the first two screens"));
        (await Page.Locator("[data-panel=attainment] [data-department]").CountAsync()).Should().Be(10);
        (await Page.Locator(".headline-strip [data-metric]").CountAsync()).Should().Be(MetricCatalog.All.Count - 1, "every metric but the North Star");
        await SaveScreenshotAsync("north-star-demo.png");
    }

    [Fact]
    public async Task DepartmentList_ToThreePages_LinkagePanelsShowTheApisNumbers()
    {
        using var api = new HttpClient { BaseAddress = App.BaseAddress };
        await OpenAsync("/departments");

        foreach (var code in new[] { "finance", "service", "marketing" })
        {
            await Page.Locator($"[data-department={code}] h2 a").ClickAsync();
            await WaitForUrlAsync(Page, url => url.Contains($"/departments/{code}", StringComparison.Ordinal));
            var answer = await api.GetFromJsonAsync<JsonElement>($"/api/departments/{code}");
            await Assertions.Expect(Page.Locator("main h1")).ToHaveTextAsync(answer.GetProperty("name").GetString()!);

            foreach (var link in answer.GetProperty("linkages").EnumerateArray())
            {
                var key = $"{link.GetProperty("driver").GetProperty("code").GetString()}->{link.GetProperty("outcome").GetProperty("code").GetString()}";
                var panel = Page.Locator($"[data-linkage='{key}']");
                (await panel.Locator("[data-verdict]").GetAttributeAsync("data-verdict")).Should().Be(link.GetProperty("verdict").GetString(), key);
                foreach (var lag in link.GetProperty("lags").EnumerateArray().Where(l => l.GetProperty("status").GetString() == "computed"))
                {
                    var row = panel.Locator($"tr[data-lag='{lag.GetProperty("lag").GetInt32()}']");
                    (await row.Locator("[data-r]").TextContentAsync()).Should().Be(lag.GetProperty("pearson").GetDouble().ToString("N2", EnUs), $"{key} lag {lag.GetProperty("lag")}");
                    (await row.Locator("[data-p]").TextContentAsync()).Should().Be(P(lag.GetProperty("p").GetDouble()));
                    (await row.Locator("[data-q]").TextContentAsync()).Should().Be(P(lag.GetProperty("q").GetDouble()));
                }
            }
            if (code == "finance")
            {
                await SaveScreenshotAsync("department-finance.png");
            }
            await Page.GoBackAsync();
            await WaitForUrlAsync(Page, url => url.EndsWith("/departments", StringComparison.Ordinal));
        }
        Problems.All.Should().BeEmpty();
    }

    [Fact]
    public async Task SetupPage_PairRemovedAndSaved_IsGoneFromTheDepartmentsAnswer()
    {
        using var api = new HttpClient { BaseAddress = App.BaseAddress };
        var before = (await api.GetFromJsonAsync<JsonElement>("/api/departments/finance")).GetProperty("linkages").GetArrayLength();
        await OpenAsync("/departments/finance/setup");
        var rows = Page.Locator("#pair-rows tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(before);

        await rows.Last.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Remove pair") }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(before - 1);
        await Page.Locator("[data-save=pairs]").ClickAsync();

        await Assertions.Expect(Page.Locator(".mud-snackbar")).ToContainTextAsync("pairs saved");
        var after = await api.GetFromJsonAsync<JsonElement>("/api/departments/finance");
        after.GetProperty("linkages").GetArrayLength().Should().Be(before - 1);
        after.GetProperty("linkages").EnumerateArray()
            .Select(l => $"{l.GetProperty("driver").GetProperty("code").GetString()}->{l.GetProperty("outcome").GetProperty("code").GetString()}")
            .Should().NotContain("churn_rate->revenue", "the last finance pair was removed").And.Contain("nps->revenue");
        await OpenAsync("/departments/finance");
        (await Page.Locator("[data-linkage]").CountAsync()).Should().Be(before - 1);
        Problems.All.Should().BeEmpty();
    }

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", EnUs);
}
