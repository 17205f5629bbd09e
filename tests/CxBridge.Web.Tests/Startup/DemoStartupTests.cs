using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Data.Demo;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxBridge.Web.Tests.Startup;

/// <summary>The first start on an empty database: migrations, the seeded catalog, then the demo company with its events and targets.</summary>
public sealed class DemoStartupTests(DemoStartupTests.DemoAppFactory app) : IClassFixture<DemoStartupTests.DemoAppFactory>
{
    /// <summary>The real app with the demo data on, as scripts/run.sh starts it.</summary>
    public sealed class DemoAppFactory : CxBridgeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "true");
        }
    }

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task FirstStart_EmptyDatabase_DemoOfEveryKindWithADozenEventsAndTargetsInEveryDepartment()
    {
        var batches = await _client.GetFromJsonAsync<JsonElement>("/api/imports");
        batches.EnumerateArray().Select(b => (b.GetProperty("kind").GetString(), b.GetProperty("status").GetString())).Should().BeEquivalentTo(
            [("customers", "imported"), ("responses", "imported"), ("orders", "imported"), ("tickets", "imported"), ("kpis", "imported"), ("events", "imported")]);

        var events = await _client.GetFromJsonAsync<JsonElement>("/api/events");
        events.GetArrayLength().Should().Be(12);
        events.EnumerateArray().Select(e => e.GetProperty("kind").GetString()).Distinct()
            .Should().BeEquivalentTo(["release", "campaign", "incident", "price_change", "other"]);

        var departments = await _client.GetFromJsonAsync<JsonElement>("/api/departments");
        departments.EnumerateArray().ToDictionary(d => d.GetProperty("code").GetString()!, d => d.GetProperty("targetsSet").GetInt32())
            .Should().BeEquivalentTo(DemoTargets.All.ToDictionary(d => d.Department, d => d.Targets.Count));
        (await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance/kpis")).EnumerateArray()
            .Should().OnlyContain(k => k.GetProperty("observations").GetInt32() == 24 && !k.GetProperty("custom").GetBoolean());
    }

    [Fact]
    public async Task FirstStart_FinancePage_DefaultRange_CesMovesContactVolumeOneMonthLater()
    {
        // The demo plants CES → contact volume at lag 1 (DemoKpiGenerator); the default range is the last twelve whole
        // months, and the linkage window the 24 whole months up to the last of them: the whole demo.
        var page = await _client.GetFromJsonAsync<JsonElement>("/api/departments/finance");

        page.GetProperty("linkageTo").GetString().Should().Be(page.GetProperty("to").GetString());
        var pair = page.GetProperty("linkages").EnumerateArray().Single(l =>
            l.GetProperty("driver").GetProperty("code").GetString() == "ces" && l.GetProperty("outcome").GetProperty("code").GetString() == "contact_volume");
        pair.GetProperty("verdict").GetString().Should().Be("moves_as_expected");
        pair.GetProperty("strongestLag").GetInt32().Should().Be(1);
        var lag1 = pair.GetProperty("lags")[1];
        lag1.GetProperty("n").GetInt32().Should().Be(22);
        lag1.GetProperty("q").GetDouble().Should().BeLessThan(0.05);
        pair.GetProperty("worth").GetProperty("sentence").GetString().Should().StartWith("Months when CES rose one point saw contact volume change by −");
    }
}
