using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Data.Departments;
using CxBridge.Data.Tests.Demo;
using CxBridge.Web.Components.Pages.Departments;
using CxBridge.Web.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;
using CxBridge.Web.Tests.Startup;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;

namespace CxBridge.Web.Tests.Exports;

/// <summary>
/// The department pages' CSV exports over the demo company: each table cell for cell against GET /api/departments
/// (and /api/metrics where a panel reads a metric), or the page's own panel query where no API has the table.
/// </summary>
public sealed class DepartmentExportTests(DemoStartupTests.DemoAppFactory app) : IClassFixture<DemoStartupTests.DemoAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    public static TheoryData<string> Codes() => new(CxBridge.Metrics.DepartmentCatalog.Codes);

    /// <summary>The API's page for a department (default range) and that range as a query string.</summary>
    private async Task<(JsonElement Api, string Range)> ApiAsync(string code)
    {
        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/departments/{code}");
        return (api, $"from={api.GetProperty("from").GetString()}&to={api.GetProperty("to").GetString()}");
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task PageTables_EveryDepartment_AreTheApisNumbers(string code)
    {
        var (page, range) = await ApiAsync(code);

        var metrics = await ExportAsync($"/departments/{code}/export/metrics?{range}");
        metrics[0].Should().Be("metric|period|value|n|low|high|partial|previous|p|significant|good|better|best|status");
        metrics.Skip(1).Should().Equal(page.GetProperty("metrics").EnumerateArray().Select(m => Row(
            S(m, "code"), S(m, "period"), S(m, "value"), S(m, "n"), S(m, "low"), S(m, "high"), S(m, "partial"), S(m, "previous"), S(m, "p"),
            S(m, "significant"), Level(m, "good"), Level(m, "better"), Level(m, "best"), S(m, "status"))));

        var kpis = await ExportAsync($"/departments/{code}/export/kpis?{range}");
        kpis[0].Should().Be("kpi|name|unit|currency|direction|period|value|latest|good|better|best|status");
        kpis.Skip(1).Should().Equal(page.GetProperty("kpis").EnumerateArray().SelectMany(k =>
        {
            var latest = k.GetProperty("latest").ValueKind == JsonValueKind.Null ? null : S(k.GetProperty("latest"), "period");
            var points = k.GetProperty("points").EnumerateArray().Select(p => (Period: S(p, "period"), Value: S(p, "value"))).ToList();
            return (points.Count == 0 ? [("", "")] : points).Select(p => Row(
                S(k, "code"), S(k, "name"), S(k, "unit"), S(k, "currency"), S(k, "direction"), p.Period, p.Value, p.Period == latest ? "true" : "false",
                Level(k, "good"), Level(k, "better"), Level(k, "best"), p.Period == latest ? S(k, "status") : ""));
        }));
        kpis.Skip(1).Select(l => l.Split('|')[6]).Should().Contain(v => v.Length > 0, "the demo has KPI values in every department");

        var linkages = await ExportAsync($"/departments/{code}/export/linkages?{range}");
        linkages[0].Should().Be("driver|outcome|expected_sign|lag|status|n|r|r_low|r_high|p|q|spearman|slope|slope_low|slope_high|strongest|verdict");
        linkages.Skip(1).Should().Equal(page.GetProperty("linkages").EnumerateArray().SelectMany(l => l.GetProperty("lags").EnumerateArray().Select(x => Row(
            Ref(l.GetProperty("driver")), Ref(l.GetProperty("outcome")), S(l, "expectedSign"), S(x, "lag"), S(x, "status"), S(x, "n"), S(x, "pearson"),
            S(x, "low"), S(x, "high"), S(x, "p"), S(x, "q"), S(x, "spearman"), S(x, "slope"), S(x, "slopeLow"), S(x, "slopeHigh"),
            S(x, "lag") == S(l, "strongestLag") ? "true" : "false", S(l, "verdict")))));
        linkages.Should().HaveCount(1 + 4 * page.GetProperty("linkages").GetArrayLength(), "one line per pair and lag 0..3");

        var events = await ExportAsync($"/departments/{code}/export/events?{range}");
        events[0].Should().Be("date|kind|title|department|link");
        events.Skip(1).Should().Equal(page.GetProperty("events").EnumerateArray().Select(e => Row(
            S(e, "date"), S(e, "kind"), CsvExport.Neutralise(S(e, "title")), S(e, "department"), S(e, "link"))));
    }

    [Fact]
    public async Task ListExport_DemoData_TenDepartmentsWithTheApisAttainmentAndStrongestLink()
    {
        var (_, range) = await ApiAsync("finance");
        var api = await _client.GetFromJsonAsync<JsonElement>($"/api/departments?{range}");

        var list = await ExportAsync($"/departments/export?{range}");

        list[0].Should().Be("department|name|targets_met|targets_set|without_value|worst_subject|worst_value|worst_good|strongest_link|strongest_lag|strongest_r|strongest_q|strongest_n");
        list.Should().HaveCount(11);
        list.Skip(1).Should().Equal(api.EnumerateArray().Select(d =>
        {
            var a = d.GetProperty("attainment");
            var worst = a.GetProperty("worst");
            var link = d.GetProperty("strongestLink");
            var lag = link.ValueKind == JsonValueKind.Null ? default : link.GetProperty("lags")[link.GetProperty("strongestLag").GetInt32()];
            return Row(S(d, "code"), S(d, "name"), S(a, "met"), S(a, "set"), S(a, "withoutValue"),
                worst.ValueKind == JsonValueKind.Null ? "" : Ref(worst.GetProperty("subject")), S(worst, "value"),
                worst.ValueKind == JsonValueKind.Null ? "" : S(worst.GetProperty("target"), "good"),
                link.ValueKind == JsonValueKind.Null ? "" : $"{Ref(link.GetProperty("driver"))} -> {Ref(link.GetProperty("outcome"))}",
                S(link, "strongestLag"), S(lag, "pearson"), S(lag, "q"), S(lag, "n"));
        }));
        list.Skip(1).Select(l => int.Parse(l.Split('|')[3], CultureInfo.InvariantCulture)).Should().OnlyContain(set => set > 0, "the demo sets targets everywhere");
    }

    [Fact]
    public async Task RevenueAtRiskExport_Finance_IsTheChurnAndClvApisCustomersLostTimesClv()
    {
        var (api, range) = await ApiAsync("finance");
        var churn = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/churn_rate?{range}&grain=total&basis=period");
        var clv = (await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/clv?{range}&grain=total")).GetProperty("points")[0];

        var risk = await ExportAsync($"/departments/finance/export/revenue_at_risk?{range}");

        var lost = churn.GetProperty("points")[0].GetProperty("detail").GetProperty("lost").GetDouble();
        risk.Should().Equal(
            "from|to|customers_lost|lifetime_value|lifetime_value_n|amount",
            Row(S(api, "from"), S(api, "to"), C((int)lost), S(clv, "value"), S(clv, "n"), C(lost * clv.GetProperty("value").GetDouble())));
    }

    [Fact]
    public async Task ReleasesExport_Product_BeforeAndAfterAreTheMetricApiOverEachWindow()
    {
        var (api, range) = await ApiAsync("product");

        var releases = await ExportAsync($"/departments/product/export/releases?{range}");

        releases[0].Should().Be("release_date|release|metric|before|before_n|after|after_n|p|significant");
        var expected = api.GetProperty("events").EnumerateArray().Where(e => S(e, "kind") == "release").Reverse().Take(6).ToList();
        releases.Should().HaveCount(1 + 2 * expected.Count).And.HaveCountGreaterThan(1, "the demo has releases in the default range");
        var lines = releases.Skip(1).Select(l => l.Split('|')).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var (release, metric) = (expected[i / 2], i % 2 == 0 ? "ces" : "psat");
            var day = DateOnly.Parse(S(release, "date"), CultureInfo.InvariantCulture);
            var before = await PointAsync(metric, day.AddDays(-DepartmentPanelsQuery.ReleaseWindowDays), day.AddDays(-1));
            var after = await PointAsync(metric, day, day.AddDays(DepartmentPanelsQuery.ReleaseWindowDays - 1));
            string.Join('|', lines[i][..7]).Should().Be(Row(S(release, "date"), CsvExport.Neutralise(S(release, "title")), metric, S(before, "value"), S(before, "n"), S(after, "value"), S(after, "n")));
            lines[i][8].Should().Be(lines[i][7].Length > 0 && double.Parse(lines[i][7], CultureInfo.InvariantCulture) < 0.05 ? "true" : "false");
        }
    }

    private async Task<JsonElement> PointAsync(string metric, DateOnly from, DateOnly to) =>
        (await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/{metric}?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&grain=total")).GetProperty("points")[0];

    [Theory]
    [InlineData("service", "breakdowns")]
    [InlineData("hr", "top_agents")]
    [InlineData("hr", "chain")]
    [InlineData("success", "detractors")]
    [InlineData("executive", "revenue_at_risk")]
    public async Task PanelExport_DepartmentsOwnPanel_IsThePanelQuerysRows(string code, string table)
    {
        var (_, range) = await ApiAsync(code);
        var panels = await PanelsAsync(code, range);

        var csv = await ExportAsync($"/departments/{code}/export/{table}?{range}");

        IEnumerable<string> Breakdowns(IEnumerable<BreakdownPanel> list) => list.SelectMany(p => p.Rows.Select(r => Row(
            p.Definition.Code, p.Dimension, N(r.Value), C(r.Point.Value), C(r.Point.N), C(r.Point.Low), C(r.Point.High), C(r.VersusRest.P), C(r.VersusRest.Significant))));
        IEnumerable<string> Metric(CxBridge.Data.Queries.MetricHeadline h) => [Row(h.Definition.Code, C(h.Latest.Period), C(h.Latest.Value), C(h.Latest.N), C(h.Latest.Low),
            C(h.Latest.High), C(h.Coverage.IsPartial), C(h.Comparison?.Point.Value), C(h.Comparison?.Test.P), C(h.Significant), "", "", "", "")];
        IEnumerable<string> expected = table switch
        {
            "breakdowns" => Breakdowns(panels.ServiceBreakdowns).Prepend("metric|dimension|segment|value|n|low|high|p_vs_rest|significant"),
            "top_agents" => Breakdowns(panels.TopAgents).Prepend("metric|dimension|segment|value|n|low|high|p_vs_rest|significant"),
            "chain" => Metric(panels.Enps!).Concat(Metric(panels.Nps!)).Prepend("metric|period|value|n|low|high|partial|previous|p|significant|good|better|best|status"),
            "detractors" => panels.Detractors.Select(c => Row(C(c.RespondedAt), C(c.Score), N(c.CustomerId), N(c.Segment), N(c.Comment)))
                .Prepend("responded_at|score|customer|segment|comment"),
            _ => ["from|to|customers_lost|lifetime_value|lifetime_value_n|amount", Row(C(panels.RevenueAtRisk!.From), C(panels.RevenueAtRisk.To),
                C(panels.RevenueAtRisk.CustomersLost), C(panels.RevenueAtRisk.LifetimeValue), C(panels.RevenueAtRisk.LifetimeValueN), C(panels.RevenueAtRisk.Amount))],
        };
        csv.Should().Equal(expected);
        csv.Should().HaveCountGreaterThan(1, "the demo fills every panel");
    }

    [Fact]
    public async Task EventsExport_FormulaTitle_IsNeutralised()
    {
        var (api, range) = await ApiAsync("marketing");
        var created = await _client.PostAsJsonAsync("/api/events", new { date = S(api, "to"), kind = "other", title = "=HYPERLINK(\"http://evil\",\"x\")" });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var csv = await _client.GetStringAsync($"/departments/marketing/export/events?{range}");

        csv.Should().Contain("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"").And.NotContain(",=HYPERLINK").And.NotContain("\"=HYPERLINK");
    }

    [Fact]
    public async Task Export_ResponseHeaders_AreACsvDownloadNamedByDepartmentTableAndRange()
    {
        var response = await _client.GetAsync("/departments/finance/export/metrics?from=2025-01-01&to=2025-03-31");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.Should().Be("finance-metrics-20250101-20250331.csv");
        (await _client.GetAsync("/departments/export?from=2025-01-01&to=2025-03-31")).Content.Headers.ContentDisposition!.FileName
            .Should().Be("departments-20250101-20250331.csv");
    }

    [Theory]
    [InlineData("/departments/finance/export/nothing", "'nothing' is not a table of the Finance page: expected metrics, kpis, linkages, events, revenue_at_risk")]
    [InlineData("/departments/finance/export/detractors", "expected metrics, kpis, linkages, events, revenue_at_risk")]
    [InlineData("/departments/success/export/nothing", "expected metrics, kpis, linkages, events, detractors")]
    [InlineData("/departments/astrology/export/metrics", "'astrology' is not a department")]
    public async Task Export_UnknownTableOrDepartment_404ProblemSayingWhatIsExpected(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Theory]
    [InlineData("/departments/finance/export/metrics?from=someday", "from 'someday' is not a date")]
    [InlineData("/departments/hr/export/chain?from=2025-03-01&to=2025-02-01", "is before from")]
    [InlineData("/departments/export?from=2025-13-01", "from '2025-13-01' is not a date")]
    public async Task Export_BadFilter_400Problem(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task OpenApi_DepartmentExports_AreNotDescribed()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        document.GetProperty("paths").EnumerateObject().Select(p => p.Name).Should().NotContain(p => p.Contains("/export", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("finance", new[] { "metrics", "kpis", "events", "linkages", "revenue_at_risk" })]
    [InlineData("service", new[] { "metrics", "kpis", "events", "linkages", "breakdowns" })]
    [InlineData("hr", new[] { "metrics", "kpis", "events", "linkages", "chain", "top_agents" })]
    [InlineData("product", new[] { "metrics", "kpis", "events", "linkages", "releases" })]
    [InlineData("success", new[] { "metrics", "kpis", "events", "linkages", "detractors" })]
    public async Task DepartmentPage_ExportLinks_EveryTableWithThePagesFilters(string code, string[] tables)
    {
        var (api, range) = await ApiAsync(code);
        var query = $"?{range}&channel=web&trend=metric:{S(api.GetProperty("metrics")[0], "code")}";
        if (api.GetProperty("events").GetArrayLength() == 0)
        {
            tables = tables.Where(t => t != "events").ToArray();
        }

        var page = await _client.GetPageAsync($"/departments/{code}{query}");

        var links = page.QuerySelectorAll("a.export-link").Select(a => a.GetAttribute("href")!).ToList();
        links.Should().BeEquivalentTo(tables.Select(t => $"/departments/{code}/export/{t}?{range}&channel=web"), "the filters travel, the trend shown does not");
        page.QuerySelectorAll("a.export-link").Should().OnlyContain(a => a.HasAttribute("download"));
        foreach (var link in links)
        {
            (await _client.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.OK, link);
        }
    }

    [Fact]
    public async Task DepartmentList_ExportLink_CarriesTheListsFilters()
    {
        var page = await _client.GetPageAsync("/departments?from=2025-01-01&to=2025-06-30&region=north");

        page.One("a.export-link").GetAttribute("href").Should().Be("/departments/export?from=2025-01-01&to=2025-06-30&region=north");
    }

    private async Task<DepartmentPanelsView> PanelsAsync(string code, string range)
    {
        using var scope = app.Services.CreateScope();
        var query = range.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => new StringValues(p[1]));
        var filter = scope.ServiceProvider.GetRequiredService<FilterQuery>().Parse(new QueryCollection(query), out var problems);
        problems.Should().BeEmpty();
        var view = await scope.ServiceProvider.GetRequiredService<DepartmentQuery>().LoadAsync(code, filter);
        return await scope.ServiceProvider.GetRequiredService<DepartmentPanelsQuery>().LoadAsync(view!);
    }

    /// <summary>GETs an export and returns its lines, each line's cells (RFC 4180 unquoted) joined with '|'.</summary>
    internal static async Task<List<string>> ExportAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        return Parse(text).Select(r => string.Join('|', r)).ToList();
    }

    private Task<List<string>> ExportAsync(string url) => ExportAsync(_client, url);

    /// <summary>The header and the records of an export, read by CsvHelper (quoted cells may hold commas, quotes and line breaks).</summary>
    internal static List<List<string>> Parse(string csv)
    {
        var (header, rows) = CsvTestReader.Read(csv);
        List<List<string>> records = [[.. header], .. rows.Select(r => r.ToList())];
        records.Should().OnlyContain(r => r.Count == header.Length, "every line has the header's cells");
        return records;
    }

    internal static string Row(params string[] cells) => string.Join('|', cells);

    /// <summary>A JSON property as the export writes it: null empty, numbers round-trip invariant, booleans lower case.</summary>
    internal static string S(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return "";
        }
        var v = e.GetProperty(name);
        return v.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.Number => v.GetDouble().ToString("R", CultureInfo.InvariantCulture),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => v.GetString()!,
        };
    }

    /// <summary>A typed value as the export writes it.</summary>
    internal static string C(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    private static string N(string? text) => text is null ? "" : CsvExport.Neutralise(text);

    private static string Level(JsonElement e, string level) =>
        e.GetProperty("target").ValueKind == JsonValueKind.Null ? "" : S(e.GetProperty("target"), level);

    /// <summary>A series as the export names it: "nps", "finance/revenue", "north_star".</summary>
    internal static string Ref(JsonElement side) =>
        S(side, "kind") == "kpi" ? $"{S(side, "department")}/{S(side, "code")}" : S(side, "code");
}

