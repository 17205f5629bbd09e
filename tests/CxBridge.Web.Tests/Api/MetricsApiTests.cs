using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Api;

public sealed class MetricsApiTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Catalog_ListsAllThirteenMetricsWithDefinitions()
    {
        var catalog = await _client.GetFromJsonAsync<JsonElement>("/api/metrics");

        catalog.EnumerateArray().Select(m => m.GetProperty("code").GetString()).Should().BeEquivalentTo(
            ["nps", "enps", "csat", "psat", "ces", "churn_rate", "retention_rate", "clv", "fcr", "frt", "resolution_time", "escalation_rate", "referral_rate"]);
        catalog[0].GetProperty("definition").GetString().Should().NotBeNullOrWhiteSpace();
        catalog[0].GetProperty("version").GetInt32().Should().Be(1);
    }

    [Theory]
    [InlineData("/api/metrics/nps?grain=fortnight", "grain 'fortnight' is not known")]
    [InlineData("/api/metrics/nps?from=03/01/2025", "from '03/01/2025' is not a date")]
    [InlineData("/api/metrics/nps?from=2025-03-01&to=2025-02-01", "is before from")]
    public async Task Series_BadQuery_Returns400SayingWhat(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task Series_UnknownMetric_Returns404()
    {
        (await _client.GetAsync("/api/metrics/happiness")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Series_EveryGrain_StartsPeriodsOnTheirFirstDay()
    {
        foreach (var (grain, first) in new[] { ("week", "2025-03-03"), ("month", "2025-03-01"), ("quarter", "2025-01-01"), ("year", "2025-01-01"), ("total", "2025-03-05") })
        {
            var series = await _client.GetFromJsonAsync<JsonElement>($"/api/metrics/csat?from=2025-03-05&to=2025-03-20&grain={grain}");
            series.GetProperty("points")[0].GetProperty("period").GetString().Should().Be(first, $"grain {grain}");
        }
    }

    [Fact]
    public async Task Health_AndReadiness_Answer()
    {
        (await _client.GetStringAsync("/healthz")).Should().Be("ok");
        (await _client.GetStringAsync("/readyz")).Should().Be("ready");
        (await _client.GetAsync("/openapi/v1.json")).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
