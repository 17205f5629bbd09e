using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CxBridge.Web.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CxBridge.Web.Tests.Pages;

/// <summary>What a reader gets for an address with nothing behind it: a 404 and a page of the app, not an empty answer.</summary>
public sealed class ErrorPagesTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/metrics/happiness")]
    [InlineData("/nothing/here")]
    [InlineData("/imports/999999")]
    public async Task Page_NothingThere_Is404WithTheNotFoundPageInTheLayout(string url)
    {
        var page = await _client.GetPageAsync(url, status: 404);

        page.One("h1").TextContent.Should().Be("This page does not exist");
        page.Title.Should().Be("CxBridge — page not found");
        page.One("header a.brand").TextContent.Should().Be("CxBridge", "the page is in the app's layout");
        page.QuerySelectorAll("nav a[href='/imports']").Should().NotBeEmpty("the navigation is there");
        page.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Contain(["/", "/imports", "/definitions"]);
    }

    [Fact]
    public async Task Api_UnknownPath_KeepsProblemDetails()
    {
        var response = await _client.GetAsync("/api/nothing");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().Should().Be(404);
    }

    [Fact]
    public async Task Api_UnknownMetric_IsProblemDetailsNamingTheMetrics()
    {
        var response = await _client.GetAsync("/api/metrics/happiness");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().Should().Be("Unknown metric");
        problem.GetProperty("detail").GetString().Should().StartWith("'happiness' is not a metric: expected one of nps, enps, csat");
    }

    [Fact]
    public async Task NotFoundPage_Itself_Is200()
    {
        (await _client.GetPageAsync("/not-found")).One("h1").TextContent.Should().Be("This page does not exist");
    }
}

/// <summary>
/// The app with its database out of reach (nothing listens on its port): pages answer 503 with the page that says so
/// and reloads itself, the API answers 503 with problem details.
/// </summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private sealed class Factory : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:CxBridge", "Host=127.0.0.1;Port=1;Database=cxbridge;Username=cxbridge;Password=cxbridge;Timeout=3");
            builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
            // No migrations at startup: the database is down from the start.
            builder.ConfigureTestServices(services =>
            {
                foreach (var startup in services.Where(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(DatabaseStartup)).ToList())
                {
                    services.Remove(startup);
                }
            });
        }
    }

    private readonly Factory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Page_DatabaseUnavailable_Is503WithAPageThatRetries()
    {
        var page = await _app.CreateClient().GetPageAsync("/?from=2025-03-01&to=2025-03-31", status: 503);

        page.One("[data-database-unavailable] h1").TextContent.Should().Be("The database is unavailable");
        page.One("meta[http-equiv=refresh]").GetAttribute("content").Should().Be("10");
        page.Title.Should().Be("CxBridge — database unavailable");
    }

    [Fact]
    public async Task Api_DatabaseUnavailable_Is503ProblemDetails()
    {
        var response = await _app.CreateClient().GetAsync("/api/metrics/nps?from=2025-03-01&to=2025-03-31");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Api_DatabaseUnavailableForAClientThatAcceptsOnlyHtml_IsNeverAPage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/metrics/nps?from=2025-03-01&to=2025-03-31");
        request.Headers.Add("Accept", "text/html");

        var response = await _app.CreateClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        (await response.Content.ReadAsStringAsync()).Trim().Should().Be("Status Code: 503; Service Unavailable");
    }
}
