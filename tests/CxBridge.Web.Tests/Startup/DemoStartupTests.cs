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
}
