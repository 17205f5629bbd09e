using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;
using CxBridge.Web.Tests.Startup;

namespace CxBridge.Web.Tests.Pages;

/// <summary>
/// Every department page with the demo company loaded (as scripts/run.sh starts it): its tiles, KPIs and linkages are
/// the API's, and each department's own panel is drawn from the data.
/// </summary>
public sealed class DepartmentPagesTests(DemoStartupTests.DemoAppFactory app) : IClassFixture<DemoStartupTests.DemoAppFactory>
{
    private static readonly CultureInfo EnUs = CultureInfo.GetCultureInfo("en-US");
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string> Codes() => new(CxBridge.Metrics.DepartmentCatalog.Codes);

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task DepartmentPage_DemoData_ShowsTheApisMetricsKpisAndVerdicts(string code)
    {
        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/departments/{code}");
        var page = await _client.GetPageAsync($"/departments/{code}");

        page.One("h1").Text().Should().Be(api.GetProperty("name").GetString());
        page.QuerySelectorAll("section[aria-labelledby=metrics-title] [data-metric]").Select(t => t.GetAttribute("data-metric"))
            .Should().Equal(api.GetProperty("metrics").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        page.QuerySelectorAll("[data-kpi]").Select(t => t.GetAttribute("data-kpi"))
            .Should().Equal(api.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("code").GetString()));
        page.QuerySelectorAll("[data-linkage] [data-verdict]").Select(v => v.GetAttribute("data-verdict"))
            .Should().Equal(api.GetProperty("linkages").EnumerateArray().Select(l => l.GetProperty("verdict").GetString()));
        var attainment = api.GetProperty("attainment");
        page.One("[data-attainment]").Text().Should().Be($"{attainment.GetProperty("met").GetInt32()} of {attainment.GetProperty("set").GetInt32()} targets met",
            "the demo sets targets in every department");
        page.QuerySelectorAll("[data-needs]").Should().BeEmpty("the demo has data of every kind");
    }

    [Fact]
    public async Task FinancePage_LinkagePanel_ShowsTheApisNumbersAtEveryLag()
    {
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance");
        var page = await _client.GetPageAsync("/departments/finance");

        var pair = api.GetProperty("linkages").EnumerateArray().Single(l => l.GetProperty("driver").GetProperty("code").GetString() == "ces"
            && l.GetProperty("outcome").GetProperty("code").GetString() == "contact_volume");
        var panel = page.One("[data-linkage='ces->contact_volume']");
        foreach (var lag in pair.GetProperty("lags").EnumerateArray())
        {
            var row = panel.One($"tr[data-lag='{lag.GetProperty("lag").GetInt32()}']");
            row.One("[data-r]").Text().Should().Be(lag.GetProperty("pearson").GetDouble().ToString("N2", EnUs));
            row.One("[data-q]").Text().Should().Be(P(lag.GetProperty("q").GetDouble()));
        }
        panel.One("[data-verdict-text]").Text().Should().Be(pair.GetProperty("verdictText").GetString());
        panel.One("[data-worth]").Text().Should().Be(pair.GetProperty("worth").GetProperty("sentence").GetString());
        panel.QuerySelector("tr.strongest")!.GetAttribute("data-lag").Should().Be("1");
        panel.QuerySelectorAll("svg.cx-paired, svg.cx-scatter").Should().HaveCount(2, "the two series on one time axis, and the scatter of changes");
    }

    [Fact]
    public async Task FinancePage_RevenueAtRisk_IsCustomersLostTimesClv()
    {
        var page = await _client.GetPageAsync("/departments/finance");
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance");
        var (from, to) = (api.GetProperty("from").GetString(), api.GetProperty("to").GetString());
        var churn = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/churn_rate?from={from}&to={to}&grain=total&basis=period");
        var clv = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/clv?from={from}&to={to}&grain=total");

        var lost = churn.GetProperty("points")[0].GetProperty("detail").GetProperty("lost").GetDouble();
        var value = clv.GetProperty("points")[0].GetProperty("value").GetDouble();
        lost.Should().BeGreaterThan(0, "the demo company loses customers every month");
        page.One("[data-panel=revenue-at-risk] [data-amount]").Text().Should().Be("$" + (lost * value).ToString("N0", EnUs));
        page.One("[data-panel=revenue-at-risk] [data-basis]").Text().Should().StartWith($"{lost.ToString("N0", EnUs)} customers lost");
    }

    [Fact]
    public async Task ServicePage_BreakdownsByChannelAndAgent_ForFcrFrtAndEscalations()
    {
        var page = await _client.GetPageAsync("/departments/service");

        page.QuerySelectorAll("[data-panel=service-breakdowns] [data-breakdown]").Select(b => b.GetAttribute("data-breakdown")).Should().Equal(
            "fcr:channel", "fcr:agent", "frt:channel", "frt:agent", "escalation_rate:channel", "escalation_rate:agent");
        page.QuerySelectorAll("[data-breakdown='fcr:channel'] tbody tr").Should().NotBeEmpty();
    }

