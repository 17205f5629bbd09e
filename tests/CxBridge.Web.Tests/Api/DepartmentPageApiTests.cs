using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Data.Tests.Departments;
using CxBridge.Metrics;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Api;

/// <summary>
/// GET /api/departments/{code} and the list's attainment and strongest link, through the real HTTP pipeline, against
/// finance data with planted relationships (<see cref="PlantedLinkage"/>) over the 24 months that ended last month.
/// </summary>
public sealed class DepartmentPageApiTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private static readonly DateOnly ThisMonth = new(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
    private static readonly PlantedLinkage Planted = new(ThisMonth.AddMonths(-PlantedLinkage.Months));
    private static readonly string Range = $"from={Planted.First:yyyy-MM-dd}&to={ThisMonth.AddDays(-1):yyyy-MM-dd}";

    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        await app.Database.ClearCatalogAsync();
        await app.Database.CreateSeeder().SeedAsync();
        await ImportAsync("responses", Planted.ResponsesCsv);
        await ImportAsync("kpis", Planted.KpisCsv);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task ImportAsync(string kind, string csv)
    {
        var response = await _client.PostAsync($"/api/imports/{kind}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> FinanceAsync()
    {
        var response = await _client.GetAsync($"/api/departments/finance?{Range}");
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        text.Should().NotContain("NaN").And.NotContain("Infinity");
        return JsonDocument.Parse(text).RootElement;
    }

    private static JsonElement Linkage(JsonElement page, string driver, string outcome) =>
        page.GetProperty("linkages").EnumerateArray().Single(l =>
            l.GetProperty("driver").GetProperty("code").GetString() == driver && l.GetProperty("outcome").GetProperty("code").GetString() == outcome);

    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    /// <summary>The finance page as the test computes it from the files' own values: its four pairs in order, controlled together.</summary>
    private static IReadOnlyList<LinkageResult> ExpectedFinancePage()
    {
        var ces = PlantedLinkage.CesFromCsv(Planted.ResponsesCsv);
        var contacts = PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "contact_volume");
        var cost = PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "cost_to_serve");
        var none = new Dictionary<DateOnly, double>();
        return LinkageAnalysis.ControlFalseDiscovery(
        [
            LinkageAnalysis.Analyse(none, none, +1), // nps → revenue: no NPS answer, no revenue
            LinkageAnalysis.Analyse(ces, contacts, -1),
            LinkageAnalysis.Analyse(ces, cost, -1),
            LinkageAnalysis.Analyse(none, none, -1), // churn_rate → revenue: no customers
        ]);
    }

    [Fact]
    public async Task Finance_PlantedPair_Lag1StatisticsEqualLinkageAnalysisOnTheFilesValues()
    {
        var page = await FinanceAsync();

        page.GetProperty("code").GetString().Should().Be("finance");
        page.GetProperty("from").GetString().Should().Be(Planted.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.GetProperty("linkageFrom").GetString().Should().Be(Planted.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.GetProperty("linkageTo").GetString().Should().Be(ThisMonth.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        page.GetProperty("northStar").GetString().Should().Be("nps");
        page.GetProperty("linkages").EnumerateArray().Select(l => $"{l.GetProperty("driver").GetProperty("code").GetString()}→{l.GetProperty("outcome").GetProperty("code").GetString()}")
            .Should().Equal("nps→revenue", "ces→contact_volume", "ces→cost_to_serve", "churn_rate→revenue");

        var planted = Linkage(page, "ces", "contact_volume");
        planted.GetProperty("verdict").GetString().Should().Be("moves_as_expected");
        planted.GetProperty("strongestLag").GetInt32().Should().Be(1);
        planted.GetProperty("expectedSign").GetInt32().Should().Be(-1);
        planted.GetProperty("driver").GetRawText().Should().Be("""{"kind":"metric","code":"ces","department":null,"name":"Customer Effort Score","unit":"mean (1–7)"}""");
        planted.GetProperty("outcome").GetRawText().Should().Be("""{"kind":"kpi","code":"contact_volume","department":"finance","name":"Contact volume","unit":"contacts"}""");

        var expected = ExpectedFinancePage()[1].Lags[1];
        var lag1 = planted.GetProperty("lags")[1];
        lag1.GetProperty("lag").GetInt32().Should().Be(1);
        lag1.GetProperty("n").GetInt32().Should().Be(expected.N).And.Be(22);
        lag1.GetProperty("status").GetString().Should().Be("computed");
        Number(lag1, "pearson").Should().BeApproximately(expected.Pearson!.Value, 1e-12);
        Number(lag1, "p").Should().BeApproximately(expected.P!.Value, 1e-15);
        Number(lag1, "q").Should().BeApproximately(expected.Q!.Value, 1e-15);
        Number(lag1, "slope").Should().BeApproximately(expected.Slope!.Value, 1e-9);
        Number(lag1, "slopeLow").Should().BeApproximately(expected.SlopeInterval95!.Value.Low, 1e-9);
        Number(lag1, "low").Should().BeApproximately(expected.PearsonInterval95!.Value.Low, 1e-12);
        Number(lag1, "spearman").Should().BeApproximately(expected.Spearman!.Value, 1e-12);
        Number(lag1, "pearson").Should().BeLessThan(-0.99);
        Number(lag1, "q").Should().BeLessThan(0.05);

        var worth = planted.GetProperty("worth");
        Number(worth, "perPoint").Should().BeApproximately(expected.Slope!.Value, 1e-9).And.BeApproximately(-PlantedLinkage.K, 5);
        (worth.GetProperty("lag").GetInt32(), worth.GetProperty("n").GetInt32()).Should().Be((1, 22));
        worth.GetProperty("sentence").GetString().Should().MatchRegex(
            @"^Months when CES rose one point saw contact volume change by −\d+ contacts on average one month later \(95% CI −\d+ contacts to −\d+ contacts, n = 22\)\.$");
        planted.GetProperty("verdictText").GetString().Should().StartWith("When CES rose, contact volume tended to fall one month later");
    }

    [Fact]
    public async Task Finance_EveryLagsQ_IsTheBenjaminiHochbergOfThePage()
    {
        var page = await FinanceAsync();

        var expected = ExpectedFinancePage();
        var linkages = page.GetProperty("linkages").EnumerateArray().ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            for (var lag = 0; lag <= 3; lag++)
            {
                var actual = linkages[i].GetProperty("lags")[lag];
                if (expected[i].Lags[lag].Q is { } q)
                {
                    Number(actual, "q").Should().BeApproximately(q, 1e-15, $"pair {i} lag {lag}");
                }
                else
                {
                    actual.GetProperty("q").ValueKind.Should().Be(JsonValueKind.Null);
                }
            }
        }
    }

    [Fact]
    public async Task Finance_UnrelatedPair_NoEvidenceAndNoWorth()
    {
        var page = await FinanceAsync();

        var unrelated = Linkage(page, "ces", "cost_to_serve");
        unrelated.GetProperty("verdict").GetString().Should().Be("no_evidence_yet");
        ExpectedFinancePage()[2].Verdict.Should().Be(LinkageVerdict.NoEvidenceYet);
        unrelated.GetProperty("lags").EnumerateArray().Should().OnlyContain(l => l.GetProperty("q").GetDouble() >= 0.05);
        unrelated.GetProperty("worth").ValueKind.Should().Be(JsonValueKind.Null, "a slope without evidence is not quoted in money");
        unrelated.GetProperty("verdictText").GetString().Should().StartWith("No clear link yet between changes in CES and changes in cost to serve");
    }

    [Fact]
    public async Task Finance_PairWithTooLittleHistory_NullsNotNaN()
    {
        var page = await FinanceAsync();

        var empty = Linkage(page, "nps", "revenue");
        empty.GetProperty("verdict").GetString().Should().Be("not_enough_history");
        empty.GetProperty("verdictText").GetString().Should().StartWith("Not enough history yet to compare NPS and revenue");
        foreach (var name in new[] { "strongestLag", "levelsPearson", "worth" })
        {
            empty.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
        }
        empty.GetProperty("lags").GetArrayLength().Should().Be(4);
        foreach (var lag in empty.GetProperty("lags").EnumerateArray())
        {
            lag.GetProperty("status").GetString().Should().Be("not_enough_history");
            lag.GetProperty("n").GetInt32().Should().Be(0);
            foreach (var name in new[] { "pearson", "p", "q", "low", "high", "spearman", "slope", "slopeLow", "slopeHigh" })
            {
                lag.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
            }
        }
    }

    [Fact]
    public async Task Finance_MetricsKpisTargetsAndAttainment()
    {
        var targets = await _client.PutAsync("/api/departments/finance/targets", new StringContent("""
            [
              { "subject": { "kind": "metric", "code": "ces" }, "good": 5, "better": 5.3, "best": 6 },
              { "subject": { "kind": "metric", "code": "nps" }, "good": 30, "better": 40, "best": 50 },
              { "subject": { "kind": "kpi", "code": "contact_volume" }, "good": 2000, "better": 1500, "best": 900 }
            ]
            """, Encoding.UTF8, "application/json"));
        targets.StatusCode.Should().Be(HttpStatusCode.OK, await targets.Content.ReadAsStringAsync());

        var page = await FinanceAsync();

        var ces = PlantedLinkage.CesFromCsv(Planted.ResponsesCsv);
        var metric = page.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "ces");
        var (last, before) = (Planted.Last, Planted.Last.AddMonths(-1));
        metric.GetProperty("period").GetString().Should().Be(last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Number(metric, "value").Should().BeApproximately(ces[last], 1e-12);
        metric.GetProperty("n").GetInt32().Should().Be(10);
        metric.GetProperty("partial").GetBoolean().Should().BeFalse();
        Number(metric, "previous").Should().BeApproximately(ces[before], 1e-12);
        Number(metric, "change").Should().BeApproximately(ces[last] - ces[before], 1e-12);
        metric.GetProperty("target").GetRawText().Should().Be("""{"good":5,"better":5.3,"best":6}""");
        metric.GetProperty("status").GetString().Should().Be("better", "the last month's CES is 5.4");
        var nps = page.GetProperty("metrics")[0];
        (nps.GetProperty("value").ValueKind, nps.GetProperty("status").ValueKind).Should().Be((JsonValueKind.Null, JsonValueKind.Null));

        var kpi = page.GetProperty("kpis").EnumerateArray().Single(k => k.GetProperty("code").GetString() == "contact_volume");
        var contacts = PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "contact_volume");
        kpi.GetProperty("points").GetArrayLength().Should().Be(24);
        Number(kpi.GetProperty("latest"), "value").Should().Be(contacts[last]);
        Number(kpi.GetProperty("previous"), "value").Should().Be(contacts[before]);
        kpi.GetProperty("higherIsBetter").GetBoolean().Should().BeFalse();
        kpi.GetProperty("status").GetString().Should().Be("better", $"{contacts[last]} contacts: at most 1500, above 900");
        page.GetProperty("kpis")[0].GetProperty("latest").ValueKind.Should().Be(JsonValueKind.Null, "no revenue in the data");

        var attainment = page.GetProperty("attainment");
        (attainment.GetProperty("met").GetInt32(), attainment.GetProperty("set").GetInt32(), attainment.GetProperty("withoutValue").GetInt32())
            .Should().Be((2, 3, 1));

        var list = await _client.GetFromJsonAsync<JsonElement>($"/api/departments?{Range}");
        var finance = list.EnumerateArray().Single(d => d.GetProperty("code").GetString() == "finance");
        finance.GetProperty("targetsSet").GetInt32().Should().Be(3);
        finance.GetProperty("attainment").GetProperty("met").GetInt32().Should().Be(2);
        finance.GetProperty("attainment").GetProperty("worst").ValueKind.Should().Be(JsonValueKind.Null, "the one target not met has no value");
        var strongest = finance.GetProperty("strongestLink");
        (strongest.GetProperty("driver").GetProperty("code").GetString(), strongest.GetProperty("outcome").GetProperty("code").GetString(), strongest.GetProperty("strongestLag").GetInt32())
            .Should().Be(("ces", "contact_volume", 1));
        list.EnumerateArray().Where(d => d.GetProperty("code").GetString() != "finance")
            .Should().OnlyContain(d => d.GetProperty("strongestLink").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Finance_EditedPairs_ChangeTheLinkages()
    {
        var put = await _client.PutAsync("/api/departments/finance/pairs", new StringContent("""
            [
              { "driver": { "kind": "metric", "code": "nps" }, "outcome": { "kind": "kpi", "code": "revenue" }, "expectedSign": 1 },
              { "driver": { "kind": "metric", "code": "ces" }, "outcome": { "kind": "kpi", "code": "contact_volume" }, "expectedSign": -1 },
              { "driver": { "kind": "metric", "code": "churn_rate" }, "outcome": { "kind": "kpi", "code": "revenue" }, "expectedSign": -1 },
              { "driver": { "kind": "kpi", "code": "contact_volume" }, "outcome": { "kind": "metric", "code": "ces" }, "expectedSign": 1 }
            ]
            """, Encoding.UTF8, "application/json"));
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());

        var page = await FinanceAsync();

        page.GetProperty("linkages").EnumerateArray().Select(l => $"{l.GetProperty("driver").GetProperty("code").GetString()}→{l.GetProperty("outcome").GetProperty("code").GetString()}")
            .Should().Equal("nps→revenue", "ces→contact_volume", "churn_rate→revenue", "contact_volume→ces");
        var added = Linkage(page, "contact_volume", "ces");
        added.GetProperty("expectedSign").GetInt32().Should().Be(1);
        added.GetProperty("driver").GetProperty("kind").GetString().Should().Be("kpi");
        // The page is another set of tests now: q-values are controlled over the pairs it has.
        var ces = PlantedLinkage.CesFromCsv(Planted.ResponsesCsv);
        var contacts = PlantedLinkage.KpiFromCsv(Planted.KpisCsv, "finance", "contact_volume");
        var none = new Dictionary<DateOnly, double>();
        var expected = LinkageAnalysis.ControlFalseDiscovery(
        [
            LinkageAnalysis.Analyse(none, none, 1), LinkageAnalysis.Analyse(ces, contacts, -1),
            LinkageAnalysis.Analyse(none, none, -1), LinkageAnalysis.Analyse(contacts, ces, 1),
        ]);
        for (var lag = 0; lag <= 3; lag++)
        {
            Number(added.GetProperty("lags")[lag], "q").Should().BeApproximately(expected[3].Lags[lag].Q!.Value, 1e-15);
            Number(Linkage(page, "ces", "contact_volume").GetProperty("lags")[lag], "q").Should().BeApproximately(expected[1].Lags[lag].Q!.Value, 1e-15);
        }
        added.GetProperty("verdict").GetString().Should().Be(Code(expected[3].Verdict!.Value));
    }

    [Fact]
    public async Task UnknownDepartment_404ProblemDetails()
    {
        var response = await _client.GetAsync($"/api/departments/finanse?{Range}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain("'finanse' is not a department");
    }

    [Theory]
    [InlineData("/api/departments/finance?from=2025-13-01", "from '2025-13-01' is not a date")]
    [InlineData("/api/departments/finance?from=2025-03-01&to=2025-02-01", "is before from")]
    [InlineData("/api/departments/finance?grain=fortnight", "grain 'fortnight' is not known")]
    [InlineData("/api/departments?to=yesterday", "to 'yesterday' is not a date")]
    public async Task BadFilter_400ProblemDetailsSayingWhat(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task OpenApi_DescribesTheDepartmentPage()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var get = document.GetProperty("paths").GetProperty("/api/departments/{code}").GetProperty("get").GetProperty("responses");
        get.EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["200", "400", "404"]);
        document.GetProperty("components").GetProperty("schemas").GetProperty("LinkageItem").GetProperty("properties")
            .EnumerateObject().Select(p => p.Name).Should().Contain(["driver", "outcome", "expectedSign", "lags", "strongestLag", "verdict", "verdictText", "worth"]);
    }

    private static string Code(LinkageVerdict verdict) => CxBridge.Web.Api.DepartmentsApi.Code(verdict);
}