/// <summary>
/// HR's exports never contain an eNPS cut the page hides (docs/metrics.md, eNPS anonymity), on answers imported for the
/// test; and a KPI name that looks like a formula is written as text.
/// </summary>
public sealed class DepartmentEnpsExportTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private const string March = "from=2025-03-01&to=2025-03-31";
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>eNPS answers in March 2025: <paramref name="hr"/> from HR employees (3 promoters to 1 detractor), 6 from finance ones (2 promoters, 4 passives).</summary>
    private async Task ImportAsync(int hr)
    {
        var csv = new StringBuilder("response_id,score,responded_at,department,comment\n");
        for (var i = 0; i < hr; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"h{i},{(i % 4 == 3 ? 2 : 10)},2025-03-1{i % 9}T10:00:00Z,hr,\n");
        }
        for (var i = 0; i < 6; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"f{i},{(i % 3 == 0 ? 9 : 7)},2025-03-2{i % 9}T10:00:00Z,finance,\n");
        }
        var response = await _client.PostAsync("/api/imports/responses?survey=enps", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<string[]> EnpsRowAsync(string table, string query) =>
        (await DepartmentExportTests.ExportAsync(_client, $"/departments/hr/export/{table}?{query}")).Select(l => l.Split('|')).Single(r => r[0] == "enps");

    [Fact]
    public async Task HrExports_EnpsCutBelowTheAnonymityThreshold_NeverInTheExport()
    {
        await ImportAsync(hr: 4);
        var cut = $"{March}&department=hr";
        var page = await _client.GetPageAsync($"/departments/hr?{cut}");
        page.One("section[aria-labelledby=metrics-title] [data-metric=enps] [data-value]").Text().Should().Be("hidden", "4 answers, below the threshold of 5");

        foreach (var table in new[] { "metrics", "chain" })
        {
            var row = await EnpsRowAsync(table, cut);
            row[3].Should().Be("4", "n is shown, as on the page");
            new[] { row[2], row[4], row[5], row[7], row[8] }.Should().OnlyContain(cell => cell.Length == 0, $"{table}: no value, interval, comparison or p of a hidden cut");
            row[9].Should().Be("false");
        }
        // The HR answers alone are eNPS 50; no table of the page has that number, or any cut of just those answers.
        foreach (var table in new[] { "metrics", "kpis", "linkages", "events", "chain", "top_agents" })
        {
            var csv = await _client.GetStringAsync($"/departments/hr/export/{table}?{cut}");
            DepartmentExportTests.Parse(csv).SelectMany(r => r).Should().NotContain("50", table);
        }
        // The whole company's 10 answers are above the threshold: shown, as on the page (5 promoters, 1 detractor: 40).
        (await EnpsRowAsync("metrics", March))[2].Should().Be("40");
    }

    [Fact]
    public async Task HrExports_EnpsCutAtTheAnonymityThreshold_HasItsValue()
    {
        await ImportAsync(hr: 5);

        var row = await EnpsRowAsync("metrics", $"{March}&department=hr");

        (row[2], row[3]).Should().Be(("60", "5"), "4 promoters and 1 detractor of 5: 60");
        (await EnpsRowAsync("chain", $"{March}&department=hr"))[2].Should().Be("60");
    }

    [Fact]
    public async Task KpisExport_FormulaKpiName_IsNeutralised()
    {
        var kpis = await _client.GetFromJsonAsync<JsonElement>("/api/departments/hr/kpis");
        var edited = kpis.EnumerateArray()
            .Select(k => new { code = k.GetProperty("code").GetString(), name = k.GetProperty("name").GetString(), unit = k.GetProperty("unit").GetString(), direction = k.GetProperty("direction").GetString() })
            .Append(new { code = (string?)"formula", name = (string?)"=SUM(A1:A9)", unit = (string?)"count", direction = (string?)"up" }).ToList();
        var put = await _client.PutAsJsonAsync("/api/departments/hr/kpis", edited);
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var csv = await _client.GetStringAsync($"/departments/hr/export/kpis?{March}");

        csv.Split("\r\n").Should().Contain("formula,'=SUM(A1:A9),count,,up,,,false,,,,");
    }
}
