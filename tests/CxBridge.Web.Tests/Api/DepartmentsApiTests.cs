using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Api;

/// <summary>GET/PUT of the department catalog through the real HTTP pipeline: round trips, and every bad input refused whole.</summary>
public sealed class DepartmentsApiTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        await app.Database.ClearCatalogAsync();
        await app.Database.CreateSeeder().SeedAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> GetTextAsync(string url)
    {
        var response = await _client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>A PUT that must be refused: 422 problem details whose text names <paramref name="named"/>, and the set unchanged.</summary>
    private async Task<JsonElement> PutRefusedAsync(string url, string json, params string[] named)
    {
        var before = await GetTextAsync(url);

        var response = await _client.PutAsync(url, Json(json));

        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, body);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        foreach (var text in named)
        {
            body.Should().Contain(text);
        }
        (await GetTextAsync(url)).Should().Be(before, "nothing is saved when any entry is refused");
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().Should().Be(422);
        return problem;
    }

    private async Task ImportKpisAsync(string csv)
    {
        var response = await _client.PostAsync("/api/imports/kpis", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task List_SeededCatalog_TenDepartmentsWithMetricsAndCounts()
    {
        var departments = await _client.GetFromJsonAsync<JsonElement>("/api/departments");

        departments.EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Equal(
            "marketing", "finance", "operations", "technology", "sales", "product", "service", "success", "hr", "executive");
        var finance = departments[1];
        finance.GetProperty("name").GetString().Should().Be("Finance");
        finance.GetProperty("question").GetString().Should().StartWith("CX as money");
        finance.GetProperty("metrics").EnumerateArray().Select(m => m.GetString()).Should().Equal("nps", "ces", "clv", "churn_rate");
        (finance.GetProperty("kpiCount").GetInt32(), finance.GetProperty("pairCount").GetInt32(), finance.GetProperty("targetsSet").GetInt32())
            .Should().Be((4, 4, 0));
        departments[9].GetProperty("metrics").GetArrayLength().Should().Be(13);
    }

    // ---- KPIs ----

    [Fact]
    public async Task Kpis_PutThenGet_RoundTripsRenamesAddsAndRemoves()
    {
        var put = await _client.PutAsync("/api/departments/finance/kpis", Json("""
            [
              { "code": "revenue", "name": "Net revenue", "unit": "currency", "direction": "up", "currency": "eur" },
              { "code": "refunds", "name": "Refunds", "unit": "currency", "direction": "down", "currency": "EUR" },
              { "code": "cost_to_serve", "name": "Cost to serve", "unit": "currency per customer", "direction": "down" },
              { "code": "contact_volume", "name": "Calls and chats", "unit": "contacts", "direction": "down" }
            ]
            """));

        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var saved = await put.Content.ReadAsStringAsync();
        var kpis = await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance/kpis");
        kpis.GetRawText().Should().Be(JsonDocument.Parse(saved).RootElement.GetRawText());
        kpis.EnumerateArray().Select(k => (k.GetProperty("code").GetString(), k.GetProperty("name").GetString(), k.GetProperty("direction").GetString(),
            k.GetProperty("currency").GetString(), k.GetProperty("custom").GetBoolean())).Should().Equal(
            ("revenue", "Net revenue", "up", "EUR", false),
            ("refunds", "Refunds", "down", "EUR", true),
            ("cost_to_serve", "Cost to serve", "down", null, false),
            ("contact_volume", "Calls and chats", "down", null, false));
        kpis[0].GetProperty("observations").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task Kpis_RemoveAKpiWithImportedValues_422NamingItAndNothingSaved()
    {
        await ImportKpisAsync("department,kpi,period,value\nfinance,revenue,2025-02,100\nfinance,revenue,2025-03,120\n");
        (await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance/kpis"))[0].GetProperty("observations").GetInt32().Should().Be(2);

        var problem = await PutRefusedAsync("/api/departments/finance/kpis", """
            [
              { "code": "cost_to_serve", "name": "Renamed", "unit": "currency per customer", "direction": "down" },
              { "code": "contact_volume", "name": "Contact volume", "unit": "contacts", "direction": "down" },
              { "code": "self_service_rate", "name": "Self-service rate", "unit": "%", "direction": "up" }
            ]
            """, "kpi 'revenue' has 2 imported monthly values, so it cannot be removed");

        problem.GetProperty("errors").GetProperty("revenue")[0].GetString().Should().Contain("imported observations are never lost");
    }

    [Fact]
    public async Task Kpis_RenameAndReUnitAKpiWithImportedValues_IsSaved()
    {
        await ImportKpisAsync("department,kpi,period,value\nservice,cost_per_contact,2025-03,8.5\n");

        var put = await _client.PutAsync("/api/departments/service/kpis", Json("""
            [
              { "code": "cost_per_contact", "name": "Cost per conversation", "unit": "EUR", "direction": "down", "currency": "EUR" },
              { "code": "contact_volume", "name": "Contact volume", "unit": "contacts", "direction": "down" }
            ]
            """));

        put.StatusCode.Should().Be(HttpStatusCode.OK);
        var kpi = (await _client.GetFromJsonAsync<JsonElement>("/api/departments/service/kpis"))[0];
        (kpi.GetProperty("name").GetString(), kpi.GetProperty("unit").GetString(), kpi.GetProperty("observations").GetInt32())
            .Should().Be(("Cost per conversation", "EUR", 1));
    }

    [Fact]
    public async Task Kpis_RemoveAKpiUsedByAPair_422NamingThePair() =>
        await PutRefusedAsync("/api/departments/technology/kpis", """
            [
              { "code": "page_load_time", "name": "Page load time", "unit": "seconds", "direction": "down" },
              { "code": "app_crash_rate", "name": "App crash rate", "unit": "%", "direction": "down" }
            ]
            """, "kpi 'complaints' is used by the pairs csat → technology/complaints (technology)");

    [Fact]
    public async Task Kpis_InvalidEntries_422NamingEachValue()
    {
        var problem = await PutRefusedAsync("/api/departments/product/kpis", """
            [
              { "code": "feature_adoption", "name": "Feature adoption", "unit": "%", "direction": "sideways" },
              { "code": "active_users", "name": " ", "unit": "count", "direction": "up" },
              { "code": "releases", "name": "Releases", "unit": "count", "direction": "neutral", "currency": "euro" },
              { "code": "Releases", "name": "Releases again", "unit": "count", "direction": "neutral" }
            ]
            """, "direction 'sideways' is not known: expected up, down or neutral", "currency 'euro' is not an ISO 4217 code", "kpi 'releases' is listed twice");

        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Equal("[0].direction", "[1].name", "[2].currency", "[3].code");
    }

    [Fact]
    public async Task Kpis_DirectionChangeThatContradictsTheTarget_422()
    {
        (await _client.PutAsync("/api/departments/finance/targets", Json("""[{ "subject": { "kind": "kpi", "code": "cost_to_serve" }, "good": 18, "better": 16, "best": 14 }]""")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await PutRefusedAsync("/api/departments/finance/kpis", """
            [
              { "code": "revenue", "name": "Revenue", "unit": "currency", "direction": "up" },
              { "code": "cost_to_serve", "name": "Cost to serve", "unit": "currency per customer", "direction": "up" },
              { "code": "contact_volume", "name": "Contact volume", "unit": "contacts", "direction": "down" },
              { "code": "self_service_rate", "name": "Self-service rate", "unit": "%", "direction": "up" }
            ]
            """, "kpi 'cost_to_serve' has a target (good 18, better 16, best 14) that direction up contradicts: better 16 is below good 18");
    }

    // ---- Pairs ----

    [Fact]
    public async Task Pairs_PutThenGet_RoundTripsEveryKindOfSide()
    {
        var put = await _client.PutAsync("/api/departments/sales/pairs", Json("""
            [
              { "driver": { "kind": "north_star" }, "outcome": { "kind": "kpi", "code": "revenue_per_customer" }, "expectedSign": 1 },
              { "driver": { "kind": "metric", "code": "CSAT" }, "outcome": { "kind": "kpi", "code": "profit", "department": "executive" }, "expectedSign": 1 },
              { "driver": { "kind": "metric", "code": "churn_rate" }, "outcome": { "kind": "metric", "code": "referral_rate" }, "expectedSign": -1 }
            ]
            """));

        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var pairs = await _client.GetFromJsonAsync<JsonElement>("/api/departments/sales/pairs");
        pairs.GetRawText().Should().Be(JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetRawText());
        pairs.GetRawText().Should().Be("""[{"driver":{"kind":"north_star","code":"north_star","department":null},"outcome":{"kind":"kpi","code":"revenue_per_customer","department":"sales"},"expectedSign":1},{"driver":{"kind":"metric","code":"csat","department":null},"outcome":{"kind":"kpi","code":"profit","department":"executive"},"expectedSign":1},{"driver":{"kind":"metric","code":"churn_rate","department":null},"outcome":{"kind":"metric","code":"referral_rate","department":null},"expectedSign":-1}]""");
        (await _client.GetFromJsonAsync<JsonElement>("/api/departments"))[4].GetProperty("pairCount").GetInt32().Should().Be(3);
    }

    [Fact]
    public async Task Pairs_SameSeriesOnBothSides_422NamingIt() =>
        await PutRefusedAsync("/api/departments/finance/pairs", """
            [
              { "driver": { "kind": "metric", "code": "nps" }, "outcome": { "kind": "kpi", "code": "revenue" }, "expectedSign": 1 },
              { "driver": { "kind": "kpi", "code": "revenue" }, "outcome": { "kind": "kpi", "code": "revenue", "department": "finance" }, "expectedSign": 1 }
            ]
            """, "the driver and the outcome are both finance/revenue: expected two different series");

    [Theory]
    [InlineData("""{ "kind": "metric", "code": "nsp" }""", "driver metric 'nsp' is not a metric: expected one of nps, enps")]
    [InlineData("""{ "kind": "kpi", "code": "revenu" }""", "driver kpi 'revenu' is not a KPI of finance: expected one of revenue, cost_to_serve, contact_volume, self_service_rate")]
    [InlineData("""{ "kind": "kpi", "code": "revenue", "department": "finanse" }""", "driver department 'finanse' is not a department")]
    [InlineData("""{ "kind": "graph", "code": "nps" }""", "driver kind 'graph' is not known: expected metric, kpi or north_star")]
    public async Task Pairs_UnknownCodeOrKind_422NamingTheValue(string driver, string expected) =>
        await PutRefusedAsync("/api/departments/finance/pairs", $$"""
            [
              { "driver": { "kind": "metric", "code": "ces" }, "outcome": { "kind": "kpi", "code": "cost_to_serve" }, "expectedSign": -1 },
              { "driver": {{driver}}, "outcome": { "kind": "kpi", "code": "contact_volume" }, "expectedSign": -1 }
            ]
            """, expected);

    [Theory]
    [InlineData("0", "expected sign 0 is not +1 or −1")]
    [InlineData("2", "expected sign 2 is not +1 or −1")]
    [InlineData("0.5", "expected sign 0.5 is not +1 or −1")]
    [InlineData("null", "expectedSign is missing: expected 1")]
    public async Task Pairs_ExpectedSignNotPlusOrMinusOne_422NamingTheValue(string sign, string expected) =>
        await PutRefusedAsync("/api/departments/finance/pairs",
            $$"""[{ "driver": { "kind": "metric", "code": "nps" }, "outcome": { "kind": "kpi", "code": "revenue" }, "expectedSign": {{sign}} }]""", expected);

    // ---- Targets ----

    [Fact]
    public async Task Targets_PutThenGet_RoundTripsWithTheSubjectsDirection()
    {
        var put = await _client.PutAsync("/api/departments/finance/targets", Json("""
            [
              { "subject": { "kind": "kpi", "code": "cost_to_serve" }, "good": 18, "better": 16, "best": 14 },
              { "subject": { "kind": "metric", "code": "nps" }, "good": 30, "better": 40, "best": 50 },
              { "subject": { "kind": "metric", "code": "churn_rate" }, "good": 2.5, "better": 2.5, "best": 1.5 }
            ]
            """));

        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        var targets = await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance/targets");
        targets.GetRawText().Should().Be(JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetRawText());
        targets.GetRawText().Should().Be("""[{"subject":{"kind":"metric","code":"nps","department":null},"direction":"up","good":30,"better":40,"best":50},{"subject":{"kind":"metric","code":"churn_rate","department":null},"direction":"down","good":2.5,"better":2.5,"best":1.5},{"subject":{"kind":"kpi","code":"cost_to_serve","department":"finance"},"direction":"down","good":18,"better":16,"best":14}]""");
        (await _client.GetFromJsonAsync<JsonElement>("/api/departments"))[1].GetProperty("targetsSet").GetInt32().Should().Be(3);
    }

    [Theory]
    [InlineData("""{ "kind": "metric", "code": "nps" }, "good": "NaN", "better": 40, "best": 50""", "good NaN is not a finite number: expected a number such as 42.5")]
    [InlineData("""{ "kind": "metric", "code": "nps" }, "good": 30, "better": 40, "best": "Infinity" """, "best Infinity is not a finite number")]
    [InlineData("""{ "kind": "metric", "code": "nps" }, "good": 30, "better": 20, "best": 50""", "target for nps: better 20 is below good 30: expected good ≤ better ≤ best (higher is better)")]
    [InlineData("""{ "kind": "kpi", "code": "cost_to_serve" }, "good": 14, "better": 16, "best": 18""", "target for finance/cost_to_serve: better 16 is above good 14: expected good ≥ better ≥ best (lower is better)")]
    [InlineData("""{ "kind": "metric", "code": "frt" }, "good": 4, "better": 3, "best": 2""", "metric 'frt' is not one finance shows: expected one of nps, ces, clv, churn_rate")]
    [InlineData("""{ "kind": "kpi", "code": "profit" }, "good": 1, "better": 2, "best": 3""", "kpi 'profit' is not a KPI of finance")]
    [InlineData("""{ "kind": "north_star" }, "good": 1, "better": 2, "best": 3""", "subject kind 'north_star' is not known: expected metric or kpi")]
    [InlineData("""{ "kind": "metric", "code": "nps" }, "better": 40, "best": 50""", "good is missing: expected a number")]
    public async Task Targets_BadSubjectOrLevels_422NamingTheValueAndNothingSaved(string target, string expected)
    {
        (await _client.PutAsync("/api/departments/finance/targets", Json("""[{ "subject": { "kind": "metric", "code": "ces" }, "good": 5, "better": 5.5, "best": 6 }]""")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        await PutRefusedAsync("/api/departments/finance/targets", $$"""
            [
              { "subject": { "kind": "metric", "code": "churn_rate" }, "good": 2.5, "better": 2, "best": 1.5 },
              { "subject": {{target}} }
            ]
            """, expected);

        (await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance/targets")).GetArrayLength().Should().Be(1, "the earlier set stays");
    }

    [Fact]
    public async Task Targets_NeutralKpi_422() =>
        await PutRefusedAsync("/api/departments/product/targets", """[{ "subject": { "kind": "kpi", "code": "releases" }, "good": 1, "better": 2, "best": 3 }]""",
            "target for product/releases: the direction is neutral");

    [Fact]
    public async Task Targets_RemovingTheKpi_RemovesItsTarget()
    {
        (await _client.PutAsync("/api/departments/hr/targets", Json("""[{ "subject": { "kind": "kpi", "code": "training_hours" }, "good": 10, "better": 12, "best": 16 }]""")))
            .StatusCode.Should().Be(HttpStatusCode.OK);

        const string withoutTrainingHours = """
            [
              { "code": "employee_turnover", "name": "Employee turnover", "unit": "%", "direction": "down" },
              { "code": "engagement_index", "name": "Engagement index", "unit": "points", "direction": "up" }
            ]
            """;

        (await _client.PutAsync("/api/departments/hr/kpis", Json(withoutTrainingHours))).StatusCode
            .Should().Be(HttpStatusCode.UnprocessableEntity, "training_hours is the driver of the pair training_hours → fcr");
        (await _client.PutAsync("/api/departments/hr/pairs", Json("[]"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.PutAsync("/api/departments/hr/kpis", Json(withoutTrainingHours))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetFromJsonAsync<JsonElement>("/api/departments/hr/targets")).GetArrayLength().Should().Be(0);
    }

    // ---- Unknown department ----

    [Theory]
    [InlineData("GET", "/api/departments/finanse/kpis")]
    [InlineData("PUT", "/api/departments/finanse/kpis")]
    [InlineData("GET", "/api/departments/finanse/pairs")]
    [InlineData("PUT", "/api/departments/finanse/pairs")]
    [InlineData("GET", "/api/departments/finanse/targets")]
    [InlineData("PUT", "/api/departments/finanse/targets")]
    public async Task UnknownDepartment_404ProblemDetailsNamingIt(string method, string url)
    {
        var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "PUT" ? Json("[]") : null });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().Should().Be(404);
        problem.GetProperty("detail").GetString().Should().StartWith("'finanse' is not a department: expected one of marketing, finance,");
    }

    [Fact]
    public async Task OpenApi_DescribesTheCatalogEndpointsWithTheirErrorResponses()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var put = document.GetProperty("paths").GetProperty("/api/departments/{code}/targets").GetProperty("put");
        put.GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["200", "404", "422"]);
        document.GetProperty("paths").GetProperty("/api/departments/{code}/kpis").GetProperty("get")
            .GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["200", "404"]);
        document.GetProperty("paths").GetProperty("/api/events").GetProperty("post")
            .GetProperty("responses").EnumerateObject().Select(r => r.Name).Should().BeEquivalentTo(["201", "409", "422"]);
    }
}
