using CxBridge.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CxBridge.Browser.Tests;

/// <summary>Each page loads cleanly in a real browser and becomes interactive: every asset found, no script or console errors.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageHealthTests(BrowserAppFactory app, ChromiumFixture chromium) : BrowserTest(app, chromium)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Data, so that the pages draw everything they can (filter values, tiles with numbers, charts, tables).
        await App.ImportResponsesAsync(NpsWave.Csv(NpsWave.DayInLastMonth(App.Today)), "nps");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?grain=week")]
    [InlineData("/metrics/nps?by=channel&drill=all")]
    [InlineData("/metrics/frt")]
    [InlineData("/imports")]
    [InlineData("/imports?kind=tickets")]
    [InlineData("/definitions")]
    public async Task Page_Loaded_HasNoConsoleErrorsOrFailedRequests(string path)
    {
        var response = await Page.GotoAsync(path);
        await WaitForCircuitAsync(Page);

        response!.Status.Should().Be(200);
        (await Page.Locator("main h1").CountAsync()).Should().Be(1, "the page rendered its content");
        Problems.All.Should().BeEmpty();
    }

    [Fact]
    public async Task BatchPage_Loaded_HasNoConsoleErrors()
    {
        var batch = await App.Database.CountAsync("SELECT max(id) FROM import_batches");

        var response = await Page.GotoAsync($"/imports/{batch}");
        await WaitForCircuitAsync(Page);

        response!.Status.Should().Be(200);
        (await Page.Locator("main h1").TextContentAsync()).Should().StartWith($"Import #{batch}:");
        Problems.All.Should().BeEmpty();
    }

    [Fact]
    public async Task UnknownAddress_ShowsTheNotFoundPageInTheLayout()
    {
        var response = await Page.GotoAsync("/no/such/page");

        response!.Status.Should().Be(404);
        (await Page.Locator("main h1").TextContentAsync()).Should().Be("This page does not exist");
        (await Page.Locator("nav .mud-nav-link").CountAsync()).Should().BeGreaterThan(0, "the page keeps the navigation");
        Problems.All.Where(p => !p.Contains("/no/such/page", StringComparison.Ordinal)).Should().BeEmpty();
    }
}
