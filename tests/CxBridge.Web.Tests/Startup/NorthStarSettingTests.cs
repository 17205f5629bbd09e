using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace CxBridge.Web.Tests.Startup;

/// <summary>The setting CxBridge:NorthStar: checked when the app starts, and what north_star in a pair reads.</summary>
public sealed class NorthStarSettingTests
{
    private sealed class NorthStarAppFactory(string northStar) : CxBridgeAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("CxBridge:NorthStar", northStar);
        }
    }

    [Fact]
    public async Task NotAMetric_TheAppDoesNotStartAndSaysWhy()
    {
        var app = new NorthStarAppFactory("happiness");
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var act = () => app.CreateClient();

            var thrown = act.Should().Throw<Exception>().Which;
            Messages(thrown).Should().Contain(m => m.Contains("CxBridge:NorthStar 'happiness' is not a metric: expected one of nps, enps, csat", StringComparison.Ordinal));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    [Fact]
    public async Task AMetric_NorthStarPairsReadIt()
    {
        var app = new NorthStarAppFactory("CSAT");
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            var page = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/departments/executive");

            page.GetProperty("northStar").GetString().Should().Be("csat");
            var driver = page.GetProperty("linkages")[0].GetProperty("driver");
            (driver.GetProperty("kind").GetString(), driver.GetProperty("code").GetString(), driver.GetProperty("name").GetString())
                .Should().Be(("north_star", "north_star", "Customer Satisfaction"));
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Messages))
                {
                    yield return inner;
                }
            }
        }
    }
}