    [Fact]
    public async Task HrPage_EnpsBesideNps_AndAgentsOnlyWithEnoughAnswers()
    {
        var page = await _client.GetPageAsync("/departments/hr");

        page.QuerySelectorAll("[data-panel=service-profit-chain] [data-metric]").Select(t => t.GetAttribute("data-metric")).Should().Equal("enps", "nps");
        var rows = page.QuerySelectorAll("[data-panel=top-agents] [data-breakdown='csat:agent'] tbody tr");
        rows.Select(r => int.Parse(r.QuerySelectorAll("td")[2].TextContent, NumberStyles.AllowThousands, EnUs))
            .Should().OnlyContain(n => n >= 30, "only agents with at least the small-sample threshold of answers");
    }

    [Fact]
    public async Task ProductPage_CesAndPsatAroundEachRelease()
    {
        var events = await _client.GetFromJsonAsync<JsonElement>("/api/departments/product");
        var releases = events.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "release");
        var page = await _client.GetPageAsync("/departments/product");

        releases.Should().BeGreaterThan(0, "the demo has releases in the default range");
        page.QuerySelectorAll("[data-panel=releases] tbody tr").Should().HaveCount(2 * Math.Min(6, releases), "CES and PSAT for each release");
        page.QuerySelectorAll("[data-event-item]").Should().HaveCount(events.GetProperty("events").GetArrayLength(), "every event of the range is listed under the trend");
    }

    [Fact]
    public async Task SuccessPage_RecentDetractorsWithTheirComments()
    {
        var page = await _client.GetPageAsync("/departments/success");

        var rows = page.QuerySelectorAll("[data-panel=detractors] tbody tr");
        rows.Should().NotBeEmpty().And.HaveCountLessThanOrEqualTo(15);
        rows.Select(r => int.Parse(r.QuerySelectorAll("td")[1].TextContent, EnUs)).Should().OnlyContain(score => score <= 6);
        rows.Select(r => r.QuerySelector("td.comment")!.TextContent).Should().OnlyContain(c => c.Length > 0);
    }

    [Fact]
    public async Task DepartmentList_ShowsEveryDepartmentWithItsAttainment()
    {
        var api = await _client.GetFromJsonAsync<JsonElement>("/api/departments");
        var page = await _client.GetPageAsync("/departments");

        foreach (var department in api.EnumerateArray())
        {
            var card = page.One($"[data-department='{department.GetProperty("code").GetString()}']");
            var attainment = department.GetProperty("attainment");
            card.One("[data-attainment]").Text().Should().StartWith($"{attainment.GetProperty("met").GetInt32()} of {attainment.GetProperty("set").GetInt32()} targets met");
            (card.QuerySelector("[data-strongest]") is not null).Should().Be(department.GetProperty("strongestLink").ValueKind != JsonValueKind.Null);
        }
    }

    private static string P(double p) => p < 0.001 ? "< 0.001" : p.ToString("0.000", EnUs);
}

/// <summary>A department page on an empty database tells a new user which import would fill it.</summary>
public sealed class DepartmentEmptyPageTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FinancePage_EmptyDatabase_NamesTheImportsThatWouldFillIt()
    {
        var page = await _client.GetPageAsync("/departments/finance");

        page.QuerySelectorAll("[data-needs]").Select(n => n.GetAttribute("data-needs"))
            .Should().BeEquivalentTo(["responses", "customers", "orders", "kpis"], "NPS and CES need survey answers, churn customers, CLV orders, and its KPIs a kpis file");
        page.One("[data-needs=kpis] a").GetAttribute("href").Should().Be("/imports?kind=kpis");
        page.QuerySelectorAll("[data-linkage] [data-verdict]").Should().OnlyContain(v => v.GetAttribute("data-verdict") == "not_enough_history");
    }

    [Theory]
    [MemberData(nameof(DepartmentPagesTests.Codes), MemberType = typeof(DepartmentPagesTests))]
    public async Task EveryDepartmentPage_EmptyDatabase_RendersAndAsksForItsKpis(string code)
    {
        var page = await _client.GetPageAsync($"/departments/{code}");

        page.One("h1").Text().Should().NotBeEmpty();
        page.QuerySelectorAll("[data-needs]").Select(n => n.GetAttribute("data-needs")).Should().Contain("kpis", "every department has KPIs and none is imported")
            .And.Contain("responses", "every department shows a survey metric");
        page.QuerySelectorAll("[data-linkage] [data-verdict]").Should().OnlyContain(v => v.GetAttribute("data-verdict") == "not_enough_history");
        page.One("[data-attainment]").Text().Should().Be("no targets set");
    }

    [Fact]
    public async Task UnknownDepartment_Is404WithTheNotFoundPage()
    {
        var page = await _client.GetPageAsync("/departments/astrology", 404);

        page.One("h1").Text().Should().Be("This page does not exist");
    }
}
